/**
 * Hand-written agreements of the demo. Parties are keys of demo/directory/companies.ts (invented
 * companies) or `gen:<kind>:<n>` for the n-th generated organisation of that kind in the
 * community (ordered by id). Real institutions never appear: the demo attaches no invented deals
 * to them. Amounts in 万元; `daysAgo` is counted from the seeding day, `ceremony` means signed
 * at the community's signing ceremony. Projects whose names are confidential (named investors only)
 * are never linked or named.
 */
import type { AgreementKind, AgreementStatus, PartyRole } from '../../src/domain/lifecycle/vocabularies';
import type { Slug } from '../directory/types';

export interface AgreementDef {
  community: Slug;
  kind: AgreementKind;
  title: string;
  wan: number | null;
  /** Days before the seeding day; ignored for ceremony agreements. */
  daysAgo: number;
  ceremony?: boolean;
  status: AgreementStatus;
  parties: [party: string, role: PartyRole][];
  /** A flagship project's nameZh the agreement is about. */
  project?: string;
  /** The segment counted, when no project says it. */
  segment?: string;
  note?: string;
}

/** Where each community signs its ceremony batch, and how many days ago. */
export const CEREMONIES: Partial<Record<Slug, { place: string; daysAgo: number }>> = {
  'china-medical-city': { place: '中国医药城会展交易中心', daysAgo: 150 },
  'daxing-regen-park': { place: '国际再生医学产业园', daysAgo: 96 },
  'jiading-biomed-alliance': { place: '嘉定区生物医药产业发展大会', daysAgo: 210 },
};

export const AGREEMENTS: AgreementDef[] = [
  // ---------------------------------------------------------------- China Medical City
  {
    community: 'china-medical-city', kind: 'investment', title: '曜迈生物B轮投资协议', wan: 15000, daysAgo: 420, status: 'completed',
    parties: [['chengtai-vc', 'investor'], ['jinling-pe', 'investor'], ['yaomai-adc', 'investee']], project: 'YM-101 注射用Claudin18.2 ADC',
  },
  {
    community: 'china-medical-city', kind: 'service', title: 'YM-101 ADC临床样品CDMO服务协议', wan: 1200, daysAgo: 380, status: 'in_force',
    parties: [['yaomai-adc', 'client'], ['chengjiang-cdmo', 'provider']], project: 'YM-101 注射用Claudin18.2 ADC',
  },
  {
    community: 'china-medical-city', kind: 'cooperation', title: 'CAR-T自动化生产工艺联合开发合作协议', wan: 800, daysAgo: 610, status: 'in_force',
    parties: [['heyao-cell', 'party_a'], ['taizhou-institute', 'party_b']], project: 'HY-CAR01 BCMA CAR-T细胞注射液',
  },
  {
    community: 'china-medical-city', kind: 'service', title: 'HY-CAR01 长期随访安全性研究服务协议', wan: 650, daysAgo: 240, status: 'in_force',
    parties: [['heyao-cell', 'client'], ['gen:service_provider:0', 'provider']], project: 'HY-CAR01 BCMA CAR-T细胞注射液',
  },
  {
    community: 'china-medical-city', kind: 'licensing', title: '口服多肽递送平台技术二期许可协议', wan: 800, daysAgo: 520, status: 'in_force',
    parties: [['taizhou-institute', 'licensor'], ['runqi-peptide', 'licensee']], project: 'RQ-G1 口服GLP-1受体激动剂片',
  },
  {
    community: 'china-medical-city', kind: 'investment', title: '澄源疫苗Pre-IPO轮投资协议', wan: 30000, daysAgo: 330, status: 'completed',
    parties: [['jinling-pe', 'investor'], ['gen:investor:0', 'investor'], ['chengyuan-vaccine', 'investee']], project: '重组带状疱疹疫苗(CHO细胞)',
  },
  {
    community: 'china-medical-city', kind: 'strategic', title: '生物制品中试与商业化产能战略合作协议', wan: null, daysAgo: 560, status: 'in_force',
    parties: [['chengjiang-cdmo', 'party_a'], ['chengyuan-vaccine', 'party_b'], ['taizhou-institute', 'party_c']], segment: 'vaccines',
  },
  {
    community: 'china-medical-city', kind: 'service', title: 'JH-S3 注册临床试验服务协议', wan: 900, daysAgo: 690, status: 'completed',
    parties: [['jingheng-device', 'client'], ['gen:service_provider:1', 'provider']], project: 'JH-S3 颅内取栓支架系统',
  },
  {
    community: 'china-medical-city', kind: 'cooperation', title: '高敏肌钙蛋白检测临床应用研究合作协议', wan: 300, daysAgo: 75, status: 'signed',
    parties: [['ruixi-ivd', 'party_a'], ['gen:service_provider:1', 'party_b']], project: '心肌肌钙蛋白I高敏检测试剂盒(化学发光法)',
  },
  {
    community: 'china-medical-city', kind: 'service', title: '细胞治疗产品质量检验服务协议', wan: 260, daysAgo: 300, status: 'terminated',
    parties: [['heyao-cell', 'client'], ['gen:service_provider:2', 'provider']], segment: 'cell_therapy', note: '服务方检测资质变更,双方协商一致提前终止。',
  },
  // The ceremony batch (besides the landing agreements of pipeline items signed that day).
  {
    community: 'china-medical-city', kind: 'investment', title: '曜迈生物B+轮投资协议', wan: 20000, daysAgo: 0, ceremony: true, status: 'signed',
    parties: [['chengtai-vc', 'investor'], ['gen:investor:0', 'investor'], ['yaomai-adc', 'investee']], segment: 'innovative_drug', note: '用于ADC管线的临床前研究及IND申报。',
  },
  {
    community: 'china-medical-city', kind: 'strategic', title: '细胞与基因治疗CDMO平台共建战略合作协议', wan: 50000, daysAgo: 0, ceremony: true, status: 'signed',
    parties: [['chengjiang-cdmo', 'party_a'], ['heyao-cell', 'party_b'], ['taizhou-institute', 'party_c']], segment: 'cell_therapy',
  },
  {
    community: 'china-medical-city', kind: 'cooperation', title: '颅内介入器械临床转化合作协议', wan: 3000, daysAgo: 0, ceremony: true, status: 'signed',
    parties: [['jingheng-device', 'party_a'], ['taizhou-institute', 'party_b']], project: 'JH-S3 颅内取栓支架系统',
  },
  {
    community: 'china-medical-city', kind: 'investment', title: '润启药业A轮投资协议', wan: 10000, daysAgo: 0, ceremony: true, status: 'signed',
    parties: [['jinling-pe', 'investor'], ['runqi-peptide', 'investee']], project: 'RQ-G1 口服GLP-1受体激动剂片',
  },
  // ---------------------------------------------------------------- Regenerative medicine park: the signing ceremony
  {
    community: 'daxing-regen-park', kind: 'strategic', title: '再生医学产业协同发展三方战略合作协议', wan: null, daysAgo: 0, ceremony: true, status: 'in_force',
    parties: [['zhenyuan-vc', 'party_a'], ['chengyao-msc', 'party_b'], ['ruiheng-tox', 'party_c']], segment: 'regenerative_medicine',
  },
  {
    community: 'daxing-regen-park', kind: 'service', title: 'iPSC衍生细胞产品临床前安全性评价服务协议', wan: 1200, daysAgo: 0, ceremony: true, status: 'in_force',
    parties: [['zhenyuan-ipsc', 'client'], ['ruiheng-tox', 'provider']], segment: 'cell_therapy',
  },
  {
    community: 'daxing-regen-park', kind: 'service', title: 'HH-Skin 动物实验与注册检验服务协议', wan: 600, daysAgo: 0, ceremony: true, status: 'in_force',
    parties: [['heheng-tissue', 'client'], ['gen:service_provider:0', 'provider']], project: 'HH-Skin 组织工程双层皮肤',
  },
  {
    community: 'daxing-regen-park', kind: 'investment', title: '臻源细胞A轮投资协议', wan: 8000, daysAgo: 40, status: 'signed',
    parties: [['zhenyuan-vc', 'investor'], ['zhenyuan-ipsc', 'investee']], segment: 'cell_therapy',
  },
  // ---------------------------------------------------------------- Jiading alliance
  {
    community: 'jiading-biomed-alliance', kind: 'strategic', title: '高端医疗器械产业链协同三方战略合作协议', wan: null, daysAgo: 0, ceremony: true, status: 'in_force',
    parties: [['jingyao-cvc', 'party_a'], ['jingmai-robot', 'party_b'], ['jinyan-cro', 'party_c']], segment: 'medical_device',
  },
  {
    community: 'jiading-biomed-alliance', kind: 'service', title: '脉冲电场消融产品多中心注册临床试验服务协议', wan: 1800, daysAgo: 0, ceremony: true, status: 'in_force',
    parties: [['chengxin-ep', 'client'], ['jinyan-cro', 'provider']], segment: 'medical_device',
  },
  {
    community: 'jiading-biomed-alliance', kind: 'investment', title: '启析生物C轮投资协议', wan: 15000, daysAgo: 0, ceremony: true, status: 'completed',
    parties: [['jingyao-cvc', 'investor'], ['chengtai-vc', 'investor'], ['qixi-ivd', 'investee']], project: '结直肠癌粪便DNA甲基化检测试剂盒(荧光PCR法)',
  },
  {
    community: 'jiading-biomed-alliance', kind: 'cooperation', title: '可吸收止血材料临床应用推广合作协议', wan: 500, daysAgo: 60, status: 'signed',
    parties: [['heyuan-bio', 'party_a'], ['gen:service_provider:0', 'party_b']], project: 'HYB-H1 可吸收止血纱',
  },
  // ---------------------------------------------------------------- Taizhou (Shanghai) centre
  {
    community: 'taizhou-shanghai-centre', kind: 'service', title: 'mRNA肿瘤疫苗临床前药效研究服务协议', wan: 450, daysAgo: 200, status: 'in_force',
    parties: [['lanqi-mrna', 'client'], ['chengyan-cro', 'provider']], segment: 'mrna',
  },
  {
    community: 'taizhou-shanghai-centre', kind: 'investment', title: 'Lumenza Pre-A轮投资协议', wan: 5000, daysAgo: 120, status: 'completed',
    parties: [['qihe-angel', 'investor'], ['lumenza', 'investee']], project: 'LMZ-01 长效PCSK9 siRNA',
  },
];
