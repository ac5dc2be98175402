/**
 * What the demo's events say: titles, agendas, ticket types, organisers and the texts of the
 * judged competition. Dates are counted from the seeding day (see seed-events.ts), so there are
 * always past and upcoming events.
 */

export interface SessionDef {
  kind: 'opening' | 'keynote' | 'roundtable' | 'roadshow' | 'free_exchange' | 'signing' | 'break' | 'other';
  title: string;
  /** Local Shanghai time, minutes from midnight. */
  from: [number, number];
  to: [number, number];
  room?: string;
  /** Number of directory people on stage (picked from the community's people). */
  speakers?: number;
  moderator?: boolean;
}

export const FORUM_AGENDA: SessionDef[] = [
  { kind: 'other', title: '嘉宾签到', from: [8, 30], to: [9, 0], room: 'A馆序厅' },
  { kind: 'opening', title: '开幕致辞', from: [9, 0], to: [9, 20], room: 'A馆主会场', speakers: 2 },
  { kind: 'keynote', title: '主旨演讲：ADC与双抗的下一个十年——从同质化竞争到差异化创新', from: [9, 20], to: [9, 50], room: 'A馆主会场', speakers: 1 },
  { kind: 'keynote', title: '主旨演讲：细胞与基因治疗的产业化路径与CMC挑战', from: [9, 50], to: [10, 20], room: 'A馆主会场', speakers: 1 },
  { kind: 'break', title: '茶歇与展区交流', from: [10, 20], to: [10, 40], room: 'A馆序厅' },
  { kind: 'roundtable', title: '圆桌论坛：资本寒冬下的生物医药创新与园区服务', from: [10, 40], to: [11, 30], room: 'A馆主会场', speakers: 4, moderator: true },
  { kind: 'signing', title: '重点项目集中签约仪式', from: [11, 30], to: [12, 0], room: 'A馆主会场' },
  { kind: 'free_exchange', title: '午餐交流与一对一对接', from: [12, 0], to: [13, 30], room: '会展中心二层宴会厅' },
];

export const SALON_AGENDA: SessionDef[] = [
  { kind: 'keynote', title: '引导分享：ADC药物临床开发的关键决策点', from: [14, 0], to: [14, 40], room: '投资促进中心路演厅', speakers: 1 },
  { kind: 'roundtable', title: '对话：投资人如何看待ADC赛道的估值', from: [14, 40], to: [15, 40], room: '投资促进中心路演厅', speakers: 3, moderator: true },
  { kind: 'free_exchange', title: '自由交流', from: [15, 40], to: [17, 0], room: '投资促进中心路演厅' },
];

export const COMPETITION_AGENDA: SessionDef[] = [
  { kind: 'opening', title: '开幕及赛制说明', from: [9, 0], to: [9, 20], room: '创业大厦报告厅', speakers: 1 },
  { kind: 'roadshow', title: '项目路演（第一组）', from: [9, 20], to: [11, 30], room: '创业大厦报告厅' },
  { kind: 'roadshow', title: '项目路演（第二组）', from: [13, 30], to: [15, 40], room: '创业大厦报告厅' },
  { kind: 'other', title: '评委合议与颁奖', from: [15, 50], to: [16, 30], room: '创业大厦报告厅' },
];

export const CLOSED_DOOR_AGENDA: SessionDef[] = [
  { kind: 'opening', title: '园区政策与基金介绍', from: [14, 0], to: [14, 20], room: '管委会三楼闭门会议室', speakers: 1 },
  { kind: 'roadshow', title: '重点项目闭门路演', from: [14, 20], to: [16, 20], room: '管委会三楼闭门会议室' },
  { kind: 'free_exchange', title: '投资人一对一交流', from: [16, 20], to: [17, 30], room: '管委会三楼洽谈室' },
];

export const JIADING_AGENDA: SessionDef[] = [
  { kind: 'opening', title: '开幕致辞', from: [9, 0], to: [9, 20], room: '嘉定保利大剧院', speakers: 1 },
  { kind: 'keynote', title: '主旨演讲：高端医疗器械的国产替代与出海', from: [9, 20], to: [10, 0], room: '嘉定保利大剧院', speakers: 1 },
  { kind: 'roundtable', title: '圆桌：产医融合如何打通临床转化最后一公里', from: [10, 10], to: [11, 10], room: '嘉定保利大剧院', speakers: 3, moderator: true },
  { kind: 'signing', title: '产业链协同项目签约', from: [11, 10], to: [11, 40], room: '嘉定保利大剧院' },
];

/** Organisations of the demo directory behind each event, by their Chinese name. */
export const CMC_ORGANISERS: [nameZh: string, role: 'host' | 'co_host' | 'guidance' | 'support'][] = [
  ['泰州医药高新技术产业开发区管理委员会', 'guidance'],
  ['泰州医药高新区华银金融投资有限公司', 'host'],
  ['中国药科大学', 'co_host'],
  ['江苏省人才创新创业促进会', 'support'],
  ['泰州市人民医院', 'support'],
];
export const JIADING_ORGANISERS: [string, 'host' | 'co_host' | 'guidance' | 'support'][] = [
  ['上海械谷创新医疗器械产业园', 'host'],
  ['上海交通大学医学院附属瑞金医院', 'co_host'],
  ['同济大学', 'support'],
];

/** Flagship projects shown at the closed-door meeting (one is visible to named investors only). */
export const CLOSED_DOOR_PROJECTS = ['YM-203 TROP2/EGFR双抗ADC', 'HY-CAR01 BCMA CAR-T细胞注射液', '13价肺炎球菌多糖结合疫苗', 'RQ-G1 口服GLP-1受体激动剂片'];

export const CRITERIA: [name: string, description: string, weight: number][] = [
  ['技术创新性', '核心技术的先进性、差异化与壁垒', 30],
  ['团队', '核心团队的专业背景、完整度与执行力', 20],
  ['市场前景', '目标市场规模、临床需求与竞争格局', 25],
  ['商业模式', '商业化路径、盈利模式与融资规划的合理性', 15],
  ['知识产权', '专利布局、自由实施与许可情况', 10],
];

export const APPLICATION_COMMENTS = [
  '靶点选择有差异化，临床前数据扎实，建议补充CMC放大计划。',
  '团队产业经验丰富，但商业化路径尚需细化。',
  '市场空间大，竞争激烈，需要更清晰的差异化定位。',
  '专利布局较完整，建议关注海外布局。',
  '技术路线可行，估值预期偏高。',
  '临床需求明确，注册路径清晰。',
];

/** Job titles of registrants, by ticket type. */
export const JOB_TITLES: Record<string, string[]> = {
  企业代表: ['总经理', '董事长', '研发副总裁', '首席科学家', '商务拓展总监', '注册事务经理', '临床运营总监', '首席医学官', '项目经理', '战略投资经理'],
  投资机构: ['合伙人', '投资总监', '执行董事', '投资经理', '高级分析师', '董事总经理'],
  媒体: ['记者', '主编', '资深编辑', '医药行业分析师'],
  参会嘉宾: ['总经理', '研发总监', '商务拓展经理', '投资经理', '首席科学家'],
};

export const MEDIA = ['医药经济报', '动脉网', '健康界', '生物谷', '泰州日报', '新华日报', '第一财经', 'E药经理人'];

export const CLOSED_DOOR_INVITEES: [name: string, email: string, org: string][] = [
  ['赵明轩', 'investor@biobridge.demo', '澄泰创投'],
  ['沈嘉禾', 'jiahe.shen@biobridge.demo', '弘远资本'],
  ['顾晓峰', 'xf.gu@hongyuan-capital.demo', '弘远资本'],
  ['陆思远', 'sy.lu@chengtai-vc.demo', '澄泰创投'],
  ['欧阳宁', 'ning.oy@jsgif.demo', '江苏省政府投资基金'],
  ['魏佳琪', 'jq.wei@huayin-fi.demo', '华银金投'],
];
