/**
 * The words of the partnering demo: who comes to the 对接会 with which accounts, what they offer
 * and seek, the messages of their meeting requests and the reasons of declines. Invented; the
 * organisations are the demo directory's (real public institutions are left out: the demo never
 * invents people or deals for them, so the hospital side stays empty here).
 */
import type { PartneringPriority, PartneringSide } from '../../src/domain/partnering/vocabularies';

/** Demo accounts (demo/accounts.ts) taking part in the China Medical City partnering day. */
export const CMC_ACCOUNT_PARTICIPANTS: { email: string; organisation: string; side: PartneringSide; jobTitle: string }[] = [
  { email: 'investor@biobridge.demo', organisation: '上海澄泰创业投资管理有限公司', side: 'investor', jobTitle: '投资总监' },
  { email: 'member@biobridge.demo', organisation: '江苏禾曜细胞治疗有限公司', side: 'startup', jobTitle: '业务拓展总监' },
  { email: 'provider@biobridge.demo', organisation: '上海槿研医药科技有限公司', side: 'service', jobTitle: '业务拓展总监' },
  { email: 'jiahe.shen@biobridge.demo', organisation: '南京弘远股权投资管理有限公司', side: 'investor', jobTitle: '合伙人' },
  { email: 'bowen.peng@biobridge.demo', organisation: '上海启禾天使投资管理有限公司', side: 'investor', jobTitle: '创始合伙人' },
  { email: 'mengqi.han@biobridge.demo', organisation: '泰州澄江生物工艺技术有限公司', side: 'service', jobTitle: '项目经理' },
  { email: 'yutong.feng@biobridge.demo', organisation: '江苏曜迈生物医药有限公司', side: 'startup', jobTitle: '首席执行官' },
  { email: 'yiming.jiang@biobridge.demo', organisation: '泰州澄源生物疫苗有限公司', side: 'pharma', jobTitle: '副总经理' },
  { email: 'zihan.yang@biobridge.demo', organisation: '泰州景衡医疗器械有限公司', side: 'startup', jobTitle: '注册总监' },
  { email: 'xinyi.cao@biobridge.demo', organisation: '上海澜启生物科技有限公司', side: 'startup', jobTitle: '首席运营官' },
  { email: 'michael.brown@biobridge.demo', organisation: '北京臻元创业投资有限公司', side: 'investor', jobTitle: 'Venture Partner' },
];

/** The pharma participant with a booth of their own, and the booth's name. */
export const CMC_BOOTH = { email: 'yiming.jiang@biobridge.demo', name: '澄源疫苗展位（B馆12号）' };

/** Demo accounts taking part in the Jiading salon's wish-list partnering. */
export const JIADING_ACCOUNT_PARTICIPANTS: { email: string; organisation: string; side: PartneringSide; jobTitle: string }[] = [
  { email: 'investor@biobridge.demo', organisation: '上海澄泰创业投资管理有限公司', side: 'investor', jobTitle: '投资总监' },
  { email: 'provider@biobridge.demo', organisation: '上海槿研医药科技有限公司', side: 'service', jobTitle: '业务拓展总监' },
  { email: 'yuhang.xie@biobridge.demo', organisation: '上海景迈医疗科技有限公司', side: 'startup', jobTitle: '首席技术官' },
  { email: 'shiyu.tang@biobridge.demo', organisation: '上海启析生物科技有限公司', side: 'startup', jobTitle: '市场总监' },
];

export const ROUND_LABELS: Record<string, string> = {
  seed: '种子轮',
  angel: '天使轮',
  pre_a: 'Pre-A轮',
  a: 'A轮',
  b: 'B轮',
  c: 'C轮',
  d_plus: 'D轮及以后',
  pre_ipo: 'Pre-IPO轮',
  strategic: '战略',
  grant: '拨投结合',
};

/** What each side says it seeks (one picked per participant). */
export const SEEK: Record<PartneringSide, string[]> = {
  startup: [
    '寻找本轮融资的领投方，以及熟悉临床开发的产业投资人。',
    '希望对接CDMO进行工艺放大，并寻找授权合作伙伴。',
    '寻求临床CRO合作与园区产业化载体，同时开放本轮融资。',
    '希望结识关注本赛道的投资机构与潜在战略合作药企。',
  ],
  investor: [
    '寻找临床前至临床II期的创新药、细胞与基因治疗项目。',
    '关注已有注册证或临近注册的医疗器械与体外诊断企业。',
    '寻找具备差异化平台技术、团队完整的早期项目。',
  ],
  pharma: ['寻求临床阶段创新药与新型疫苗管线的授权引进、联合开发。', '寻找可合作商业化的创新产品与技术平台。'],
  service: ['寻找有IND申报、临床试验或工艺开发需求的创新企业。', '希望与园区初创企业建立长期研发外包合作。'],
  research: ['寻找愿意承接成果转化的企业与早期投资人。'],
  hospital: ['寻找需要开展临床试验与真实世界研究的企业。'],
  park: ['寻找有意在园区落地产业化的企业。'],
  other: ['希望结识园区企业与投资机构。'],
};

/** What non-startup sides offer (startups offer their projects). */
export const OFFER: Record<Exclude<PartneringSide, 'startup' | 'investor'>, string> = {
  pharma: '产品引进与联合开发、商业化渠道、GMP生产基地，可在展位面谈合作条款。',
  service: '临床前研究、注册申报、临床试验运营与工艺开发服务，可提供报价与排期。',
  research: '细胞治疗、抗体与制剂方向的成果转化项目与共建实验平台。',
  hospital: '临床试验机构资源与研究者对接。',
  park: '园区载体、产业政策与落地服务。',
  other: '行业交流。',
};

/** Request messages by who asks whom (sender side → receiver side). */
export const MESSAGES: Record<string, string[]> = {
  'startup>investor': [
    '您好，我们正在进行本轮融资，核心产品已完成临床前药效研究，希望有机会当面向您介绍项目进展。',
    '久仰贵机构在本赛道的布局，希望利用对接会时间交流本轮融资计划与估值预期。',
    '我们的项目与贵机构的投资方向高度契合，想当面听取您对临床开发策略的建议。',
  ],
  'startup>pharma': ['希望就我们管线的授权合作与联合开发进行初步交流。', '想了解贵司在商业化与生产方面的合作模式，期待面谈。'],
  'startup>service': ['我们计划明年提交IND，想了解贵司的临床前和注册服务方案与排期。', '希望交流工艺放大与中试生产的合作可能。'],
  'investor>startup': ['看了贵司的项目介绍，很感兴趣，希望当面了解团队和下一步里程碑。', '我们在关注这一方向，想约20分钟聊聊融资安排。'],
  'service>startup': ['我们可以为贵司的IND申报提供一站式服务，想约时间介绍方案。', '了解到贵司正在推进临床前研究，希望介绍我们的服务能力。'],
  'pharma>startup': ['对贵司的管线很感兴趣，想探讨授权引进或共同开发的可能。'],
  'research>startup': ['研究院有相关方向的转化项目与平台，希望探讨共建合作。'],
  'research>investor': ['研究院有几个待转化的早期项目，希望介绍给贵机构。'],
  other: ['期待在对接会上交流合作机会。'],
};

export const DECLINE_REASONS = [
  '本基金本期聚焦临床阶段项目，贵司目前阶段偏早，期待后续保持联系。',
  '当天日程已排满，会后可以先线上交流。',
  '该方向与我们目前的投资策略不太匹配，感谢关注。',
  '我们暂无相关外包需求，谢谢。',
];

export const PRIORITY_MIX: Record<PartneringPriority, number> = { must: 3, would_like: 5, if_time: 2 };
