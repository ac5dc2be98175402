/**
 * A payload for every template, for the tests (rendering, sending, the logs). Names carry
 * markup on purpose: every renderer must show it as text.
 */
import type { EmailPayloads, EventFacts } from './enqueue';

export const SAMPLE_EVENT: EventFacts = {
  eventId: '11111111-2222-4333-8444-555555555555',
  eventTitle: '2026 生物医药<创新>路演 & 投融资对接会',
  startsAt: '2026-05-18T06:30:00.000Z',
  endsAt: '2026-05-18T09:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  venue: '泰州医药城会展中心 3 号厅',
  onlineUrl: 'https://meeting.example.com/j/123?pwd=a&b=c',
  communityName: { 'zh-CN': '中国医药城', 'zh-TW': '中國醫藥城', en: 'China Medical City' },
};

export const SAMPLE_LINK = 'http://bb.test/r/tok_manage_0123456789';
export const SAMPLE_PARTNERING_LINK = `http://bb.test/partnering/${SAMPLE_EVENT.eventId}`;

export const SAMPLE_PAYLOADS: { [K in keyof EmailPayloads]: EmailPayloads[K] } = {
  invitation: {
    link: 'http://bb.test/invite/tok_invite_abc',
    role: 'member',
    communityName: SAMPLE_EVENT.communityName,
    invitedBy: '王<b>明</b>',
    expiresAt: '2026-06-01T02:00:00.000Z',
  },
  password_reset: { displayName: '李华', link: 'http://bb.test/reset-password/tok_reset_xyz', expiresInHours: 2 },
  password_changed: { displayName: '李华' },
  event_registration_confirmed: { ...SAMPLE_EVENT, name: '<script>alert(1)</script>张三', ticketType: '投资机构', code: 'K7M2Q9', link: SAMPLE_LINK },
  event_registration_pending: { ...SAMPLE_EVENT, name: '张三', ticketType: '企业代表', link: SAMPLE_LINK },
  event_registration_waitlisted: { ...SAMPLE_EVENT, name: '张三', ticketType: '媒体', position: 7, link: SAMPLE_LINK },
  event_waitlist_promoted: { ...SAMPLE_EVENT, name: '张三', ticketType: '媒体', code: 'P3X8W2', link: SAMPLE_LINK },
  event_registration_declined: { ...SAMPLE_EVENT, name: '张三', reason: '名额仅限<投资机构>' },
  event_registration_cancelled: { ...SAMPLE_EVENT, name: '张三', byOrganiser: true },
  event_reminder: { ...SAMPLE_EVENT, name: '张三', code: 'K7M2Q9', link: SAMPLE_LINK },
  event_invitation: { ...SAMPLE_EVENT, name: '赵六', link: 'http://bb.test/e/11111111-2222-4333-8444-555555555555?invite=tok_inv', note: '期待您莅临指导', invitedBy: '园区招商部' },
  event_cancelled: { ...SAMPLE_EVENT, name: '张三' },
  event_application_received: { ...SAMPLE_EVENT, contactName: '陈七', projectName: 'ADC 新药平台', link: 'http://bb.test/a/tok_app' },
  event_application_screened: { ...SAMPLE_EVENT, contactName: '陈七', projectName: 'ADC 新药平台', screenedIn: true, link: 'http://bb.test/a/tok_app' },
  event_results: {
    ...SAMPLE_EVENT,
    contactName: '陈七',
    projectName: 'ADC 新药平台',
    roundName: '决赛',
    rank: 2,
    of: 12,
    award: '二等奖',
    advanced: false,
    isFinal: true,
    link: 'http://bb.test/a/tok_app',
  },
  partnering_request_received: {
    ...SAMPLE_EVENT,
    name: '李<i>投资</i>',
    fromName: '<script>alert(2)</script>周博士',
    fromOrganisation: '江苏<创新>生物医药有限公司',
    priority: 'must',
    message: '希望就 ADC 平台的 A 轮融资<详谈>',
    link: SAMPLE_PARTNERING_LINK,
  },
  partnering_request_answered: {
    ...SAMPLE_EVENT,
    name: '周博士',
    counterpartName: '李<i>投资</i>',
    counterpartOrganisation: '泰州<医药>产业基金',
    accepted: false,
    reason: '本轮只看<临床阶段>项目',
    link: SAMPLE_PARTNERING_LINK,
  },
  partnering_request_cancelled: {
    ...SAMPLE_EVENT,
    name: '周博士',
    counterpartName: '李<i>投资</i>',
    counterpartOrganisation: '泰州<医药>产业基金',
    reason: '行程<冲突>',
    link: SAMPLE_PARTNERING_LINK,
  },
  partnering_schedule_published: { ...SAMPLE_EVENT, name: '<b>周博士</b>', meetings: 3, changed: false, link: SAMPLE_PARTNERING_LINK },
  challenge_answer_screened: {
    name: '<b>周博士</b>',
    challengeTitle: '病毒载体<纯化>工艺攻关(示例)',
    posterName: '示例<生物>制造有限公司',
    teamName: '<i>层析</i>新材料团队',
    stage: 'shortlisted',
    declined: false,
    reason: null,
    link: 'http://bb.test/challenges/00000000-0000-4000-8000-000000000001/answers/00000000-0000-4000-8000-000000000002',
  },
  challenge_message: {
    name: '周博士',
    challengeTitle: '病毒载体<纯化>工艺攻关(示例)',
    fromName: '示例<生物>制造有限公司',
    fromPoster: true,
    excerpt: '想约<下周>线上交流一次',
    link: 'http://bb.test/challenges/00000000-0000-4000-8000-000000000001/answers/00000000-0000-4000-8000-000000000002',
  },
};
