/**
 * Phrases descriptions are assembled from, by segment and by organisation kind. Each is a
 * plausible statement of what such an organisation does; the generator combines 2–3 of them
 * with the record's own facts (place, year, segment), never filler text.
 */
import type { Pair } from './science';

export const FOCUS: Record<string, readonly Pair[]> = {
  innovative_drug: [
    ['专注于肿瘤和自身免疫疾病领域的创新药物研发', 'focuses on innovative medicines for cancer and autoimmune diseases'],
    ['建有抗体发现、分子设计和成药性评价一体化平台', 'runs an integrated platform for antibody discovery, molecular design and developability assessment'],
    ['致力于首创和同类最佳小分子药物的发现与开发', 'discovers and develops first-in-class and best-in-class small molecules'],
    ['拥有自主知识产权的ADC偶联技术平台', 'owns a proprietary ADC conjugation platform'],
  ],
  medical_device: [
    ['专注于心脑血管介入器械的研发、生产和销售', 'develops, manufactures and sells cardiovascular and neurovascular interventional devices'],
    ['聚焦高端医学影像设备的国产化', 'builds domestic alternatives to high-end medical imaging equipment'],
    ['致力于微创手术机器人及配套器械的研发', 'develops minimally invasive surgical robots and their instruments'],
    ['建有符合ISO 13485体系的洁净生产车间', 'operates ISO 13485-compliant clean-room production'],
  ],
  ivd: [
    ['专注于肿瘤早筛和伴随诊断产品', 'focuses on cancer early-detection and companion-diagnostic products'],
    ['拥有化学发光、分子诊断和POCT三大技术平台', 'has chemiluminescence, molecular-diagnostics and point-of-care platforms'],
    ['为医院检验科提供试剂、仪器和整体解决方案', 'supplies hospital laboratories with reagents, analysers and complete solutions'],
  ],
  cell_therapy: [
    ['专注于实体瘤和血液瘤的细胞免疫治疗', 'develops cell immunotherapies for solid and haematological tumours'],
    ['建有符合GMP要求的细胞制备中心', 'runs a GMP cell-manufacturing centre'],
    ['开发通用型(异体)CAR-T和CAR-NK产品', 'develops allogeneic off-the-shelf CAR-T and CAR-NK products'],
  ],
  gene_therapy: [
    ['专注于遗传性罕见病的AAV基因治疗', 'develops AAV gene therapies for inherited rare diseases'],
    ['拥有衣壳工程和大规模病毒载体生产工艺', 'has capsid engineering and large-scale viral-vector manufacturing'],
    ['开发体内基因编辑疗法', 'develops in vivo gene-editing therapies'],
  ],
  mrna: [
    ['建有mRNA序列设计与脂质纳米颗粒递送平台', 'runs mRNA sequence design and lipid-nanoparticle delivery platforms'],
    ['开发mRNA肿瘤治疗性疫苗和传染病预防性疫苗', 'develops therapeutic mRNA cancer vaccines and prophylactic vaccines'],
  ],
  phage_therapy: [
    ['专注于耐药菌感染的噬菌体治疗', 'develops phage therapies for drug-resistant infections'],
    ['建有临床分离噬菌体资源库和快速配型平台', 'keeps a library of clinical phage isolates and a rapid phage-matching platform'],
  ],
  regenerative_medicine: [
    ['专注于干细胞与组织工程产品的临床转化', 'translates stem-cell and tissue-engineering products into the clinic'],
    ['建有干细胞库和符合GMP要求的制备车间', 'runs a stem-cell bank and a GMP manufacturing suite'],
    ['开发针对退行性疾病和组织损伤的再生疗法', 'develops regenerative therapies for degenerative diseases and tissue injury'],
  ],
  biomaterials: [
    ['专注于可降解医用材料和组织修复产品', 'develops biodegradable medical materials and tissue-repair products'],
    ['拥有胶原蛋白提纯和3D打印成型技术', 'has collagen purification and 3D-printing technologies'],
  ],
  vaccines: [
    ['专注于新型疫苗的研发和产业化', 'develops and industrialises new vaccines'],
    ['建有病毒类和细菌类疫苗中试及商业化生产线', 'runs pilot and commercial production lines for viral and bacterial vaccines'],
  ],
  digital_health: [
    ['以人工智能辅助诊断软件服务基层医疗机构', 'serves primary care with AI-assisted diagnostic software'],
    ['建有医学影像数据标注与算法训练平台', 'runs a medical-imaging annotation and model-training platform'],
  ],
};

export const ENTERPRISE_TAIL: readonly Pair[] = [
  ['公司核心团队来自国内外知名药企和科研院所', 'Its core team comes from leading pharmaceutical companies and research institutes in China and abroad'],
  ['目前已有多个产品进入临床阶段', 'Several of its products are in clinical development'],
  ['公司正在寻求产业资本和园区合作', 'It is looking for industrial capital and park partnerships'],
  ['产品已在国内多家三甲医院开展临床研究', 'Its products are in clinical studies at several top-tier hospitals'],
  ['公司已完成多轮融资', 'It has closed several financing rounds'],
];

export const SERVICE_TEXT: Record<string, Pair> = {
  cro: ['药物发现与临床前研究外包服务', 'outsourced discovery and preclinical research'],
  cdmo: ['工艺开发及临床样品、商业化生产', 'process development and clinical and commercial manufacturing'],
  cmo: ['符合GMP的合同生产', 'GMP contract manufacturing'],
  clinical: ['临床试验方案设计、监查和数据管理', 'clinical trial design, monitoring and data management'],
  regulatory: ['国内外注册申报咨询', 'regulatory filings in China and abroad'],
  animal_testing: ['药理毒理和动物实验服务', 'pharmacology, toxicology and animal studies'],
  pilot_production: ['中试放大和技术转移', 'pilot scale-up and technology transfer'],
  finance: ['融资顾问和财务咨询', 'financing advice and financial consulting'],
  legal: ['投融资及合规法律服务', 'legal services for financing and compliance'],
  ip: ['专利布局、申请和自由实施分析', 'patent strategy, filing and freedom-to-operate analysis'],
  registration: ['工商注册、政策申报等入园服务', 'company registration and policy applications for new residents'],
};

export const INVESTOR_TEXT: Record<string, Pair> = {
  vc: ['专注早期生物医药项目的风险投资机构', 'a venture capital firm backing early-stage life-science companies'],
  pe: ['聚焦成长期和Pre-IPO阶段的私募股权投资机构', 'a private-equity firm investing at growth and pre-IPO stages'],
  cvc: ['产业集团旗下的战略投资平台', 'the strategic investment arm of an industrial group'],
  angel: ['由产业背景投资人发起的天使投资机构', 'an angel investor founded by industry veterans'],
  guidance_fund: ['政府出资设立的产业引导基金,通过子基金和直投方式引导社会资本投向生物医药产业', 'a government-funded guidance fund that steers private capital into the biomedical industry through sub-funds and direct investments'],
  state_financing: ['国有金融投资平台,提供股权投资、国资担保贷款等综合金融服务', 'a state-owned financing platform offering equity investment and state-guaranteed loans'],
};
