/**
 * The partnering e-mails (meeting requests and the published schedule): the right words in each
 * language, priorities in words, the optional parts (message, reason) shown only when there, and
 * every value typed by a participant escaped in the HTML.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../domain/locales';
import { PARTNERING_PRIORITIES } from '../../../domain/partnering/vocabularies';
import { SAMPLE_EVENT, SAMPLE_PARTNERING_LINK, SAMPLE_PAYLOADS } from './email-samples';
import { EmailRenderError, escapeHtml, renderEmail } from './templates';

const received = SAMPLE_PAYLOADS.partnering_request_received;
const answered = SAMPLE_PAYLOADS.partnering_request_answered;
const cancelled = SAMPLE_PAYLOADS.partnering_request_cancelled;
const published = SAMPLE_PAYLOADS.partnering_schedule_published;

/** The body of the HTML: every '<' must open one of the template's own tags. */
function foreignTags(html: string): RegExpMatchArray | null {
  const body = html.slice(html.indexOf('<body'));
  return body.match(/<(?!\/?(?:body|table|tr|td|th|p|a|span|strong|br|html)\b)/g);
}

describe('partnering e-mails', () => {
  it('a request received: who asks, from which organisation, how much it matters, the message, in each language', () => {
    const zh = renderEmail('partnering_request_received', 'zh-CN', received);
    expect(zh.subject).toBe('洽谈邀约:<script>alert(2)</script>周博士(江苏<创新>生物医药有限公司)希望与您会面');
    expect(zh.text).toContain('李<i>投资</i>,您好:');
    expect(zh.text).toContain('邀约方:<script>alert(2)</script>周博士(江苏<创新>生物医药有限公司)');
    expect(zh.text).toContain('优先级:必须会面');
    expect(zh.text).toContain('留言:希望就 ADC 平台的 A 轮融资<详谈>');
    expect(zh.text).toContain('一对一洽谈');
    expect(zh.text).toContain(`查看并回复邀约:\n${SAMPLE_PARTNERING_LINK}`);

    const tw = renderEmail('partnering_request_received', 'zh-TW', { ...received, priority: 'would_like' });
    expect(tw.subject).toContain('洽談邀約');
    expect(tw.text).toContain('優先級:希望會面');
    expect(tw.text).toContain('一對一洽談');
    expect(tw.text).not.toMatch(/洽谈|邀约|优先级/);
    expect(tw.text).toContain(SAMPLE_EVENT.communityName['zh-TW']);

    const en = renderEmail('partnering_request_received', 'en', { ...received, priority: 'if_time' });
    expect(en.subject).toBe('Meeting request: <script>alert(2)</script>周博士 (江苏<创新>生物医药有限公司) would like to meet you');
    expect(en.text).toContain('Priority: If time allows');
    expect(en.text).toContain('Message: 希望就 ADC 平台的 A 轮融资<详谈>');
    expect(en.text).toContain('View and answer the request:');
  });

  it('names every priority in every language, and refuses one it does not know', () => {
    const words = new Set<string>();
    for (const locale of LOCALES) {
      for (const priority of PARTNERING_PRIORITIES) {
        const line = renderEmail('partnering_request_received', locale, { ...received, priority })
          .text.split('\n')
          .find((l) => /^(优先级|優先級|Priority)/.test(l));
        expect(line, `${locale} ${priority}`).toBeDefined();
        expect(line).not.toContain(priority);
        words.add(line!);
      }
    }
    expect(words.size).toBe(LOCALES.length * PARTNERING_PRIORITIES.length);
    expect(() => renderEmail('partnering_request_received', 'zh-CN', { ...received, priority: 'urgent' })).toThrow(EmailRenderError);
  });

  it('leaves out an empty message and an empty organisation', () => {
    const mail = renderEmail('partnering_request_received', 'zh-CN', { ...received, message: '  ', fromOrganisation: '' });
    expect(mail.text).not.toContain('留言');
    expect(mail.subject).toBe('洽谈邀约:<script>alert(2)</script>周博士希望与您会面');
    expect(mail.text).not.toContain('()');
  });

  it('an answer: accepted says what happens next, declined shows the reason when there is one', () => {
    const yes = renderEmail('partnering_request_answered', 'zh-CN', { ...answered, accepted: true, reason: null });
    expect(yes.subject).toBe('洽谈邀约已接受:李<i>投资</i>(泰州<医药>产业基金)');
    expect(yes.text).toContain('已接受您在');
    expect(yes.text).toContain('对方:李<i>投资</i>(泰州<医药>产业基金)');
    expect(yes.text).not.toContain('原因');

    const no = renderEmail('partnering_request_answered', 'zh-CN', answered);
    expect(no.subject).toBe('洽谈邀约未被接受:李<i>投资</i>(泰州<医药>产业基金)');
    expect(no.text).toContain('婉拒了您');
    expect(no.text).toContain('原因:本轮只看<临床阶段>项目');
    expect(no.html).toContain('本轮只看&lt;临床阶段&gt;项目');
    expect(renderEmail('partnering_request_answered', 'zh-CN', { ...answered, reason: null }).text).not.toContain('原因');
    // A reason is the decliner's: an acceptance never shows one even if the payload carries it.
    expect(renderEmail('partnering_request_answered', 'zh-CN', { ...answered, accepted: true }).text).not.toContain('临床阶段');

    const tw = renderEmail('partnering_request_answered', 'zh-TW', answered);
    expect(tw.subject).toContain('洽談邀約未被接受');
    expect(tw.text).toContain('婉拒了您');
    const en = renderEmail('partnering_request_answered', 'en', { ...answered, accepted: true, reason: null });
    expect(en.subject).toBe('Meeting request accepted: 李<i>投资</i> (泰州<医药>产业基金)');
    expect(renderEmail('partnering_request_answered', 'en', answered).text).toContain('Reason: 本轮只看<临床阶段>项目');
  });

  it('a cancellation names the other side and the optional reason', () => {
    const zh = renderEmail('partnering_request_cancelled', 'zh-CN', cancelled);
    expect(zh.subject).toBe('洽谈已取消:李<i>投资</i>(泰州<医药>产业基金)');
    expect(zh.text).toContain('原因:行程<冲突>');
    expect(renderEmail('partnering_request_cancelled', 'zh-CN', { ...cancelled, reason: null }).text).not.toContain('原因');
    expect(renderEmail('partnering_request_cancelled', 'zh-TW', cancelled).text).toContain('取消了與您');
    const en = renderEmail('partnering_request_cancelled', 'en', cancelled);
    expect(en.subject).toBe('Meeting cancelled: 李<i>投资</i> (泰州<医药>产业基金)');
    expect(en.text).toContain('Open the partnering page:');
  });

  it('a published schedule: first publication, a change, no meetings, one meeting', () => {
    const first = renderEmail('partnering_schedule_published', 'zh-CN', published);
    expect(first.subject).toBe(`洽谈日程已发布:${SAMPLE_EVENT.eventTitle}`);
    expect(first.text).toContain('为您安排了 3 场会面');
    expect(first.text).toContain('您的会面:3 场');
    expect(first.text).toContain('.ics');
    const changed = renderEmail('partnering_schedule_published', 'zh-CN', { ...published, changed: true, meetings: 2 });
    expect(changed.subject).toBe(`洽谈日程有更新:${SAMPLE_EVENT.eventTitle}`);
    expect(changed.text).toContain('目前共 2 场');
    const none = renderEmail('partnering_schedule_published', 'zh-TW', { ...published, meetings: 0 });
    expect(none.subject).toContain('洽談日程已發布');
    expect(none.text).toContain('目前沒有為您安排會面');
    const one = renderEmail('partnering_schedule_published', 'en', { ...published, meetings: 1 });
    expect(one.subject).toBe(`Your meeting schedule is published: ${SAMPLE_EVENT.eventTitle}`);
    expect(one.text).toContain('Your meetings: 1 meeting\n');
    expect(renderEmail('partnering_schedule_published', 'en', published).text).toContain('Your meetings: 3 meetings');
    expect(renderEmail('partnering_schedule_published', 'en', { ...published, changed: true }).subject).toBe(
      `Your meeting schedule has changed: ${SAMPLE_EVENT.eventTitle}`,
    );
    expect(() => renderEmail('partnering_schedule_published', 'en', { ...published, meetings: undefined })).toThrow(EmailRenderError);
    expect(() => renderEmail('partnering_schedule_published', 'en', { ...published, meetings: -1 })).toThrow(EmailRenderError);
  });

  it('links to the partnering page with a button and as a plain address, and shows the event facts', () => {
    for (const template of ['partnering_request_received', 'partnering_request_answered', 'partnering_request_cancelled', 'partnering_schedule_published'] as const) {
      for (const locale of LOCALES) {
        const mail = renderEmail(template, locale, SAMPLE_PAYLOADS[template]);
        expect(mail.html.split(`href="${escapeHtml(SAMPLE_PARTNERING_LINK)}"`).length - 1).toBe(2);
        expect(mail.text).toContain(SAMPLE_EVENT.venue);
        expect(mail.text).toContain(SAMPLE_EVENT.communityName[locale]);
        expect(foreignTags(mail.html)).toBeNull();
      }
    }
  });

  it('refuses a payload without its counterpart', () => {
    expect(() => renderEmail('partnering_request_received', 'zh-CN', { ...received, fromName: undefined })).toThrow(EmailRenderError);
    expect(() => renderEmail('partnering_request_cancelled', 'zh-CN', { ...cancelled, counterpartName: null })).toThrow(EmailRenderError);
  });

  it('escapes any hostile name, organisation, message and reason in the HTML, and keeps subjects on one line', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='x", '&lt;已转义&gt;', '第一行\r\nBcc: x@evil.test'),
    );
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (name, organisation, message, reason) => {
        for (const locale of LOCALES) {
          const mails = [
            renderEmail('partnering_request_received', locale, { ...received, name, fromName: name || '周', fromOrganisation: organisation, message }),
            renderEmail('partnering_request_answered', locale, { ...answered, counterpartName: name || '周', counterpartOrganisation: organisation, reason }),
            renderEmail('partnering_request_cancelled', locale, { ...cancelled, counterpartName: name || '周', counterpartOrganisation: organisation, reason }),
            renderEmail('partnering_schedule_published', locale, { ...published, name }),
          ];
          for (const mail of mails) {
            expect(foreignTags(mail.html)).toBeNull();
            expect(mail.html).not.toMatch(/<img|onmouseover='/);
            expect(mail.subject).not.toMatch(/[\r\n]/);
          }
          if (message.trim()) expect(mails[0]!.html).toContain(escapeHtml(message.trim()));
        }
      }),
      { numRuns: 60 },
    );
  });
});
