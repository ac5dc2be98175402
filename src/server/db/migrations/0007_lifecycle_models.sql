-- The lifecycle as data: cell and gene therapy stages, the stage model of each track (devices
-- by NMPA class), the milestones projects record, and a starting entry in every existing
-- project's stage history so the timeline and the board have a date to count from.
INSERT INTO taxonomy_terms (taxonomy, code, group_code, name_zh_hans, name_zh_hant, name_en, aliases, sort_order) VALUES
('stage', 'cgt_research', 'cgt', '基础研究', '基礎研究', 'Research', '{研发,靶点发现}', 10),
('stage', 'cgt_preclinical', 'cgt', '临床前研究', '臨床前研究', 'Preclinical', '{临床前,IND-enabling}', 20),
('stage', 'cgt_iit', 'cgt', '研究者发起临床', '研究者發起臨床', 'Investigator-initiated trial', '{IIT,研究者发起}', 30),
('stage', 'cgt_phase_1', 'cgt', '临床I期', '臨床I期', 'Clinical phase I', '{I期,一期}', 40),
('stage', 'cgt_phase_2', 'cgt', '临床II期', '臨床II期', 'Clinical phase II', '{II期,二期}', 50),
('stage', 'cgt_pivotal', 'cgt', '关键性临床', '關鍵性臨床', 'Pivotal trial', '{III期,关键注册临床}', 60),
('stage', 'cgt_review', 'cgt', '审评审批', '審評審批', 'Regulatory review', '{BLA,上市申请}', 70),
('stage', 'cgt_manufacturing', 'cgt', '商业化生产', '商業化生產', 'Commercial manufacturing', '{生产,GMP生产}', 80),
('stage', 'cgt_commercial', 'cgt', '销售流通', '銷售流通', 'Commercial', '{销售}', 90),
('stage', 'cgt_listed', 'cgt', '企业上市', '企業上市', 'Listed', '{IPO}', 100),
('stage', 'device_filing', 'device', '第一类备案', '第一類備案', 'Class I filing', '{备案,一类备案}', 35);
--> statement-breakpoint
INSERT INTO lifecycle_models (code, track, device_class, name_zh_hans, name_zh_hant, name_en, stages, sort_order) VALUES
('drug', 'drug', NULL, '创新药', '創新藥', 'Innovative drug', '{research,preclinical,phase_1,phase_2,phase_3,review,production,commercial,listed}', 10),
('cgt', 'cgt', NULL, '细胞与基因治疗', '細胞與基因治療', 'Cell and gene therapy', '{cgt_research,cgt_preclinical,cgt_iit,cgt_phase_1,cgt_phase_2,cgt_pivotal,cgt_review,cgt_manufacturing,cgt_commercial,cgt_listed}', 20),
('device', 'device', NULL, '医疗器械(未定类别)', '醫療器械(未定類別)', 'Medical device (class not set)', '{device_design,device_testing,device_filing,device_clinical,device_registration,device_production,device_commercial,device_listed}', 30),
('device_i', 'device', 'I', '第一类医疗器械', '第一類醫療器械', 'Class I medical device', '{device_design,device_testing,device_filing,device_production,device_commercial,device_listed}', 31),
('device_ii', 'device', 'II', '第二类医疗器械', '第二類醫療器械', 'Class II medical device', '{device_design,device_testing,device_clinical,device_registration,device_production,device_commercial,device_listed}', 32),
('device_iii', 'device', 'III', '第三类医疗器械', '第三類醫療器械', 'Class III medical device', '{device_design,device_testing,device_clinical,device_registration,device_production,device_commercial,device_listed}', 33),
('ivd', 'ivd', NULL, '体外诊断', '體外診斷', 'In vitro diagnostics', '{ivd_development,ivd_validation,ivd_clinical,ivd_registration,ivd_production,ivd_commercial,ivd_listed}', 40);
--> statement-breakpoint
INSERT INTO milestone_kinds (code, tracks, stage_code, name_zh_hans, name_zh_hant, name_en, sort_order) VALUES
('ind_accepted', '{drug,cgt}', NULL, 'IND申请受理', 'IND申請受理', 'IND application accepted', 10),
('ind_cleared', '{drug,cgt}', NULL, '获得临床试验默示许可', '獲得臨床試驗默示許可', 'IND cleared (implied approval)', 20),
('fda_ind_cleared', '{drug,cgt}', NULL, '获得FDA IND许可', '獲得FDA IND許可', 'FDA IND cleared', 25),
('phase1_first_patient', '{drug,cgt}', NULL, 'I期临床首例入组', 'I期臨床首例入組', 'Phase I first patient in', 30),
('phase2_first_patient', '{drug,cgt}', NULL, 'II期临床首例入组', 'II期臨床首例入組', 'Phase II first patient in', 40),
('phase3_first_patient', '{drug,cgt}', NULL, 'III期/关键性临床首例入组', 'III期/關鍵性臨床首例入組', 'Phase III / pivotal first patient in', 50),
('nda_accepted', '{drug,cgt}', NULL, '上市申请受理', '上市申請受理', 'NDA/BLA accepted', 60),
('nmpa_drug_certificate', '{drug,cgt}', NULL, '取得药品注册证书', '取得藥品註冊證書', 'NMPA drug registration certificate', 70),
('type_test_passed', '{device,ivd}', NULL, '注册检验合格', '註冊檢驗合格', 'Registration testing passed', 80),
('clinical_evaluation_done', '{device,ivd}', NULL, '完成临床评价', '完成臨床評價', 'Clinical evaluation completed', 90),
('class1_filed', '{device}', 'device_filing', '完成第一类医疗器械备案', '完成第一類醫療器械備案', 'Class I device filed', 95),
('nmpa_device_certificate', '{device,ivd}', NULL, '取得医疗器械注册证', '取得醫療器械註冊證', 'NMPA device registration certificate', 100),
('production_licence', '{}', NULL, '取得生产许可证', '取得生產許可證', 'Manufacturing licence granted', 110),
('gmp_certified', '{}', NULL, '通过GMP符合性检查', '通過GMP符合性檢查', 'GMP compliance inspection passed', 120),
('first_sale', '{}', NULL, '实现首笔销售', '實現首筆銷售', 'First sale', 130),
('listing', '{}', NULL, '企业上市', '企業上市', 'Company listed', 140);
--> statement-breakpoint
UPDATE projects SET stage_since = (created_at AT TIME ZONE 'Asia/Shanghai')::date;
--> statement-breakpoint
INSERT INTO project_stage_changes (project_id, from_stage, to_stage, kind, changed_on, changed_by, community_id, created_at)
SELECT id, NULL, stage, 'initial', stage_since, created_by, community_id, created_at FROM projects;
