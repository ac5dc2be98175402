import type { z } from 'zod';
import type { Locale } from '../../../domain/locales';
import type { AgreementKind, AgreementStatus, PartyRole } from '../../../domain/lifecycle/vocabularies';
import type { SigningStatus } from '../../../domain/events/vocabularies';
import type { Signing, signingCreateInput, signingOrderInput, signingUpdateInput } from '../../../shared/schemas/event-outcomes';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { formatMoney } from '../../../web/lib/money';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { formatInstant, formatRange } from '../../lib/format';
import { FONT_BOLD, FONT_REGULAR, renderPdf } from '../../pdf/document';
import { recordAudit } from '../audit/record';
import { partiesOf } from '../agreements/queries';
import { fieldError, requireEvent, sessionOut } from './gate';
import * as q from './queries';

/**
 * A signing ceremony's running order (event_signings): agreements of the community, each at
 * most in one event's order (unique index). The agreement names the event (`agreements.event_id`)
 * while it is planned or signed there; withdrawing or removing it from the order clears that,
 * in the same transaction, so "signed at this event" and the running order never disagree.
 */

const linksEvent = (status: SigningStatus) => status !== 'withdrawn';

export async function signings(db: Executor, eventId: string): Promise<Signing[]> {
  const rows = await q.signingsOf(db, eventId);
  const sessions = new Map((await q.sessionsOf(db, eventId)).map((s) => [s.id, s]));
  const parties = await partiesOf(db, rows.map((r) => r.agreementId));
  return rows.map((r) => ({
    agreement: {
      id: r.agreementId,
      title: r.title,
      kind: r.kind as AgreementKind,
      status: r.agreementStatus as AgreementStatus,
      amountFen: r.amountFen,
      signedOn: r.signedOn,
      parties: parties
        .filter((p) => p.agreementId === r.agreementId)
        .map((p) => ({ organisation: { entityType: 'organisation' as const, id: p.organisationId, nameZh: p.nameZh, nameEn: p.nameEn }, role: p.role as PartyRole, position: p.position })),
    },
    position: r.position,
    status: r.status as SigningStatus,
    session: sessionOut(r.sessionId ? sessions.get(r.sessionId) : undefined),
    note: r.note,
  }));
}

async function signingOne(db: Executor, eventId: string, agreementId: string): Promise<Signing> {
  const found = (await signings(db, eventId)).find((s) => s.agreement.id === agreementId);
  if (!found) throw new AppError('not_found');
  return found;
}

async function checkSession(db: Executor, eventId: string, sessionId: string | null | undefined) {
  if (sessionId && !(await q.sessionExists(db, eventId, sessionId))) throw fieldError({ sessionId: 'eventOutcomes_session_unknown' });
}

export async function listSignings(ctx: RequestContext, communityId: string, eventId: string): Promise<Signing[]> {
  await requireEvent(ctx, communityId, eventId);
  return signings(ctx.db, eventId);
}

export async function addSigning(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof signingCreateInput>): Promise<Signing> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    // The agreement row lock settles two ceremonies claiming it at once (and the unique index backs it).
    const agreement = await q.findAgreementForUpdate(tx, communityId, input.agreementId);
    if (!agreement) throw fieldError({ agreementId: 'eventOutcomes_agreement_unknown' });
    await checkSession(tx, eventId, input.sessionId);
    const holder = await q.signingOfAgreement(tx, agreement.id);
    if (holder?.eventId === eventId) throw new AppError('duplicate_record', { fields: { agreementId: 'eventOutcomes_agreement_in_order' } });
    if (holder || (agreement.event_id && agreement.event_id !== eventId)) {
      throw new AppError('duplicate_record', { fields: { agreementId: 'eventOutcomes_agreement_other_event' } });
    }
    await q.lockEvent(tx, eventId);
    const position = await q.nextSigningPosition(tx, eventId);
    await q.insertSigning(tx, { eventId, agreementId: agreement.id, position, sessionId: input.sessionId ?? null, note: input.note ?? '', status: 'planned' });
    await q.setAgreementEvent(tx, communityId, agreement.id, eventId);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.signing_added',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: null,
      after: { agreementId: agreement.id, agreement: agreement.title, position, sessionId: input.sessionId ?? null, status: 'planned' },
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'agreement.updated',
      entityType: 'agreement',
      entityId: agreement.id,
      entityLabel: agreement.title,
      before: { eventId: agreement.event_id },
      after: { eventId },
    });
    return signingOne(tx, eventId, agreement.id);
  });
}

export async function updateSigning(ctx: RequestContext, communityId: string, eventId: string, agreementId: string, input: z.output<typeof signingUpdateInput>): Promise<Signing> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    const agreement = await q.findAgreementForUpdate(tx, communityId, agreementId);
    const before = await q.findSigning(tx, eventId, agreementId);
    if (!agreement || !before) throw new AppError('not_found');
    await checkSession(tx, eventId, input.sessionId);
    const values: { status?: SigningStatus; sessionId?: string | null; note?: string } = {};
    if (input.status !== undefined) values.status = input.status;
    if (input.sessionId !== undefined) values.sessionId = input.sessionId;
    if (input.note !== undefined) values.note = input.note;
    if (Object.keys(values).length) await q.updateSigning(tx, eventId, agreementId, values);
    const status = values.status ?? (before.status as SigningStatus);
    const wanted = linksEvent(status) ? eventId : null;
    if (agreement.event_id !== wanted) {
      await q.setAgreementEvent(tx, communityId, agreementId, wanted);
      await recordAudit(tx, ctx, {
        communityId,
        action: 'agreement.updated',
        entityType: 'agreement',
        entityId: agreementId,
        entityLabel: agreement.title,
        before: { eventId: agreement.event_id },
        after: { eventId: wanted },
      });
    }
    await recordAudit(tx, ctx, {
      communityId,
      action: before.status !== status ? 'event.signing_status_changed' : 'event.signing_updated',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { agreementId, status: before.status, sessionId: before.sessionId, note: before.note },
      after: { agreementId, status, sessionId: values.sessionId !== undefined ? values.sessionId : before.sessionId, note: values.note ?? before.note },
    });
    return signingOne(tx, eventId, agreementId);
  });
}

export async function reorderSignings(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof signingOrderInput>): Promise<Signing[]> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    await q.lockEvent(tx, eventId);
    const ids = (await q.signingsOf(tx, eventId)).map((s) => s.agreementId);
    const given = new Set(input.agreementIds);
    if (given.size !== input.agreementIds.length || given.size !== ids.length || ids.some((id) => !given.has(id))) {
      throw fieldError({ agreementIds: 'eventOutcomes_order_mismatch' });
    }
    await q.reorder(tx, 'event_signings', eventId, input.agreementIds);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.signings_reordered',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { order: ids.join(',') },
      after: { order: input.agreementIds.join(',') },
    });
    return signings(tx, eventId);
  });
}

export async function removeSigning(ctx: RequestContext, communityId: string, eventId: string, agreementId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    const agreement = await q.findAgreementForUpdate(tx, communityId, agreementId);
    const before = await q.findSigning(tx, eventId, agreementId);
    if (!agreement || !before) throw new AppError('not_found');
    await q.deleteSigning(tx, eventId, agreementId);
    if (agreement.event_id === eventId) {
      await q.setAgreementEvent(tx, communityId, agreementId, null);
      await recordAudit(tx, ctx, {
        communityId,
        action: 'agreement.updated',
        entityType: 'agreement',
        entityId: agreementId,
        entityLabel: agreement.title,
        before: { eventId },
        after: { eventId: null },
      });
    }
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.signing_removed',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { agreementId, agreement: agreement.title, position: before.position, status: before.status },
      after: null,
    });
  });
}

// ---------------------------------------------------------------- printable running order

type PdfText = Record<string, string>;

function pdfText(locale: Locale): PdfText {
  return (CATALOGUES[locale] as unknown as { eventOutcomes: { pdf: PdfText } }).eventOutcomes.pdf;
}

function statusText(locale: Locale, status: SigningStatus): string {
  return (CATALOGUES[locale] as unknown as { eventOutcomes: { signingStatus: PdfText } }).eventOutcomes.signingStatus[status] ?? status;
}

/** The running order on A4 landscape: position, agreement, parties, amount (万元/亿元), time, status. */
export async function signingsPdf(ctx: RequestContext, communityId: string, eventId: string): Promise<{ bytes: Buffer; filename: string }> {
  const { access, event } = await requireEvent(ctx, communityId, eventId);
  const list = await signings(ctx.db, eventId);
  const locale = ctx.locale;
  const tz = access.community.timeZone;
  const text = pdfText(locale);
  const partyName = (p: Signing['agreement']['parties'][number]) => (locale === 'en' && p.organisation.nameEn ? p.organisation.nameEn : p.organisation.nameZh);
  const columns = [
    { key: 'position', label: text.position!, width: 40 },
    { key: 'title', label: text.agreement!, width: 220 },
    { key: 'parties', label: text.parties!, width: 250 },
    { key: 'amount', label: text.amount!, width: 90 },
    { key: 'time', label: text.time!, width: 110 },
    { key: 'status', label: text.status!, width: 60 },
  ] as const;
  const bytes = await renderPdf({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: `${event.title} — ${text.title}` } }, (doc) => {
    const left = doc.page.margins.left;
    doc.font(FONT_BOLD).fontSize(16).text(event.title, { align: 'center' });
    doc.font(FONT_REGULAR).fontSize(10).text(`${text.title} · ${formatRange(event.startsAt, event.endsAt, locale, tz)}${event.venue ? ` · ${event.venue}` : ''}`, { align: 'center' });
    doc.moveDown(1);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(9);
      const heights = cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }));
      const height = Math.max(...heights) + 8;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc.text(c, x + 3, top + 4, { width: columns[i]!.width - 6 });
        x += columns[i]!.width;
      });
      doc
        .moveTo(left, top + height)
        .lineTo(x, top + height)
        .lineWidth(0.5)
        .strokeColor(bold ? '#333333' : '#cccccc')
        .stroke();
      doc.x = left;
      doc.y = top + height;
    };
    drawRow(columns.map((c) => c.label), true);
    if (list.length === 0) {
      doc.moveDown(1).font(FONT_REGULAR).fontSize(10).text(text.empty!, left);
      return;
    }
    list.forEach((s, i) => {
      drawRow(
        [
          String(i + 1),
          s.agreement.title,
          s.agreement.parties.map(partyName).join('\n'),
          s.agreement.amountFen === null ? '—' : formatMoney(s.agreement.amountFen, locale),
          s.session ? formatRange(s.session.startsAt, s.session.endsAt, locale, tz) : formatInstant(event.startsAt, locale, tz, 'date'),
          statusText(locale, s.status),
        ],
        false,
      );
    });
    doc.moveDown(1).font(FONT_REGULAR).fontSize(8).fillColor('#666666').text(`${text.printed} ${formatInstant(new Date(), locale, tz)}`, left);
  });
  return { bytes, filename: `${event.title}-${text.filename}.pdf` };
}
