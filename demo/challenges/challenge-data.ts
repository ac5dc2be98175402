/**
 * The demo's challenges (需求揭榜), all invented example content: two invented posting
 * organisations (a CDMO and a hospital's clinical department) join the directory; the demo
 * communities post calls of their own. Answering teams are invented names sent by demo users.
 */
import type { AnswerStage, ChallengeKind } from '../../src/domain/matching/vocabularies';

export interface ChallengeOrganisation {
  key: string;
  community: string;
  kind: 'enterprise' | 'hospital';
  nameZh: string;
  nameEn: string;
  province: string;
  city: string;
  segments: string[];
  descriptionZh: string;
  descriptionEn: string;
  /** Demo user who represents it (sees the poster side). */
  representative: string;
}

export const CHALLENGE_ORGANISATIONS: ChallengeOrganisation[] = [
  {
    key: 'zaiyuan-cdmo',
    community: 'china-medical-city',
    kind: 'enterprise',
    nameZh: '泰州载元生物制造有限公司',
    nameEn: 'Taizhou Zaiyuan Biomanufacturing Co., Ltd.',
    province: '江苏省',
    city: '泰州市',
    segments: ['gene_therapy', 'cell_therapy'],
    descriptionZh: '(示例机构)面向细胞与基因治疗企业的CDMO,提供AAV和慢病毒载体的工艺开发与GMP生产。',
    descriptionEn: '(Invented example) A CDMO for cell and gene therapy companies: process development and GMP manufacturing of AAV and lentiviral vectors.',
    representative: 'yutong.feng@biobridge.demo',
  },
  {
    key: 'ruikang-hospital-icu',
    community: 'china-medical-city',
    kind: 'hospital',
    nameZh: '泰州瑞康医院重症医学科',
    nameEn: 'Taizhou Ruikang Hospital, Department of Critical Care',
    province: '江苏省',
    city: '泰州市',
    segments: ['ivd', 'digital_health'],
    descriptionZh: '(示例机构)一家三级综合医院的重症医学科,开展脓毒症早期识别与精准抗感染的临床研究。',
    descriptionEn: '(Invented example) The critical care department of a tertiary general hospital, running clinical studies on early recognition of sepsis and targeted anti-infective treatment.',
    representative: 'yiming.jiang@biobridge.demo',
  },
];

export interface DemoAnswer {
  by: string;
  teamName: string;
  summary: string;
  approach: string;
  evidence: string;
  team: string;
  ip: string;
  resources: string;
  timeline: string;
  budgetWan: number | null;
  stage: AnswerStage;
  status?: 'active' | 'declined' | 'withdrawn';
  declineReason?: string;
  screeningNote?: string;
  /** A private thread: [side, author e-mail, text]. */
  thread?: ['poster' | 'team', string, string][];
}

export interface DemoChallenge {
  /** An organisation key above or a directory company key (org:…), or a community slug (community:…). */
  poster: string;
  /** The demo user who wrote it (on the poster side). */
  author: string;
  kind: ChallengeKind;
  titleZh: string;
  titleEn: string;
  description: string;
  requirements: string;
  offer: string;
  budgetWan: number | null;
  segments: string[];
  keywords: string[];
  /** Days from the seeding day (negative: past). */
  deadlineInDays: number;
  publishedDaysAgo: number | null;
  status: 'draft' | 'open' | 'closed';
  communities?: string[];
  answers: DemoAnswer[];
}

const plain = (teamName: string, by: string, stage: AnswerStage, text: { summary: string; approach: string; evidence: string; team: string; timeline: string }, extra: Partial<DemoAnswer> = {}): DemoAnswer => ({
  by,
  teamName,
  ip: '',
  resources: '',
  budgetWan: null,
  stage,
  ...text,
  ...extra,
});

export const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    poster: 'org:zaiyuan-cdmo',
    author: 'yutong.feng@biobridge.demo',
    kind: 'manufacturing',
    titleZh: 'AAV载体下游纯化:空壳率降至10%以下的层析工艺(示例)',
    titleEn: 'AAV downstream purification: a chromatography process below 10% empty capsids (example)',
    description:
      '我们的AAV生产线在200L规模下,亲和层析后空壳比例仍在30%左右,依赖超速离心去除,难以放大。希望找到可放大的阴离子交换或其他层析方案,把全/空壳分离做进连续的下游工艺。\n已尝试:两种商品化阴离子交换填料,梯度洗脱分辨率不足。',
    requirements: '有AAV全/空壳分离的实验数据(AUC或cryo-EM验证);方案可在200L规模验证;说明填料与缓冲体系的供应来源。',
    offer: '技术开发合同,验证成功后签订工艺许可或联合开发协议;提供中试线机时和样品。',
    budgetWan: 300,
    segments: ['gene_therapy'],
    keywords: ['AAV', '空壳分离', '阴离子交换层析', '病毒载体纯化'],
    deadlineInDays: 24,
    publishedDaysAgo: 12,
    status: 'open',
    answers: [
      plain('分离介质新材料课题组(示例)', 'provider@biobridge.demo', 'shortlisted', {
        summary: '用自研的多模式层析介质,在一步中完成全/空壳分离,空壳率可降至8%以下。',
        approach: '多模式配基(离子交换+疏水)接枝在大孔微球上,盐梯度与pH双梯度洗脱;在线UV260/280比值监测收集窗口。',
        evidence: '在5L和50L规模三批次验证,AUC检测空壳率6–9%;收率65%以上。',
        team: '课题负责人1名,工艺工程师2名,分析人员2名。',
        timeline: '第1–2月小试复现,第3–5月200L工艺转移,第6月出具验证报告。',
      }, {
        ip: '介质制备方法发明专利已授权1项,申请中1项。',
        resources: '需要贵司提供亲和层析后的中间品和中试线机时。',
        budgetWan: 260,
        screeningNote: '数据扎实,下周安排技术交流;注意核实填料批间差。',
        thread: [
          ['poster', 'yutong.feng@biobridge.demo', '方案已入围。想先看一下50L批次的AUC原始图谱,方便的话下周三线上交流。'],
          ['team', 'provider@biobridge.demo', '好的,图谱和批记录摘要今天发到您邮箱,周三下午两点可以。'],
        ],
      }),
      plain('连续层析工艺团队(示例)', 'zixuan.deng@biobridge.demo', 'qualified', {
        summary: '采用两柱连续捕获加阴离子交换精纯,提高产能并稳定空壳去除。',
        approach: '两柱周期逆流层析(CaptureSMB类)做亲和捕获,随后用整体柱阴离子交换做全/空壳精纯。',
        evidence: '在慢病毒载体上完成连续捕获验证,AAV数据为小试规模。',
        team: '工艺开发负责人1名,自动化工程师1名。',
        timeline: '6个月,分三个里程碑。',
      }, { budgetWan: 320 }),
      plain('高校生物分离实验室(示例)', 'shiyu.tang@biobridge.demo', 'submitted', {
        summary: '基于密度梯度的改良方法,降低超速离心负担。',
        approach: '碘克沙醇梯度优化并与切向流过滤联用。',
        evidence: '实验室规模数据。',
        team: '教授1名,研究生3名。',
        timeline: '4个月。',
      }),
      plain('层析填料代理团队(示例)', 'mengqi.han@biobridge.demo', 'submitted', {
        summary: '推荐进口填料组合方案。',
        approach: '按供应商应用手册调整梯度。',
        evidence: '供应商提供的应用案例。',
        team: '销售与应用工程师各1名。',
        timeline: '2个月。',
      }, { status: 'declined', declineReason: '本次寻求的是有自有数据的工艺方案,暂不考虑填料代理。' }),
    ],
  },
  {
    poster: 'org:ruikang-hospital-icu',
    author: 'yiming.jiang@biobridge.demo',
    kind: 'clinical',
    titleZh: '脓毒症床旁早期识别:3小时内出结果的检测方案(示例)',
    titleEn: 'Bedside early recognition of sepsis: a test with results within 3 hours (example)',
    description:
      '重症医学科每年收治疑似脓毒症患者约1,200例,血培养平均48小时出结果,早期抗感染用药主要依赖经验。希望与企业或团队合作,验证可在床旁或检验科3小时内给出病原或宿主反应结果的检测方案。',
    requirements: '已有样本检测数据;能配合开展前瞻性临床研究(伦理审批由医院牵头);给出灵敏度与特异度的预期。',
    offer: '牵头开展单中心前瞻性研究,提供样本与临床数据;成果共同署名,注册临床优先合作。',
    budgetWan: null,
    segments: ['ivd'],
    keywords: ['脓毒症', '床旁检测', 'POCT', '宿主反应'],
    deadlineInDays: 40,
    publishedDaysAgo: 5,
    status: 'open',
    answers: [
      plain('微流控快检示例团队', 'zihan.yang@biobridge.demo', 'submitted', {
        summary: '微流控芯片多重核酸扩增,覆盖常见脓毒症病原体,90分钟出结果。',
        approach: '全血直接裂解、微流控分区扩增和荧光读出,一次检测覆盖20种病原与8个耐药基因。',
        evidence: '回顾性样本300例,与血培养一致率91%。',
        team: '研发8人,注册与临床3人。',
        timeline: '3个月完成方法学,6个月完成入组。',
      }),
    ],
  },
  {
    poster: 'community:china-medical-city',
    author: 'staff@biobridge.demo',
    kind: 'technology',
    titleZh: '园区共建类器官药效评价公共平台(示例)',
    titleEn: 'A shared organoid efficacy-testing platform for the park (example)',
    description:
      '园区内创新药企业对人源类器官药效评价的需求增长,目前多送往外地检测,周期长。园区计划引入团队共建公共平台,面向园区企业提供类器官建库、药敏测试和数据分析服务。',
    requirements: '已有稳定的类器官培养体系(至少两个瘤种);具备自动化成像与数据分析能力;有平台化运营的经验或计划。',
    offer: '提供800平方米实验空间两年免租、设备采购补贴和园区企业订单对接;优秀团队可申请人才政策。',
    budgetWan: 500,
    segments: ['innovative_drug', 'regenerative_medicine'],
    keywords: ['类器官', '药效评价', '公共服务平台', 'organoid'],
    deadlineInDays: 18,
    publishedDaysAgo: 20,
    status: 'open',
    answers: [
      plain('类器官精准医学示例团队', 'judge@biobridge.demo', 'finalist', {
        summary: '以消化道肿瘤类器官库为基础,建设高通量药敏测试与数据平台。',
        approach: '标准化建库流程,384孔板自动化培养与成像,AI辅助的活性分析。',
        evidence: '已建成消化道肿瘤类器官230例,服务过6家药企的药效研究。',
        team: '首席科学家1名,博士后4名,工程师3名。',
        timeline: '入驻后3个月开放首批服务,12个月建成500例库。',
      }, { budgetWan: 480, screeningNote: '综合最优,建议决选答辩。' }),
      plain('器官芯片创业团队(示例)', 'provider@biobridge.demo', 'shortlisted', {
        summary: '类器官与器官芯片结合,提供肝毒性与药效联合评价。',
        approach: '微流控器官芯片中共培养类器官与血管内皮细胞,模拟药物暴露。',
        evidence: '肝芯片完成12个已知药物的毒性验证。',
        team: '创始人2名,研发6名。',
        timeline: '6个月完成平台搭建。',
      }, {
        thread: [
          ['poster', 'staff@biobridge.demo', '请补充器官芯片的单次通量和每个样本的测试成本估算。'],
          ['team', 'provider@biobridge.demo', '单块芯片8个通道,月产能约2,000个测试,成本测算表已附在邮件中。'],
        ],
      }),
      plain('干细胞来源类器官示例团队', 'investor@biobridge.demo', 'qualified', {
        summary: '以诱导多能干细胞分化的肝、肾类器官开展药物安全性评价。',
        approach: '定向分化与成熟化培养,配合高内涵成像。',
        evidence: '已发表相关论文3篇。',
        team: '教授1名,研究生5名。',
        timeline: '9个月。',
      }),
      plain('病理AI示例团队', 'jiahe.shen@biobridge.demo', 'submitted', {
        summary: '为类器官图像提供AI分析服务。',
        approach: '深度学习分割与活性评分。',
        evidence: '公开数据集验证。',
        team: '算法工程师4名。',
        timeline: '3个月。',
      }, { status: 'withdrawn' }),
    ],
  },
  {
    poster: 'community:daxing-regen-park',
    author: 'regen.admin@biobridge.demo',
    kind: 'technology',
    titleZh: '再生医学园区:GMP级干细胞冻存复苏工艺优化(示例)',
    titleEn: 'Regenerative medicine park: optimising GMP stem-cell cryopreservation and recovery (example)',
    description:
      '园区内多家间充质干细胞企业在冻存复苏后细胞活率和功能波动较大。园区征集可在公共细胞制备中心落地的冻存液与程序降温优化方案。',
    requirements: '复苏后活率≥90%的数据;不含DMSO或低DMSO方案优先;可在园区公共制备中心验证。',
    offer: '公共制备中心验证机时与费用支持,中选团队与园区企业签订技术服务协议。',
    budgetWan: 120,
    segments: ['cell_therapy', 'regenerative_medicine'],
    keywords: ['干细胞', '冻存', '复苏', '再生医学'],
    deadlineInDays: -10,
    publishedDaysAgo: 45,
    status: 'closed',
    answers: [
      plain('低温生物学示例团队', 'hsinyu.yeh@biobridge.demo', 'chosen', {
        summary: '低DMSO冻存液与优化的程序降温曲线,复苏活率稳定在92%以上。',
        approach: '海藻糖与聚合物保护剂组合,DMSO降至2.5%;按细胞类型优化降温曲线。',
        evidence: '三家企业的间充质干细胞各三批验证,活率92–95%。',
        team: '低温生物学博士2名,工艺工程师2名。',
        timeline: '2个月完成园区验证。',
      }, {
        budgetWan: 95,
        screeningNote: '验证数据完整,已中选;合同由园区服务公司签订。',
        thread: [
          ['poster', 'regen.admin@biobridge.demo', '恭喜中選!下週請來園區公共製備中心對接驗證排期。'],
          ['team', 'hsinyu.yeh@biobridge.demo', '謝謝!我們週二上午到園區。'],
        ],
      }),
      plain('冻存设备示例团队', 'michael.brown@biobridge.demo', 'finalist', {
        summary: '智能程序降温设备与配套冻存液。',
        approach: '多点温度监控的程序降温仪。',
        evidence: '设备已获二类医疗器械备案。',
        team: '研发5名。',
        timeline: '3个月。',
      }),
      plain('细胞制剂示例团队', 'judge@biobridge.demo', 'qualified', {
        summary: '无DMSO冻存配方。',
        approach: '糖类与氨基酸复合保护剂。',
        evidence: '小规模数据,活率85%。',
        team: '研究员3名。',
        timeline: '4个月。',
      }, { status: 'declined', declineReason: '活率数据未达到需求中的90%门槛。' }),
    ],
  },
  {
    poster: 'org:heyao-cell',
    author: 'member@biobridge.demo',
    kind: 'technology',
    titleZh: 'CAR-T细胞制备:封闭式自动化培养设备联合验证(示例)',
    titleEn: 'CAR-T manufacturing: joint validation of a closed automated culture system (example)',
    description: '公司计划将CAR-T制备从开放式操作转为封闭式自动化,征集设备或工艺团队在公司制备中心开展联合验证。仅对园区成员开放。',
    requirements: '设备已有GMP场景应用案例;可支持慢病毒转导与扩增全流程。',
    offer: '联合验证协议,验证通过后优先采购。',
    budgetWan: 200,
    segments: ['cell_therapy'],
    keywords: ['CAR-T', '封闭式', '自动化制备', '免疫细胞治疗'],
    deadlineInDays: 30,
    publishedDaysAgo: 3,
    status: 'open',
    communities: ['daxing-regen-park'],
    answers: [
      plain('自动化细胞工艺示例团队', 'pohan.huang@biobridge.demo', 'submitted', {
        summary: '封闭式一体化细胞处理平台,覆盖分选、转导、扩增与制剂。',
        approach: '一次性耗材管路与自动化控制软件,支持电子批记录。',
        evidence: '在两家企业的临床批次中使用。',
        team: '应用科学家2名,工程师3名。',
        timeline: '3个月完成三批工艺验证。',
      }),
    ],
  },
  {
    poster: 'community:china-medical-city',
    author: 'staff@biobridge.demo',
    kind: 'other',
    titleZh: '园区疫苗企业冷链追溯系统建设(草稿,示例)',
    titleEn: 'Cold-chain traceability for the park’s vaccine makers (draft, example)',
    description: '草稿:征集面向园区疫苗企业的冷链温度追溯与数据共享方案,发布前待园区内部确认范围。',
    requirements: '',
    offer: '',
    budgetWan: null,
    segments: ['vaccines', 'digital_health'],
    keywords: ['冷链', '追溯'],
    deadlineInDays: 45,
    publishedDaysAgo: null,
    status: 'draft',
    answers: [],
  },
];
