-- The community kinds the platform starts with. More can be added as rows; nothing in code enumerates them.
INSERT INTO "community_kinds" ("code", "name_zh_hans", "name_zh_hant", "name_en", "sort_order") VALUES
  ('park', '园区', '園區', 'Park', 10),
  ('alliance', '产业联盟', '產業聯盟', 'Alliance', 20),
  ('innovation_centre', '离岸创新中心', '離岸創新中心', 'Offshore innovation centre', 30),
  ('incubator', '孵化器 / 加速器', '孵化器 / 加速器', 'Incubator / accelerator', 40)
ON CONFLICT ("code") DO NOTHING;
