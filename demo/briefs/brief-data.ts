/**
 * The demo's technology briefs (issue 7), written by hand. Every organisation here is invented
 * (three added by the briefs seed, the others from demo/directory/companies.ts); results, data
 * and IP statements are invented too, and marked 示例数据 where they could be read as real.
 */
import type { BriefMaturity, BriefPartnership, IpStatus } from '../../src/domain/matching/vocabularies';
import type { Slug } from '../directory/types';

/** Invented organisations the briefs seed adds to the directory (stewarded by a demo community, no representatives). */
export interface BriefOrganisation {
  key: string;
  community: Slug;
  kind: 'hospital' | 'research_institute' | 'enterprise';
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
  province: string;
  city: string;
  district: string;
  segments: string[];
  descriptionZh: string;
  descriptionEn: string;
}

export const BRIEF_ORGANISATIONS: BriefOrganisation[] = [
  {
    key: 'kangheng-hospital-tmc', community: 'daxing-regen-park', kind: 'hospital',
    nameZh: '北京康衡医院转化医学中心', nameEn: 'Beijing Kangheng Hospital Translational Medicine Centre', shortNameZh: '康衡转化医学中心', shortNameEn: 'Kangheng TMC',
    province: '北京市', city: '北京市', district: '大兴区', segments: ['regenerative_medicine', 'biomaterials', 'phage_therapy'],
    descriptionZh: '(示例机构)一家综合医院下设的转化医学中心,整理临床科室的发明成果,对接企业开展许可和合作开发,重点方向为骨科再生修复和耐药菌感染。',
    descriptionEn: '(Invented example) The translational medicine centre of a general hospital: it gathers clinicians’ inventions and brings them to companies for licensing and co-development, focusing on orthopaedic regeneration and drug-resistant infections.',
  },
  {
    key: 'qiguang-institute-lab', community: 'taizhou-shanghai-centre', kind: 'research_institute',
    nameZh: '上海岐光生命科学研究院核酸药物实验室', nameEn: 'Shanghai Qiguang Institute of Life Sciences, Nucleic Acid Therapeutics Lab', shortNameZh: '岐光核酸药物实验室', shortNameEn: 'Qiguang NA Lab',
    province: '上海市', city: '上海市', district: '徐汇区', segments: ['mrna', 'gene_therapy'],
    descriptionZh: '(示例机构)研究院下属实验室,研究mRNA递送、环状RNA和寡核苷酸化学修饰,成果通过研究院技术转移办公室对外许可。',
    descriptionEn: '(Invented example) An institute laboratory working on mRNA delivery, circular RNA and oligonucleotide chemistry; its results are licensed through the institute’s technology-transfer office.',
  },
  {
    key: 'weijian-dx', community: 'jiading-biomed-alliance', kind: 'enterprise',
    nameZh: '上海微检芯生物科技有限公司', nameEn: 'Shanghai Weijianxin Biotech Co., Ltd.', shortNameZh: '微检芯生物', shortNameEn: 'Weijianxin Bio',
    province: '上海市', city: '上海市', district: '嘉定区', segments: ['ivd', 'medical_device'],
    descriptionZh: '(示例机构)成立三年的体外诊断初创企业,做微流控核酸检测和介入器械传感器,团队来自高校微系统实验室。',
    descriptionEn: '(Invented example) A three-year-old diagnostics startup building microfluidic nucleic-acid tests and sensors for interventional devices; the team comes from a university microsystems lab.',
  },
];

export interface DemoBrief {
  /** Organisation key: one of BRIEF_ORGANISATIONS, or a key of demo/directory/companies.ts. */
  owner: string;
  titleZh: string;
  titleEn: string;
  problem: string;
  solution: string;
  advantages: string;
  maturity: BriefMaturity;
  ipStatus: IpStatus;
  ipDetail: string;
  partnerships: BriefPartnership[];
  partnerSought: string;
  segments: string[];
  keywords: string[];
  /** Shared with these communities only; absent: public. */
  communities?: Slug[];
  /** Days before the seeding day it was published; null: a draft. */
  publishedDaysAgo: number | null;
  /** The demo account that answers enquiries (and wrote it). */
  contact: string;
}

export const DEMO_BRIEFS: DemoBrief[] = [
  {
    owner: 'heyao-cell', contact: 'member@biobridge.demo', publishedDaysAgo: 6,
    titleZh: '通用型CAR-T细胞快速制备平台', titleEn: 'Rapid manufacturing platform for allogeneic CAR-T cells',
    problem: '自体CAR-T从采血到回输通常需要三到四周,部分复发难治患者等不到产品;每位患者单独生产,成本居高不下。',
    solution: '以健康供者T细胞为原料,一步电转完成CAR基因敲入与TCR敲除,配合无血清培养基和封闭式扩增,成品分装冻存,按需发放。',
    advantages: '制备周期缩短至9天;一批次可供多名患者使用;已完成小鼠体内药效和GvHD评估(示例数据)。',
    maturity: 'preclinical', ipStatus: 'patent_pending', ipDetail: '示例数据:核心工艺已提交发明专利申请2件,尚未授权。',
    partnerships: ['co_development', 'investment'], partnerSought: '具备细胞药物GMP产线和血液肿瘤临床资源的企业或医院;关注细胞治疗的早期投资机构。',
    segments: ['cell_therapy'], keywords: ['CAR-T', '通用型', '免疫细胞治疗', '基因编辑'],
  },
  {
    owner: 'heyao-cell', contact: 'member@biobridge.demo', publishedDaysAgo: 18, communities: ['daxing-regen-park', 'china-medical-city'],
    titleZh: '间充质干细胞程序降温冻存与床旁复苏方案', titleEn: 'Controlled-rate freezing and bedside thawing of mesenchymal stem cells',
    problem: '干细胞制剂从GMP车间运到医院后,复苏操作不规范导致活率波动,影响临床疗效的一致性。',
    solution: '一套配套的冻存液配方、程序降温曲线和一次性床旁复苏器具,复苏后无需离心即可直接注射。',
    advantages: '复苏后活率稳定在九成以上(示例数据);护士十分钟内可完成操作。',
    maturity: 'prototype', ipStatus: 'know_how', ipDetail: '示例数据:冻存液配方以技术秘密方式保护,复苏器具结构可申请实用新型。',
    partnerships: ['licensing'], partnerSought: '干细胞制剂企业、细胞储存机构、冷链器具生产商。',
    segments: ['regenerative_medicine', 'cell_therapy'], keywords: ['干细胞', '再生医学', '冻存', '冷链'],
  },
  {
    owner: 'heyao-cell', contact: 'member@biobridge.demo', publishedDaysAgo: null,
    titleZh: '细胞因子释放综合征早期预警模型', titleEn: 'Early-warning model for cytokine release syndrome',
    problem: 'CAR-T回输后细胞因子释放综合征进展快,病房往往在症状明显后才干预。',
    solution: '基于回输后72小时内的常规化验和体温曲线训练的风险评分,在电子病历中自动提示。',
    advantages: '只用常规检验指标,不增加患者负担。',
    maturity: 'proof_of_concept', ipStatus: 'none', ipDetail: '',
    partnerships: ['co_development'], partnerSought: '开展CAR-T治疗的血液科和医疗信息化企业。',
    segments: ['cell_therapy', 'digital_health'], keywords: ['CRS', 'CAR-T', '预警模型'],
  },
  {
    owner: 'taizhou-institute', contact: 'park.admin@biobridge.demo', publishedDaysAgo: 9,
    titleZh: '抗体偶联药物定点偶联连接子', titleEn: 'Site-specific linker for antibody–drug conjugates',
    problem: '传统随机偶联的ADC药物抗体比分布宽,批间差异大,高DAR组分清除快、毒性高。',
    solution: '利用抗体Fc区特定糖基化位点的酶促偶联,配合可裂解的亲水连接子,得到DAR均一为4的偶联物。',
    advantages: '无需改造抗体序列,适用于已上市抗体;大鼠药代数据显示血浆稳定性优于对照(示例数据)。',
    maturity: 'preclinical', ipStatus: 'patent_granted', ipDetail: '示例数据:连接子结构已获发明专利授权1件,另有PCT申请1件。',
    partnerships: ['licensing', 'co_development'], partnerSought: '有ADC管线的创新药企业,或拥有抗体资产、希望开发ADC的企业。',
    segments: ['innovative_drug'], keywords: ['ADC', '抗体偶联药物', '定点偶联', '连接子'],
  },
  {
    owner: 'kangheng-hospital-tmc', contact: 'regen.admin@biobridge.demo', publishedDaysAgo: 12, communities: ['daxing-regen-park'],
    titleZh: '可降解软骨修复支架', titleEn: 'Biodegradable scaffold for cartilage repair',
    problem: '膝关节软骨局灶缺损自我修复能力差,现有微骨折术后形成的是纤维软骨,远期效果不理想。',
    solution: '双层梯度孔隙的可降解支架,上层引导软骨细胞长入,下层与软骨下骨整合,可在关节镜下植入,可与自体或异体干细胞联用。',
    advantages: '关节镜微创植入;动物实验中12周可见透明样软骨再生(示例数据)。',
    maturity: 'prototype', ipStatus: 'patent_pending', ipDetail: '示例数据:支架结构与制备方法已提交发明专利申请。',
    partnerships: ['co_development', 'licensing'], partnerSought: '骨科植入物企业、组织工程企业,能承担注册检验和临床试验。',
    segments: ['biomaterials', 'regenerative_medicine'], keywords: ['组织工程', '软骨修复', '生物材料', '干细胞'],
  },
  {
    owner: 'kangheng-hospital-tmc', contact: 'regen.admin@biobridge.demo', publishedDaysAgo: 30,
    titleZh: '耐药菌感染噬菌体快速配型方法', titleEn: 'Rapid phage matching for drug-resistant infections',
    problem: '多重耐药菌感染患者往往已用尽抗生素选择,噬菌体治疗需要针对菌株配型,传统方法耗时数天。',
    solution: '建立院内噬菌体库和基于荧光读数的96孔快速裂解检测,24小时内给出候选噬菌体组合。',
    advantages: '与临床微生物室现有设备兼容;已在院内积累近百株临床分离菌的配型记录(示例数据)。',
    maturity: 'proof_of_concept', ipStatus: 'know_how', ipDetail: '示例数据:检测流程以技术秘密保护,噬菌体库可共建共享。',
    partnerships: ['co_development', 'investment'], partnerSought: '噬菌体治疗企业、体外诊断企业,或愿意支持早期转化的投资机构。',
    segments: ['phage_therapy'], keywords: ['噬菌体', '耐药菌', '抗感染'],
  },
  {
    owner: 'qiguang-institute-lab', contact: 'centre.admin@biobridge.demo', publishedDaysAgo: 4,
    titleZh: '肝外靶向的mRNA脂质纳米颗粒配方', titleEn: 'Lipid nanoparticle formulation for extrahepatic mRNA delivery',
    problem: '常规LNP静脉给药后大部分富集在肝脏,限制了mRNA药物在肺、脾等器官疾病中的应用。',
    solution: '新型可电离脂质与选择性器官靶向组分组合,通过调整组分比例实现肺或脾优先分布。',
    advantages: '小鼠实验中肺部表达占比显著提高(示例数据);配方工艺可放大。',
    maturity: 'preclinical', ipStatus: 'patent_pending', ipDetail: '示例数据:可电离脂质结构已提交发明专利申请2件。',
    partnerships: ['licensing', 'co_development'], partnerSought: 'mRNA药物和疫苗企业,具备LNP放大生产能力的CDMO。',
    segments: ['mrna'], keywords: ['mRNA', 'LNP', '递送', '脂质纳米颗粒'],
  },
  {
    owner: 'qiguang-institute-lab', contact: 'centre.admin@biobridge.demo', publishedDaysAgo: 21, communities: ['taizhou-shanghai-centre'],
    titleZh: '高表达环状RNA载体', titleEn: 'High-expression circular RNA vector',
    problem: '线性mRNA在体内半衰期短,需要反复给药;现有环状RNA成环效率低、纯化难。',
    solution: '优化的自剪接内含子和IRES组合,提高体外成环效率,并配套一步层析纯化工艺。',
    advantages: '蛋白表达持续时间较线性mRNA延长数倍(示例数据)。',
    maturity: 'discovery', ipStatus: 'patent_pending', ipDetail: '示例数据:载体元件组合已提交专利申请。',
    partnerships: ['investment', 'co_development'], partnerSought: '愿意以"拨投结合"方式支持早期项目的机构和关注核酸药物的天使投资人。',
    segments: ['mrna', 'gene_therapy'], keywords: ['环状RNA', 'circRNA', '核酸药物'],
  },
  {
    owner: 'weijian-dx', contact: 'alliance.admin@biobridge.demo', publishedDaysAgo: 2,
    titleZh: '呼吸道病原体多重核酸快检卡盒', titleEn: 'Multiplex respiratory pathogen nucleic-acid cartridge',
    problem: '基层医疗机构缺少PCR实验室,呼吸道感染的病原学诊断依赖送检,结果回报慢。',
    solution: '一次性微流控卡盒集成提取、扩增和检测,配套桌面仪器,40分钟内同时检出多种常见呼吸道病原体。',
    advantages: '全封闭操作,无需PCR实验室;单人份成本可控(示例数据)。',
    maturity: 'prototype', ipStatus: 'patent_granted', ipDetail: '示例数据:卡盒流道结构已获实用新型授权,核心方法发明专利在审。',
    partnerships: ['investment', 'co_development'], partnerSought: '体外诊断企业(注册和渠道)、医疗器械产业投资机构。',
    segments: ['ivd'], keywords: ['IVD', '体外诊断', '微流控', 'POCT', '分子诊断'],
  },
  {
    owner: 'weijian-dx', contact: 'alliance.admin@biobridge.demo', publishedDaysAgo: 40,
    titleZh: '血管介入导管尖端力传感器', titleEn: 'Tip force sensor for vascular interventional catheters',
    problem: '介入手术机器人操作导管时缺少尖端受力反馈,医生难以判断导管与血管壁的接触力。',
    solution: '集成在导管尖端的光纤光栅微型力传感器,实时测量三维接触力并传回操作端。',
    advantages: '外径小,可集成于常规导管;体外模型测试精度满足临床需要(示例数据)。',
    maturity: 'prototype', ipStatus: 'patent_pending', ipDetail: '示例数据:传感器结构和标定方法已提交发明专利申请。',
    partnerships: ['co_development', 'licensing'], partnerSought: '手术机器人企业、心血管介入器械企业。',
    segments: ['medical_device'], keywords: ['手术机器人', '介入器械', '力反馈', '传感器'],
  },
  {
    owner: 'taizhou-institute', contact: 'park.admin@biobridge.demo', publishedDaysAgo: 26, communities: ['china-medical-city'],
    titleZh: '干细胞来源外泌体规模化纯化工艺', titleEn: 'Scalable purification of stem-cell-derived exosomes',
    problem: '外泌体药物研发中,超速离心纯化难以放大,得率和纯度批间差异大。',
    solution: '切向流过滤与尺寸排阻层析组合的纯化流程,配套颗粒计数和标志蛋白质控方法。',
    advantages: '可在研究院的生物制品中试平台上直接放大(示例数据)。',
    maturity: 'proof_of_concept', ipStatus: 'know_how', ipDetail: '示例数据:工艺参数以技术秘密保护。',
    partnerships: ['co_development'], partnerSought: '开发外泌体药物或再生医学产品的企业。',
    segments: ['regenerative_medicine'], keywords: ['外泌体', '干细胞', '再生医学', '纯化工艺'],
  },
];
