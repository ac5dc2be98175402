/**
 * Matching profiles of the four demo communities: what each looks for in projects, drawn from
 * what its public description says (demo/communities.ts) — China Medical City covers the whole
 * pharma lifecycle, the Taizhou (Shanghai) centre finds early projects to bring to Taizhou, the
 * Jiading alliance spans the whole value chain with a shared-laboratory platform, and the
 * regenerative-medicine park wants projects in immune cells, stem cells, tissue engineering,
 * gene engineering and biomaterials that already hold a clinical-trial approval or are close to
 * a registration certificate. The entry criteria and stages chosen are example settings, and the
 * statements say so (示例数据 / example settings), not the parks' published rules.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import { textArray } from '../../src/server/db/sql-helpers';

interface ProfileSeed {
  slug: string;
  accepting: boolean;
  focusSegments: string[];
  focusStages: string[];
  requiredMilestones: string[];
  requiredQualifications: string[];
  regions: string[];
  statementZh: string;
  statementEn: string;
  /** Who saved it (an account of the community). */
  by: string;
}

export const DEMO_MATCH_PROFILES: readonly ProfileSeed[] = [
  {
    slug: 'china-medical-city',
    accepting: true,
    focusSegments: ['innovative_drug', 'medical_device', 'ivd', 'vaccines', 'cell_therapy', 'gene_therapy'],
    focusStages: ['preclinical', 'phase_1', 'phase_2', 'phase_3', 'review', 'production', 'device_clinical', 'device_registration', 'device_production', 'ivd_clinical', 'ivd_registration', 'ivd_production'],
    requiredMilestones: [],
    requiredQualifications: [],
    regions: [],
    statementZh: '（示例数据）欢迎创新药、生物制品、医疗器械和体外诊断项目落地,生物制品公共服务平台可提供从临床试验、审评审批到中试及生产的全生命周期服务。',
    statementEn: '(Example settings) Innovative drugs, biologics, medical devices and IVD projects are welcome to land; the biologics public service platform serves the whole lifecycle from clinical trials and regulatory review to pilot production.',
    by: 'park.admin@biobridge.demo',
  },
  {
    slug: 'taizhou-shanghai-centre',
    accepting: true,
    focusSegments: ['innovative_drug', 'cell_therapy', 'gene_therapy', 'mrna', 'medical_device', 'ivd'],
    focusStages: ['research', 'preclinical', 'phase_1', 'device_design', 'device_testing', 'ivd_development', 'ivd_validation'],
    requiredMilestones: [],
    requiredQualifications: [],
    regions: ['上海市', '江苏省', '浙江省'],
    statementZh: '（示例数据）在上海寻找早期科创项目,通过路演和沙龙对接,推动项目回到泰州转化落地（离岸创新+本地转化）。',
    statementEn: '(Example settings) Looks for early-stage projects in Shanghai through roadshows and salons, and brings them to Taizhou to be industrialised.',
    by: 'park.admin@biobridge.demo',
  },
  {
    slug: 'jiading-biomed-alliance',
    accepting: true,
    focusSegments: ['medical_device', 'ivd', 'innovative_drug', 'digital_health', 'biomaterials'],
    focusStages: [],
    requiredMilestones: [],
    requiredQualifications: [],
    regions: ['上海市'],
    statementZh: '（示例数据）整合生物医药全产业链资源,共享实验室平台可支持研发测试;欢迎高端医疗器械、诊断和创新药项目及产业链服务机构。',
    statementEn: '(Example settings) Brings together the whole biomedical value chain; the shared-laboratory platform supports R&D and testing. High-end medical devices, diagnostics, innovative drugs and value-chain service firms are welcome.',
    by: 'alliance.admin@biobridge.demo',
  },
  {
    slug: 'daxing-regen-park',
    accepting: true,
    focusSegments: ['cell_therapy', 'regenerative_medicine', 'gene_therapy', 'biomaterials'],
    focusStages: ['phase_1', 'phase_2', 'phase_3', 'review', 'production'],
    requiredMilestones: ['ind_cleared', 'fda_ind_cleared', 'nda_accepted', 'nmpa_drug_certificate', 'nmpa_device_certificate'],
    requiredQualifications: [],
    regions: [],
    statementZh: '（示例数据）聚焦免疫细胞、干细胞、组织工程、基因工程和生物材料,优先已获临床试验批件或临近取得新药证书的项目。',
    statementEn: '(Example settings) Focused on immune cells, stem cells, tissue engineering, gene engineering and biomaterials; projects that already hold a clinical-trial approval or are close to a new-drug certificate come first.',
    by: 'regen.admin@biobridge.demo',
  },
];

/** Writes the four profiles (replacing any), version 1. Returns how many were written. */
export async function seedMatchProfiles(tx: Executor, refs: { userIds: Map<string, string>; communityIds: Map<string, string> }): Promise<number> {
  let written = 0;
  for (const p of DEMO_MATCH_PROFILES) {
    const communityId = refs.communityIds.get(p.slug);
    if (!communityId) throw new Error(`seedMatchProfiles: no community ${p.slug}`);
    await tx.execute(sql`
      insert into community_match_profiles (community_id, accepting, focus_segments, focus_stages, required_milestones, required_qualifications, regions,
                                            statement_zh, statement_en, updated_by)
      values (${communityId}, ${p.accepting}, ${textArray(p.focusSegments)}, ${textArray(p.focusStages)}, ${textArray(p.requiredMilestones)},
              ${textArray(p.requiredQualifications)}, ${textArray(p.regions)}, ${p.statementZh}, ${p.statementEn}, ${refs.userIds.get(p.by) ?? null})
      on conflict (community_id) do update set accepting = excluded.accepting, focus_segments = excluded.focus_segments, focus_stages = excluded.focus_stages,
        required_milestones = excluded.required_milestones, required_qualifications = excluded.required_qualifications, regions = excluded.regions,
        statement_zh = excluded.statement_zh, statement_en = excluded.statement_en, updated_by = excluded.updated_by`);
    written++;
  }
  return written;
}
