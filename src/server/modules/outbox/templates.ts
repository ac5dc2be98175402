/**
 * Every e-mail the platform sends, rendered in the recipient's language: a subject, a plain
 * text body and a simple HTML body (inline styles and tables only, which every mail client
 * shows the same). The words live in the `messages.email.*` section of the locale files, so
 * translators find them beside the rest of the UI; this file only arranges them.
 *
 * Every value from a payload is text typed by someone (an event title, a registrant's name,
 * a decline reason): the HTML escapes all of it, and only http(s) addresses become links.
 */
import type { Locale } from '../../../domain/locales';
import { PARTNERING_PRIORITIES, type PartneringPriority } from '../../../domain/partnering/vocabularies';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { formatInstant, formatRange } from '../../lib/format';
import type { EmailPayloads, EmailTemplate, EventFacts } from './enqueue';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** A template whose words or payload are missing something: a bug, never shown half-filled. */
export class EmailRenderError extends Error {}

/** The time zone for times that belong to no community (an invitation's expiry). */
const PLATFORM_TIME_ZONE = 'Asia/Shanghai';
const BRAND_COLOUR = '#0b7a85';

interface Fact {
  label: string;
  value: string;
  /** Shown as a link when it is an http(s) address. */
  href?: string | null;
  /** The check-in code: large and monospaced, so it can be read out at the door. */
  emphasis?: boolean;
}

/** What one e-mail says, before it is laid out as text and as HTML. */
interface EmailModel {
  subject: string;
  greeting: string;
  paragraphs: string[];
  facts: Fact[];
  action: { label: string; url: string } | null;
  closing: string[];
  footer: string;
}

type Tree = { [key: string]: string | Tree };

function lookup(locale: Locale, path: string): string {
  let node: string | Tree | undefined = CATALOGUES[locale] as unknown as Tree;
  for (const part of path.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') throw new EmailRenderError(`no text for ${path} in ${locale}`);
  return node;
}

function fill(template: string, params: Record<string, string | number>, path: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new EmailRenderError(`${path} needs {{${name}}}`);
    return String(value);
  });
}

/** The words of one language, with the platform's name always at hand. */
class Words {
  readonly platform: string;

  constructor(readonly locale: Locale) {
    this.platform = lookup(locale, 'app.name');
  }

  /** A text of `messages.email.<path>` with its {{placeholders}} filled. */
  t(path: string, params: Record<string, string | number> = {}): string {
    const full = `messages.email.${path}`;
    return fill(lookup(this.locale, full), { platform: this.platform, ...params }, full);
  }

  label(name: string): string {
    return this.t(`common.labels.${name}`);
  }

  greeting(name: string | null | undefined): string {
    const trimmed = name?.trim();
    return trimmed ? this.t('common.greeting', { name: trimmed }) : this.t('common.greetingAnonymous');
  }
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new EmailRenderError(`payload lacks ${what}`);
  return value;
}

function communityName(names: Record<Locale, string> | undefined, locale: Locale): string {
  if (!names || typeof names !== 'object') throw new EmailRenderError('payload lacks communityName');
  return names[locale] || names['zh-CN'] || names.en || '';
}

function eventWhen(p: EventFacts, w: Words): string {
  const range = formatRange(text(p.startsAt, 'startsAt'), text(p.endsAt, 'endsAt'), w.locale, p.timeZone);
  return w.t('common.timeInZone', { range, zone: p.timeZone });
}

function eventStart(p: EventFacts, w: Words): string {
  return formatInstant(text(p.startsAt, 'startsAt'), w.locale, p.timeZone);
}

/** The facts every event e-mail shows: what, who, when, where. */
function eventFacts(p: EventFacts, w: Words): Fact[] {
  const facts: Fact[] = [
    { label: w.label('event'), value: text(p.eventTitle, 'eventTitle') },
    { label: w.label('organiser'), value: communityName(p.communityName, w.locale) },
    { label: w.label('time'), value: eventWhen(p, w) },
  ];
  if (p.venue) facts.push({ label: w.label('venue'), value: p.venue });
  if (p.onlineUrl) facts.push({ label: w.label('online'), value: p.onlineUrl, href: p.onlineUrl });
  return facts;
}

function eventFooter(p: EventFacts, w: Words): string {
  return w.t('common.footerCommunity', { community: communityName(p.communityName, w.locale) });
}

function action(w: Words, template: EmailTemplate, link: string): EmailModel['action'] {
  return { label: w.t(`${template}.action`), url: text(link, 'link') };
}

/** Challenges (需求揭榜): the words live in messages.email.challenge_* like the others. */
const CHALLENGE_BUILDERS: { [K in 'challenge_answer_screened' | 'challenge_message']: (p: EmailPayloads[K], w: Words) => EmailModel } = {
  challenge_answer_screened: (p, w) => {
    const challenge = text(p.challengeTitle, 'challengeTitle');
    const stage = w.t(`challenge_answer_screened.stages.${text(p.stage, 'stage')}`);
    const facts: Fact[] = [
      { label: w.t('challenge_answer_screened.labelChallenge'), value: challenge },
      { label: w.t('challenge_answer_screened.labelTeam'), value: text(p.teamName, 'teamName') },
      { label: w.t('challenge_answer_screened.labelStage'), value: p.declined ? w.t('challenge_answer_screened.declinedValue') : stage, emphasis: true },
    ];
    if (p.declined && p.reason?.trim()) facts.push({ label: w.label('reason'), value: p.reason.trim() });
    return {
      subject: w.t(p.declined ? 'challenge_answer_screened.declinedSubject' : 'challenge_answer_screened.subject', { challenge }),
      greeting: w.greeting(p.name),
      paragraphs: [
        p.declined
          ? w.t('challenge_answer_screened.declinedIntro', { poster: text(p.posterName, 'posterName'), challenge })
          : w.t('challenge_answer_screened.intro', { poster: text(p.posterName, 'posterName'), challenge, stage }),
      ],
      facts,
      action: action(w, 'challenge_answer_screened', p.link),
      closing: [w.t('challenge_answer_screened.outro')],
      footer: w.t('common.footer'),
    };
  },
  challenge_message: (p, w) => {
    const challenge = text(p.challengeTitle, 'challengeTitle');
    const from = text(p.fromName, 'fromName');
    return {
      subject: w.t('challenge_message.subject', { from, challenge }),
      greeting: w.greeting(p.name),
      paragraphs: [w.t(p.fromPoster ? 'challenge_message.introFromPoster' : 'challenge_message.introFromTeam', { from, challenge })],
      facts: [
        { label: w.t('challenge_message.labelChallenge'), value: challenge },
        { label: w.label('message'), value: text(p.excerpt, 'excerpt') },
      ],
      action: action(w, 'challenge_message', p.link),
      closing: [w.t('challenge_message.outro')],
      footer: w.t('common.footer'),
    };
  },
};

/** One builder per template: the mapped type makes a missing template a compile error. */
const BUILDERS: { [K in EmailTemplate]: (p: EmailPayloads[K], w: Words) => EmailModel } = {
  invitation: (p, w) => {
    const community = communityName(p.communityName, w.locale);
    let role: string;
    try {
      role = lookup(w.locale, `roles.${p.role}`);
    } catch {
      role = p.role;
    }
    const facts: Fact[] = [
      { label: w.label('community'), value: community },
      { label: w.label('role'), value: role },
    ];
    if (p.invitedBy) facts.push({ label: w.label('invitedBy'), value: p.invitedBy });
    facts.push({ label: w.label('expires'), value: formatInstant(text(p.expiresAt, 'expiresAt'), w.locale, PLATFORM_TIME_ZONE) });
    return {
      subject: w.t('invitation.subject', { community }),
      greeting: w.greeting(null),
      paragraphs: [p.invitedBy ? w.t('invitation.intro', { inviter: p.invitedBy, role, community }) : w.t('invitation.introNoInviter', { role, community })],
      facts,
      action: action(w, 'invitation', p.link),
      closing: [w.t('invitation.outro')],
      footer: w.t('common.footer'),
    };
  },

  password_reset: (p, w) => ({
    subject: w.t('password_reset.subject'),
    greeting: w.greeting(p.displayName),
    paragraphs: [w.t('password_reset.intro', { hours: p.expiresInHours })],
    facts: [],
    action: action(w, 'password_reset', p.link),
    closing: [w.t('password_reset.outro')],
    footer: w.t('common.footer'),
  }),

  password_changed: (p, w) => ({
    subject: w.t('password_changed.subject'),
    greeting: w.greeting(p.displayName),
    paragraphs: [w.t('password_changed.intro')],
    facts: [],
    action: null,
    closing: [w.t('password_changed.outro')],
    footer: w.t('common.footer'),
  }),

  event_registration_confirmed: (p, w) => ({
    subject: w.t('event_registration_confirmed.subject', { event: p.eventTitle }),
    greeting: w.greeting(p.name),
    paragraphs: [w.t('event_registration_confirmed.intro', { event: p.eventTitle })],
    facts: [...eventFacts(p, w), { label: w.label('ticketType'), value: p.ticketType }, { label: w.label('code'), value: p.code, emphasis: true }],
    action: action(w, 'event_registration_confirmed', p.link),
    closing: [w.t('event_registration_confirmed.outro')],
    footer: eventFooter(p, w),
  }),

  event_registration_pending: (p, w) => ({
    subject: w.t('event_registration_pending.subject', { event: p.eventTitle }),
    greeting: w.greeting(p.name),
    paragraphs: [w.t('event_registration_pending.intro', { event: p.eventTitle })],
    facts: [...eventFacts(p, w), { label: w.label('ticketType'), value: p.ticketType }],
    action: action(w, 'event_registration_pending', p.link),
    closing: [],
    footer: eventFooter(p, w),
  }),

  event_registration_waitlisted: (p, w) => ({
    subject: w.t('event_registration_waitlisted.subject', { event: p.eventTitle }),
    greeting: w.greeting(p.name),
    paragraphs: [w.t('event_registration_waitlisted.intro', { event: p.eventTitle, ticketType: p.ticketType, position: p.position })],
    facts: [
      ...eventFacts(p, w),
      { label: w.label('ticketType'), value: p.ticketType },
      { label: w.label('position'), value: w.t('common.positionValue', { position: p.position }), emphasis: true },
    ],
    action: action(w, 'event_registration_waitlisted', p.link),
    closing: [w.t('event_registration_waitlisted.outro')],
    footer: eventFooter(p, w),
  }),

  event_waitlist_promoted: (p, w) => ({
    subject: w.t('event_waitlist_promoted.subject', { event: p.eventTitle }),
    greeting: w.greeting(p.name),
    paragraphs: [w.t('event_waitlist_promoted.intro', { event: p.eventTitle })],
    facts: [...eventFacts(p, w), { label: w.label('ticketType'), value: p.ticketType }, { label: w.label('code'), value: p.code, emphasis: true }],
    action: action(w, 'event_waitlist_promoted', p.link),
    closing: [w.t('event_waitlist_promoted.outro')],
    footer: eventFooter(p, w),
  }),

  event_registration_declined: (p, w) => {
    const facts = eventFacts(p, w);
    if (p.reason?.trim()) facts.push({ label: w.label('reason'), value: p.reason.trim() });
    return {
      subject: w.t('event_registration_declined.subject', { event: p.eventTitle }),
      greeting: w.greeting(p.name),
      paragraphs: [w.t('event_registration_declined.intro', { event: p.eventTitle })],
      facts,
      action: null,
      closing: [w.t('event_registration_declined.outro')],
      footer: eventFooter(p, w),
    };
  },

  event_registration_cancelled: (p, w) => ({
    subject: w.t('event_registration_cancelled.subject', { event: p.eventTitle }),
    greeting: w.greeting(p.name),
    paragraphs: [w.t(p.byOrganiser ? 'event_registration_cancelled.introOrganiser' : 'event_registration_cancelled.introSelf', { event: p.eventTitle })],
    facts: eventFacts(p, w),
    action: null,
    closing: [],
    footer: eventFooter(p, w),
  }),

  event_reminder: (p, w) => ({
    subject: w.t('event_reminder.subject', { event: p.eventTitle }),
    greeting: w.greeting(p.name),
    paragraphs: [w.t('event_reminder.intro', { event: p.eventTitle, start: eventStart(p, w) })],
    facts: [...eventFacts(p, w), { label: w.label('code'), value: p.code, emphasis: true }],
    action: action(w, 'event_reminder', p.link),
    closing: [w.t('event_reminder.outro')],
    footer: eventFooter(p, w),
  }),

  event_invitation: (p, w) => {
    const community = communityName(p.communityName, w.locale);
    const facts = eventFacts(p, w);
    if (p.invitedBy) facts.push({ label: w.label('invitedBy'), value: p.invitedBy });
    if (p.note?.trim()) facts.push({ label: w.label('note'), value: p.note.trim() });
    return {
      subject: w.t('event_invitation.subject', { event: p.eventTitle }),
      greeting: w.greeting(p.name),
      paragraphs: [
        p.invitedBy
          ? w.t('event_invitation.intro', { inviter: p.invitedBy, community, event: p.eventTitle })
          : w.t('event_invitation.introNoInviter', { community, event: p.eventTitle }),
      ],
      facts,
      action: action(w, 'event_invitation', p.link),
      closing: [w.t('event_invitation.outro')],
      footer: eventFooter(p, w),
    };
  },

  event_cancelled: (p, w) => ({
    subject: w.t('event_cancelled.subject', { event: p.eventTitle }),
    greeting: w.greeting(p.name),
    paragraphs: [w.t('event_cancelled.intro', { event: p.eventTitle, start: eventStart(p, w) })],
    facts: eventFacts(p, w),
    action: null,
    closing: [w.t('event_cancelled.outro')],
    footer: eventFooter(p, w),
  }),

  event_application_received: (p, w) => ({
    subject: w.t('event_application_received.subject', { project: p.projectName }),
    greeting: w.greeting(p.contactName),
    paragraphs: [w.t('event_application_received.intro', { project: p.projectName, event: p.eventTitle })],
    facts: [{ label: w.label('project'), value: p.projectName }, ...eventFacts(p, w)],
    action: action(w, 'event_application_received', p.link),
    closing: [w.t('event_application_received.outro')],
    footer: eventFooter(p, w),
  }),

  event_application_screened: (p, w) => ({
    subject: w.t(p.screenedIn ? 'event_application_screened.subjectIn' : 'event_application_screened.subjectOut', { project: p.projectName }),
    greeting: w.greeting(p.contactName),
    paragraphs: [w.t(p.screenedIn ? 'event_application_screened.introIn' : 'event_application_screened.introOut', { project: p.projectName, event: p.eventTitle })],
    facts: [{ label: w.label('project'), value: p.projectName }, ...eventFacts(p, w)],
    action: action(w, 'event_application_screened', p.link),
    closing: [],
    footer: eventFooter(p, w),
  }),

  event_results: (p, w) => {
    const rank = p.rank === null || p.rank === undefined ? w.t('common.unranked', { of: p.of }) : w.t('common.rankOf', { rank: p.rank, of: p.of });
    const facts: Fact[] = [
      { label: w.label('project'), value: p.projectName },
      { label: w.label('round'), value: p.roundName },
      { label: w.label('rank'), value: rank, emphasis: true },
    ];
    if (p.award?.trim()) facts.push({ label: w.label('award'), value: p.award.trim(), emphasis: true });
    const outcome = p.isFinal ? 'event_results.final' : p.advanced ? 'event_results.advanced' : 'event_results.notAdvanced';
    return {
      subject: w.t('event_results.subject', { round: p.roundName, project: p.projectName }),
      greeting: w.greeting(p.contactName),
      paragraphs: [w.t('event_results.intro', { event: p.eventTitle, round: p.roundName }), w.t(outcome)],
      facts: [...facts, ...eventFacts(p, w)],
      action: action(w, 'event_results', p.link),
      closing: [],
      footer: eventFooter(p, w),
    };
  },

  partnering_request_received: (p, w) => {
    const from = who(p.fromName, p.fromOrganisation, w);
    const facts: Fact[] = [
      { label: w.label('requestFrom'), value: from },
      { label: w.label('priority'), value: priorityWords(p.priority, w), emphasis: p.priority === 'must' },
    ];
    if (p.message?.trim()) facts.push({ label: w.label('message'), value: p.message.trim() });
    return {
      subject: w.t('partnering_request_received.subject', { from }),
      greeting: w.greeting(p.name),
      paragraphs: [w.t('partnering_request_received.intro', { from, event: p.eventTitle })],
      facts: [...facts, ...eventFacts(p, w)],
      action: action(w, 'partnering_request_received', p.link),
      closing: [w.t('partnering_request_received.outro')],
      footer: eventFooter(p, w),
    };
  },

  partnering_request_answered: (p, w) => {
    const counterpart = who(p.counterpartName, p.counterpartOrganisation, w);
    const facts: Fact[] = [{ label: w.label('counterpart'), value: counterpart }];
    if (!p.accepted && p.reason?.trim()) facts.push({ label: w.label('reason'), value: p.reason.trim() });
    const key = p.accepted ? 'accepted' : 'declined';
    return {
      subject: w.t(`partnering_request_answered.${key}Subject`, { counterpart }),
      greeting: w.greeting(p.name),
      paragraphs: [w.t(`partnering_request_answered.${key}Intro`, { counterpart, event: p.eventTitle })],
      facts: [...facts, ...eventFacts(p, w)],
      action: action(w, 'partnering_request_answered', p.link),
      closing: [w.t(`partnering_request_answered.${key}Outro`)],
      footer: eventFooter(p, w),
    };
  },

  partnering_request_cancelled: (p, w) => {
    const counterpart = who(p.counterpartName, p.counterpartOrganisation, w);
    const facts: Fact[] = [{ label: w.label('counterpart'), value: counterpart }];
    if (p.reason?.trim()) facts.push({ label: w.label('reason'), value: p.reason.trim() });
    return {
      subject: w.t('partnering_request_cancelled.subject', { counterpart }),
      greeting: w.greeting(p.name),
      paragraphs: [w.t('partnering_request_cancelled.intro', { counterpart, event: p.eventTitle })],
      facts: [...facts, ...eventFacts(p, w)],
      action: action(w, 'partnering_request_cancelled', p.link),
      closing: [w.t('partnering_request_cancelled.outro')],
      footer: eventFooter(p, w),
    };
  },

  ...CHALLENGE_BUILDERS,
  partnering_schedule_published: (p, w) => {
    if (typeof p.meetings !== 'number' || !Number.isInteger(p.meetings) || p.meetings < 0) throw new EmailRenderError('payload lacks meetings');
    const kind = p.changed ? 'changed' : 'published';
    const intro = p.meetings > 0 ? `${kind}Intro` : `${kind}IntroNone`;
    return {
      subject: w.t(`partnering_schedule_published.${kind}Subject`, { event: p.eventTitle }),
      greeting: w.greeting(p.name),
      paragraphs: [w.t(`partnering_schedule_published.${intro}`, { event: p.eventTitle, count: p.meetings })],
      facts: [
        { label: w.label('meetings'), value: w.t(p.meetings === 1 ? 'common.meetingsOne' : 'common.meetingsValue', { count: p.meetings }), emphasis: true },
        ...eventFacts(p, w),
      ],
      action: action(w, 'partnering_schedule_published', p.link),
      closing: [w.t('partnering_schedule_published.outro')],
      footer: eventFooter(p, w),
    };
  },
};

/** A partnering counterpart: the person, with their organisation when there is one. */
function who(name: string, organisation: string | null | undefined, w: Words): string {
  const person = text(name, 'name').trim();
  const org = organisation?.trim();
  return org ? w.t('common.nameWithOrganisation', { name: person, organisation: org }) : person;
}

/** A request's priority in words; an unknown value is a bug (lookup throws). */
function priorityWords(priority: PartneringPriority, w: Words): string {
  if (!(PARTNERING_PRIORITIES as readonly string[]).includes(priority)) throw new EmailRenderError(`unknown priority ${String(priority)}`);
  return w.t(`common.priority.${priority}`);
}

export const EMAIL_TEMPLATES = Object.keys(BUILDERS) as EmailTemplate[];

export function isEmailTemplate(value: string): value is EmailTemplate {
  return Object.hasOwn(BUILDERS, value);
}

// ---------------------------------------------------------------- layout

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Only web addresses become links: a `javascript:` "online link" stays inert text. */
function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A header line cannot carry a line break (header injection) and reads better on one line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function renderText(m: EmailModel, locale: Locale): string {
  const separator = locale === 'en' ? ': ' : ':';
  const blocks: string[] = [m.greeting, ...m.paragraphs];
  if (m.facts.length) blocks.push(m.facts.map((f) => `${f.label}${separator}${oneLine(f.value)}`).join('\n'));
  if (m.action) blocks.push(`${m.action.label}${separator.trim()}\n${m.action.url}`);
  blocks.push(...m.closing, `--\n${m.footer}`);
  return `${blocks.join('\n\n')}\n`;
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',Arial,sans-serif";

function renderFactValue(f: Fact): string {
  const href = safeHref(f.href);
  const value = escapeHtml(f.value);
  if (href) return `<a href="${escapeHtml(href)}" style="color:${BRAND_COLOUR};word-break:break-all;">${value}</a>`;
  if (f.emphasis) return `<strong style="font-family:Menlo,Consolas,monospace;font-size:18px;letter-spacing:1px;">${value}</strong>`;
  return value;
}

function renderHtml(m: EmailModel, locale: Locale, tagline: string): string {
  const p = (content: string, style = '') => `<p style="margin:0 0 14px 0;${style}">${content}</p>`;
  const facts = m.facts.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:4px 0 18px 0;background:#f6f9fa;border:1px solid #e3e8ec;border-radius:6px;">${m.facts
        .map(
          (f) =>
            `<tr><th scope="row" style="text-align:left;vertical-align:top;white-space:nowrap;font-weight:normal;color:#5b6b73;padding:8px 12px;width:1%;">${escapeHtml(f.label)}</th><td style="vertical-align:top;padding:8px 12px 8px 0;color:#1f2a30;">${renderFactValue(f)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const href = m.action ? safeHref(m.action.url) : null;
  const button =
    m.action && href
      ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 12px 0;"><tr><td style="border-radius:6px;background:${BRAND_COLOUR};"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 28px;color:#ffffff;text-decoration:none;font-weight:bold;font-size:15px;">${escapeHtml(m.action.label)}</a></td></tr></table>` +
        p(`${escapeHtml(lookup(locale, 'messages.email.common.linkHint'))}<br><a href="${escapeHtml(href)}" style="color:${BRAND_COLOUR};word-break:break-all;">${escapeHtml(href)}</a>`, 'font-size:13px;color:#5b6b73;')
      : m.action
        ? p(`${escapeHtml(m.action.label)}: ${escapeHtml(m.action.url)}`)
        : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(m.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f0f3f5;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f0f3f5;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #e3e8ec;border-radius:8px;font-family:${FONT};color:#1f2a30;">`,
    `<tr><td style="background:${BRAND_COLOUR};color:#ffffff;padding:16px 24px;border-radius:8px 8px 0 0;"><span style="font-size:18px;font-weight:bold;">${escapeHtml(lookup(locale, 'app.name'))}</span> <span style="font-size:13px;opacity:0.85;">${escapeHtml(tagline)}</span></td></tr>`,
    `<tr><td style="padding:24px;font-size:15px;line-height:1.7;">`,
    p(escapeHtml(m.greeting)),
    ...m.paragraphs.map((x) => p(escapeHtml(x))),
    facts,
    button,
    ...m.closing.map((x) => p(escapeHtml(x), 'color:#3c4a52;')),
    `</td></tr>`,
    `<tr><td style="padding:14px 24px;border-top:1px solid #e3e8ec;font-size:12px;line-height:1.6;color:#8a979e;">${escapeHtml(m.footer)}</td></tr>`,
    `</table></td></tr></table></body></html>`,
  ].join('\n');
}

/**
 * The e-mail for one outbox row. Throws EmailRenderError when the template is unknown or the
 * payload lacks what the template needs (a row written by an older version, a bug).
 */
export function renderEmail(template: string, locale: Locale, payload: unknown): RenderedEmail {
  if (!isEmailTemplate(template)) throw new EmailRenderError(`unknown template ${template}`);
  if (!payload || typeof payload !== 'object') throw new EmailRenderError('payload is not an object');
  const words = new Words(locale);
  let model: EmailModel;
  try {
    model = (BUILDERS[template] as (p: unknown, w: Words) => EmailModel)(payload, words);
  } catch (error) {
    if (error instanceof EmailRenderError) throw error;
    // A payload of the wrong shape (a missing nested field) surfaces as a TypeError here.
    throw new EmailRenderError(`${template}: ${error instanceof Error ? error.message : String(error)}`);
  }
  model.subject = oneLine(model.subject);
  return { subject: model.subject, text: renderText(model, locale), html: renderHtml(model, locale, lookup(locale, 'app.tagline')) };
}

/** The subject alone, or null when the row cannot be rendered (the log still lists it). */
export function renderSubject(template: string, locale: Locale, payload: unknown): string | null {
  try {
    return renderEmail(template, locale, payload).subject;
  } catch (error) {
    if (error instanceof EmailRenderError) return null;
    throw error;
  }
}
