import type { PipelineKind, StageAction } from './vocabularies';

/**
 * The standard stages a new pipeline of each kind starts with, when whoever creates it does
 * not list its own. A community reshapes them afterwards (names, probabilities, added or
 * removed stages); the codes stay stable so conversion reports can group by them.
 */
export interface StageTemplate {
  code: string;
  nameZh: string;
  nameEn: string;
  /** 0–100: how likely an item at this stage is to land, weighting expected investment. */
  probability: number;
  action: StageAction;
}

const stage = (code: string, nameZh: string, nameEn: string, probability: number, action: StageAction = 'none'): StageTemplate => ({
  code,
  nameZh,
  nameEn,
  probability,
  action,
});

export const PIPELINE_TEMPLATES: Record<PipelineKind, readonly StageTemplate[]> = {
  // 招商: courting a project until it has moved in and produces.
  attraction: [
    stage('lead', '线索', 'Lead', 10),
    stage('contacted', '已接洽', 'Contacted', 20),
    stage('site_visit', '实地考察', 'Site visit', 35),
    stage('negotiation', '洽谈', 'Negotiation', 50),
    stage('agreement_signed', '签约', 'Agreement signed', 70, 'agreement'),
    stage('registered', '注册', 'Registered', 85),
    stage('moved_in', '入驻', 'Moved in', 95, 'landing'),
    stage('producing', '投产', 'Producing', 100),
  ],
  // 孵化器入孵: application to admission and graduation.
  incubation: [
    stage('application', '申请', 'Application', 10),
    stage('screening', '初筛', 'Screening', 25),
    stage('roadshow', '路演评审', 'Roadshow review', 45),
    stage('admission_agreed', '入孵签约', 'Admission agreed', 75, 'agreement'),
    stage('admitted', '入孵', 'Admitted', 90, 'landing'),
    stage('graduated', '毕业', 'Graduated', 100),
  ],
  // 投资: a fund's deal flow.
  investment: [
    stage('sourcing', '项目来源', 'Sourcing', 5),
    stage('first_meeting', '初次会谈', 'First meeting', 15),
    stage('due_diligence', '尽职调查', 'Due diligence', 40),
    stage('investment_committee', '投决会', 'Investment committee', 60),
    stage('term_sheet', '投资协议', 'Term sheet signed', 80, 'agreement'),
    stage('closed', '交割', 'Closed', 100),
  ],
  other: [stage('new', '新建', 'New', 10), stage('in_progress', '进行中', 'In progress', 50), stage('done', '完成', 'Done', 100)],
};

/** The standard stages of a kind, in order. */
export function templateFor(kind: PipelineKind): StageTemplate[] {
  return PIPELINE_TEMPLATES[kind].map((s) => ({ ...s }));
}
