/**
 * The demo's pipelines: their stages, and the words staff write on items (next actions,
 * activities, loss notes). All invented; {org} and {project} are filled in per item.
 */
import { PIPELINE_TEMPLATES } from '../../src/domain/lifecycle/pipeline-templates';
import type { ActivityKind, LossReason, PipelineKind, StageAction } from '../../src/domain/lifecycle/vocabularies';

export type StageDef = [code: string, nameZh: string, nameEn: string, probability: number, action: StageAction];

export interface PipelineDef {
  key: string;
  kind: PipelineKind;
  nameZh: string;
  nameEn: string;
  stages: StageDef[];
}

/** The standard 招商 stages: the app's own template for a new attraction pipeline. */
export const ATTRACTION: PipelineDef = {
  key: 'cmc-attraction',
  kind: 'attraction',
  nameZh: '重点招商项目库',
  nameEn: 'Key investment attraction projects',
  stages: PIPELINE_TEMPLATES.attraction.map((s): StageDef => [s.code, s.nameZh, s.nameEn, s.probability, s.action]),
};

export const INCUBATION: PipelineDef = {
  key: 'cmc-incubation',
  kind: 'incubation',
  nameZh: '孵化器入驻申请',
  nameEn: 'Incubator intake',
  stages: [
    ['applied', '申请受理', 'Application received', 20, 'none'],
    ['assessment', '项目评审', 'Assessment', 50, 'none'],
    ['admitted', '入孵', 'Admitted', 100, 'none'],
  ],
};

export const OFFSHORE: PipelineDef = {
  key: 'tsc-discovery',
  kind: 'investment',
  nameZh: '上海科创项目发现',
  nameEn: 'Shanghai project discovery',
  stages: [
    ['discovered', '发现', 'Discovered', 10, 'none'],
    ['screened', '初筛', 'Screened', 25, 'none'],
    ['due_diligence', '尽调评估', 'Due diligence', 50, 'none'],
    ['nurturing', '培育', 'Nurturing', 70, 'none'],
    ['referred', '推荐回泰州', 'Referred to Taizhou', 90, 'none'],
  ],
};

/** What an open item at each stage waits for. */
export const NEXT_ACTIONS: Record<string, string[]> = {
  lead: ['电话初步沟通项目落地意向', '发送园区产业政策汇编', '约见企业负责人'],
  contacted: ['安排园区实地考察', '对接投资促进中心评估项目', '准备厂房与政策测算方案'],
  site_visit: ['提供厂房方案与政策测算', '组织管委会专题会研究', '对接园区产业基金沟通投资意向'],
  negotiation: ['敲定投资协议条款', '提交项目评审会', '确认厂房租金减免方案'],
  agreement_signed: ['协助办理工商注册', '对接一站式企业服务窗口', '落实首期资金到位'],
  registered: ['跟进装修与设备进场', '协调办理环评与安评', '确认入驻时间'],
  moved_in: ['跟进GMP车间验证', '协调生产许可证办理', '确认投产计划'],
  applied: ['组织孵化器入驻评审', '补充商业计划书'],
  assessment: ['通知评审结果', '签订入孵协议'],
  discovered: ['约见创始团队', '收集项目资料'],
  screened: ['安排尽调访谈', '请专家评估技术路线'],
  due_diligence: ['完成尽调报告', '对接泰州投资促进中心'],
  nurturing: ['组织赴泰州考察', '推荐至中国医药城'],
};

/** The activity a move into a stage comes with. */
export const STAGE_ACTIVITY: Record<string, [ActivityKind, string][]> = {
  lead: [
    ['call', '与{org}负责人电话沟通,了解{project}的产业化规划和用地需求。'],
    ['email', '向{org}发送中国医药城产业政策汇编及标准厂房资料。'],
  ],
  contacted: [
    ['meeting', '在上海与{org}管理层会面,介绍中国医药城生物医药产业生态和公共服务平台。'],
    ['call', '与{org}电话沟通,企业表示有意在长三角布局生产基地,希望先到园区考察。'],
  ],
  site_visit: [
    ['visit', '陪同{org}团队实地考察加速区标准厂房、中试平台和公共技术服务平台。'],
    ['visit', '{org}一行来园考察,参观产业化区厂房,重点关注洁净车间层高和动力配套。'],
  ],
  negotiation: [
    ['meeting', '与{org}就{project}落地方案进行商务洽谈,讨论厂房租金减免和设备补贴。'],
    ['meeting', '组织投资促进中心、园区产业基金与{org}三方会谈,初步确定投资规模和分期安排。'],
  ],
  agreement_signed: [['note', '{org}已签署项目落户协议,进入注册办理阶段。']],
  registered: [['note', '{org}在泰州新设公司已完成工商注册,开始厂房装修设计。']],
  moved_in: [['visit', '走访{org}新厂房,了解设备进场和人员招聘进度。']],
  producing: [['visit', '{org}首批产品下线,走访企业了解投产情况和后续扩产计划。']],
  applied: [['email', '收到{org}的孵化器入驻申请及商业计划书。']],
  assessment: [['meeting', '孵化器入驻评审会听取{org}项目汇报,评委关注技术壁垒和团队构成。']],
  admitted: [['note', '{org}通过入孵评审,已签订入孵协议。']],
  discovered: [['meeting', '在张江科创沙龙结识{org}创始团队,初步了解{project}。']],
  screened: [['call', '与{org}电话沟通融资计划和产业化需求。']],
  due_diligence: [['visit', '走访{org}上海实验室,开展尽调访谈。']],
  nurturing: [['meeting', '为{org}对接投资机构和临床资源,推动项目加速。']],
  referred: [['note', '已将{project}推荐至中国医药城投资促进中心。']],
};

/** Reasons items were lost, with the note staff wrote. */
export const LOSSES: [LossReason, string][] = [
  ['chose_other_location', '企业最终选择落户苏州工业园区,对方提供了更大面积的现成厂房。'],
  ['funding_failed', 'B轮融资未能如期完成,项目产业化计划推迟。'],
  ['policy_mismatch', '项目以仿制药为主,不符合园区创新药招商导向。'],
  ['space_unavailable', '企业需要独立用地约50亩,园区短期内无法提供。'],
  ['no_response', '多次联系未获回复,暂停跟进。'],
  ['project_stopped', '核心管线临床数据未达预期,企业终止项目。'],
  ['chose_other_location', '企业决定在总部所在地扩建生产线。'],
  ['other', '企业被并购,新股东重新评估产能布局,暂不推进。'],
  ['duplicate', '与投资促进中心另一条线索重复,已合并跟进。'],
];

export const ROLLBACK_NOTE = '企业调整产能规划,需重新考察厂房方案。';
