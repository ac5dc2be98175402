/**
 * Each community's private notes, tags and ratings on records of the directory: what its staff
 * wrote after salons, roadshows and visits. Only that community ever sees them.
 */
import type { Slug } from './types';

export interface DemoNote {
  community: Slug;
  author: string;
  /** A curated organisation key, or `project:<owner key>:<n>` for an owner's n-th flagship project. */
  on: string;
  body: string;
  /** Days before the seed. */
  daysAgo: number;
}

export const NOTES: DemoNote[] = [
  { community: 'china-medical-city', author: 'park.admin@biobridge.demo', on: 'yaomai-adc', daysAgo: 40, body: '3月张江沙龙路演企业之一。创始人有意在药城建设ADC偶联中试车间,需对接生物制品公共服务平台和澄江生物的偶联产能。' },
  { community: 'china-medical-city', author: 'staff@biobridge.demo', on: 'yaomai-adc', daysAgo: 12, body: '已陪同参观G区标准厂房,企业关注环评审批周期和高活性车间的排风要求,下周反馈选址意向。' },
  { community: 'china-medical-city', author: 'park.admin@biobridge.demo', on: 'project:yaomai-adc:0', daysAgo: 20, body: '华银金投表示可跟投,建议与澄泰创投组成联合投资;II期临床用药拟在园区生产。' },
  { community: 'china-medical-city', author: 'staff@biobridge.demo', on: 'heyao-cell', daysAgo: 30, body: '细胞制备中心二期扩产需求约3000平方米,申请人才公寓20套;政策兑现材料已提交。' },
  { community: 'china-medical-city', author: 'staff@biobridge.demo', on: 'chengyuan-vaccine', daysAgo: 8, body: '带状疱疹疫苗III期揭盲预计明年一季度,关注后续商业化产能建设和上市辅导。' },
  { community: 'china-medical-city', author: 'park.admin@biobridge.demo', on: 'hemai-bsab', daysAgo: 15, body: '离岸中心推荐项目。企业在泰州和苏州之间比较产业化方案,需准备土地、厂房代建和基金配套的对比材料。' },
  { community: 'taizhou-shanghai-centre', author: 'centre.admin@biobridge.demo', on: 'lanqi-mrna', daysAgo: 25, body: '"研发在上海、转化在泰州"的典型项目,已推荐至中国医药城投资促进中心,约定4月赴泰州考察。' },
  { community: 'taizhou-shanghai-centre', author: 'centre.admin@biobridge.demo', on: 'hemai-bsab', daysAgo: 18, body: '已安排与弘远资本一对一交流,企业希望本轮引入产业园区背景的投资方。' },
  { community: 'taizhou-shanghai-centre', author: 'centre.admin@biobridge.demo', on: 'lumenza', daysAgo: 5, body: '英文路演材料完整,团队以海归为主,需要协助办理外籍人员工作许可。' },
  { community: 'jiading-biomed-alliance', author: 'alliance.admin@biobridge.demo', on: 'jingmai-robot', daysAgo: 35, body: '产业大会签约项目之一,与伤骨科研究所的医工合作已启动,共享实验室预约了力学测试设备。' },
  { community: 'jiading-biomed-alliance', author: 'alliance.admin@biobridge.demo', on: 'qixi-ivd', daysAgo: 14, body: '注册申报已受理,企业希望联盟协助对接区内体检机构开展上市后研究。' },
  { community: 'jiading-biomed-alliance', author: 'alliance.admin@biobridge.demo', on: 'jinyan-cro', daysAgo: 9, body: '联盟推荐CRO,近期服务了3家成员企业的注册临床,反馈良好。' },
  { community: 'daxing-regen-park', author: 'regen.admin@biobridge.demo', on: 'chengyao-msc', daysAgo: 28, body: '已獲臨床試驗批件,符合園區重點引進條件。閉門會後臻元創投有意領投C輪。' },
  { community: 'daxing-regen-park', author: 'regen.admin@biobridge.demo', on: 'heheng-tissue', daysAgo: 16, body: '簽約儀式企業之一,需要GMP潔淨車間約800平方米,建議對接睿衡安評做臨床前評價。' },
  { community: 'daxing-regen-park', author: 'regen.admin@biobridge.demo', on: 'zhenyuan-ipsc', daysAgo: 6, body: '路演反響好,投資機構關注致瘤性數據,建議補充長期安全性研究計劃。' },
];

export interface DemoAnnotation {
  community: Slug;
  on: string;
  tags: string[];
  rating: number | null;
}

export const ANNOTATIONS: DemoAnnotation[] = [
  { community: 'china-medical-city', on: 'yaomai-adc', tags: ['重点跟进', '路演企业', '拟落地'], rating: 5 },
  { community: 'china-medical-city', on: 'heyao-cell', tags: ['在园企业', '扩产需求'], rating: 4 },
  { community: 'china-medical-city', on: 'chengyuan-vaccine', tags: ['在园企业', '上市培育'], rating: 5 },
  { community: 'china-medical-city', on: 'hemai-bsab', tags: ['离岸中心推荐', '拟落地'], rating: 4 },
  { community: 'china-medical-city', on: 'chengtai-vc', tags: ['合作投资机构'], rating: 4 },
  { community: 'taizhou-shanghai-centre', on: 'lanqi-mrna', tags: ['已推荐泰州', '路演企业'], rating: 5 },
  { community: 'taizhou-shanghai-centre', on: 'hemai-bsab', tags: ['已推荐泰州'], rating: 4 },
  { community: 'taizhou-shanghai-centre', on: 'lumenza', tags: ['海归团队', '待考察'], rating: 3 },
  { community: 'jiading-biomed-alliance', on: 'jingmai-robot', tags: ['签约项目', '医工合作'], rating: 5 },
  { community: 'jiading-biomed-alliance', on: 'qixi-ivd', tags: ['签约项目'], rating: 4 },
  { community: 'jiading-biomed-alliance', on: 'jinyan-cro', tags: ['推荐服务机构'], rating: 5 },
  { community: 'daxing-regen-park', on: 'chengyao-msc', tags: ['已獲臨床批件', '重點引進'], rating: 5 },
  { community: 'daxing-regen-park', on: 'heheng-tissue', tags: ['簽約企業'], rating: 4 },
  { community: 'daxing-regen-park', on: 'zhenyuan-ipsc', tags: ['閉門會路演'], rating: 4 },
];
