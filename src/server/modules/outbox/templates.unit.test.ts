import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../domain/locales';
import { EMAIL_TEMPLATE_NAMES } from '../../../shared/schemas/messages';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { formatInstant, formatRange } from '../../lib/format';
import { SAMPLE_EVENT, SAMPLE_PAYLOADS } from './email-samples';
import type { EmailTemplate } from './enqueue';
import { backoffSeconds, MAX_ATTEMPTS, outboxStatus } from './policy';
import { EMAIL_TEMPLATES, EmailRenderError, escapeHtml, renderEmail } from './templates';

const templates = Object.keys(SAMPLE_PAYLOADS) as EmailTemplate[];

type Tree = { [key: string]: string | Tree };
function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keyPaths(v, `${prefix}${k}.`)));
}

describe('e-mail templates', () => {
  it('has a renderer for every template of EmailPayloads and a sample for each, and the web filters list them all', () => {
    expect([...EMAIL_TEMPLATES].sort()).toEqual([...templates].sort());
    expect([...EMAIL_TEMPLATE_NAMES].sort()).toEqual([...templates].sort());
    for (const locale of LOCALES) {
      const labels = (CATALOGUES[locale] as unknown as { messages: { templates: Record<string, string> } }).messages.templates;
      expect(Object.keys(labels).sort()).toEqual([...templates].sort());
    }
  });

  it('has the same e-mail texts in all three languages, traditional Chinese not a copy of simplified', () => {
    const email = (l: Locale) => (CATALOGUES[l] as unknown as { messages: { email: Tree } }).messages.email;
    const zhCN = keyPaths(email('zh-CN')).sort();
    expect(keyPaths(email('zh-TW')).sort()).toEqual(zhCN);
    expect(keyPaths(email('en')).sort()).toEqual(zhCN);
    const cn = renderEmail('event_registration_confirmed', 'zh-CN', SAMPLE_PAYLOADS.event_registration_confirmed);
    const tw = renderEmail('event_registration_confirmed', 'zh-TW', SAMPLE_PAYLOADS.event_registration_confirmed);
    expect(cn.text).toContain('报名');
    expect(tw.text).toContain('報名');
    expect(tw.text).not.toContain('报名');
  });

  for (const template of templates) {
    for (const locale of LOCALES) {
      it(`renders ${template} in ${locale} with every placeholder filled and the key facts`, () => {
        const payload = SAMPLE_PAYLOADS[template] as unknown as Record<string, unknown>;
        const mail = renderEmail(template, locale, payload);
        for (const part of [mail.subject, mail.text, mail.html]) {
          expect(part).not.toMatch(/\{\{|\}\}/);
          expect(part).not.toContain('messages.email');
          expect(part).not.toContain('undefined');
          expect(part).not.toContain('[object Object]');
        }
        expect(mail.subject.length).toBeGreaterThan(3);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html).toMatch(/^<!DOCTYPE html>/);
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.html).toContain(escapeHtml(CATALOGUES[locale].app.name));
        // No markup from a payload survives into the HTML.
        expect(mail.html).not.toMatch(/<script|<b>|<创新>|<投资机构>/);

        if ('eventTitle' in payload) {
          expect(mail.text).toContain(SAMPLE_EVENT.eventTitle);
          expect(mail.html).toContain(escapeHtml(SAMPLE_EVENT.eventTitle));
          expect(mail.text).toContain(formatRange(SAMPLE_EVENT.startsAt, SAMPLE_EVENT.endsAt, locale, SAMPLE_EVENT.timeZone));
          expect(mail.text).toContain(SAMPLE_EVENT.communityName[locale]);
          expect(mail.text).toContain(SAMPLE_EVENT.venue);
          expect(mail.html).toContain(`href="${escapeHtml(SAMPLE_EVENT.onlineUrl!)}"`);
        }
        if (typeof payload.link === 'string') {
          // The call to action as a button and as a plain address.
          expect(mail.text).toContain(payload.link);
          expect(mail.html.split(`href="${escapeHtml(payload.link)}"`).length - 1).toBe(2);
        }
        if (typeof payload.code === 'string') expect(mail.text).toContain(payload.code);
        for (const key of ['name', 'contactName', 'displayName'] as const) {
          if (typeof payload[key] === 'string') expect(mail.html).toContain(escapeHtml(payload[key]));
        }
      });
    }
  }

  it('shows the waitlist position, the decline reason, rank and award, and the invitation expiry', () => {
    expect(renderEmail('event_registration_waitlisted', 'zh-CN', SAMPLE_PAYLOADS.event_registration_waitlisted).text).toContain('第 7 位');
    expect(renderEmail('event_registration_waitlisted', 'en', SAMPLE_PAYLOADS.event_registration_waitlisted).text).toContain('position 7');
    const declined = renderEmail('event_registration_declined', 'zh-CN', SAMPLE_PAYLOADS.event_registration_declined);
    expect(declined.text).toContain('原因:名额仅限<投资机构>');
    expect(declined.html).toContain('名额仅限&lt;投资机构&gt;');
    const noReason = renderEmail('event_registration_declined', 'zh-CN', { ...SAMPLE_PAYLOADS.event_registration_declined, reason: null });
    expect(noReason.text).not.toContain('原因');
    const results = renderEmail('event_results', 'zh-TW', SAMPLE_PAYLOADS.event_results);
    expect(results.text).toContain('第 2 名(共 12 個項目)');
    expect(results.text).toContain('二等奖');
    expect(results.text).toContain('最終輪次');
    const advanced = renderEmail('event_results', 'en', { ...SAMPLE_PAYLOADS.event_results, isFinal: false, advanced: true, rank: null });
    expect(advanced.text).toContain('goes on to the next round');
    expect(advanced.text).toContain('Not ranked (12 projects)');
    const invitation = renderEmail('invitation', 'en', SAMPLE_PAYLOADS.invitation);
    expect(invitation.text).toContain(formatInstant(SAMPLE_PAYLOADS.invitation.expiresAt, 'en', 'Asia/Shanghai'));
    expect(invitation.text).toContain(CATALOGUES.en.roles.member);
    expect(renderEmail('event_registration_cancelled', 'zh-CN', SAMPLE_PAYLOADS.event_registration_cancelled).text).toContain('被主办方取消');
    expect(renderEmail('event_registration_cancelled', 'zh-CN', { ...SAMPLE_PAYLOADS.event_registration_cancelled, byOrganiser: false }).text).toContain('按您的要求');
    const out = renderEmail('event_application_screened', 'zh-CN', { ...SAMPLE_PAYLOADS.event_application_screened, screenedIn: false });
    expect(out.subject).toBe('初审结果:ADC 新药平台');
  });

  it('shows times in the event time zone, in the reader language', () => {
    const zh = renderEmail('event_reminder', 'zh-CN', SAMPLE_PAYLOADS.event_reminder);
    expect(zh.text).toContain('2026-05-18 14:30–17:00');
    const en = renderEmail('event_reminder', 'en', SAMPLE_PAYLOADS.event_reminder);
    expect(en.text).toContain('18 May 2026');
    expect(en.text).toContain('14:30');
  });

  it('never makes a link of a non-web address', () => {
    const mail = renderEmail('event_reminder', 'zh-CN', { ...SAMPLE_PAYLOADS.event_reminder, onlineUrl: 'javascript:alert(1)' });
    expect(mail.html).not.toContain('href="javascript');
    expect(mail.text).toContain('javascript:alert(1)');
  });

  it('refuses an unknown template or a payload that lacks what the template needs', () => {
    expect(() => renderEmail('nope', 'zh-CN', {})).toThrow(EmailRenderError);
    expect(() => renderEmail('event_reminder', 'zh-CN', { name: 'x' })).toThrow(EmailRenderError);
    expect(() => renderEmail('password_reset', 'en', null)).toThrow(EmailRenderError);
  });

  it('escapes any name and title in the HTML and keeps them intact in the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ minLength: 1, maxLength: 80 }), (name, title) => {
        const mail = renderEmail('event_registration_confirmed', 'zh-CN', { ...SAMPLE_PAYLOADS.event_registration_confirmed, name, eventTitle: title });
        const body = mail.html.slice(mail.html.indexOf('<body'));
        expect(body).toContain(escapeHtml(title));
        // Every '<' in the body opens one of the template's own tags.
        expect(body.match(/<(?!\/?(?:body|table|tr|td|th|p|a|span|strong|br|html)\b)/g)).toBeNull();
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.text).toContain(title.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim() || '');
      }),
      { numRuns: 200 },
    );
  });
});

describe('retry policy', () => {
  it('backs off 1 min, 5 min, 30 min, 2 h, 12 h, then gives up after the sixth try', () => {
    expect([1, 2, 3, 4, 5].map(backoffSeconds)).toEqual([60, 300, 1800, 7200, 43200]);
    expect(backoffSeconds(MAX_ATTEMPTS)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it('derives the status a log shows', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-01-01T00:01:00Z');
    expect(outboxStatus({ sentAt: now, attempts: 1, claimedUntil: null }, now)).toBe('sent');
    expect(outboxStatus({ sentAt: null, attempts: 0, claimedUntil: null }, now)).toBe('pending');
    expect(outboxStatus({ sentAt: null, attempts: 3, claimedUntil: null }, now)).toBe('pending');
    expect(outboxStatus({ sentAt: null, attempts: 6, claimedUntil: null }, now)).toBe('failed');
    // The sixth try is still running: not failed yet.
    expect(outboxStatus({ sentAt: null, attempts: 6, claimedUntil: later }, now)).toBe('pending');
  });
});
