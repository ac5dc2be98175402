/**
 * The rules of applications to roadshows and competitions: when the call takes applications,
 * what an applicant may still change, what screening may change, and what a pitch deck is by
 * its bytes. Pure, so the service, the pages and the tests ask the same questions.
 */
import type { ApplicationStatus, EventKind, EventStatus } from './vocabularies';
import { JUDGED_KINDS } from './vocabularies';

export interface CallFacts {
  kind: EventKind;
  status: EventStatus;
  applicationsOpen: boolean;
  applicationDeadline: Date | null;
}

export function isJudgedKind(kind: string): boolean {
  return (JUDGED_KINDS as readonly string[]).includes(kind);
}

/**
 * The call takes applications now: a judged kind, published, switched on by the organisers, and
 * the deadline (when set) not yet reached. The deadline instant itself is already too late.
 */
export function callIsOpen(call: CallFacts, now: Date): boolean {
  if (!isJudgedKind(call.kind) || call.status !== 'published' || !call.applicationsOpen) return false;
  return call.applicationDeadline === null || now.getTime() < call.applicationDeadline.getTime();
}

export interface ApplicationFacts {
  status: ApplicationStatus;
  /** The number of judging rounds the application is an entry of. */
  roundCount: number;
}

/**
 * The applicant edits and replaces the deck while the call is open, as long as the application
 * stands (not withdrawn, not screened out) and judging has not taken it up.
 */
export function applicantMayEdit(call: CallFacts, app: ApplicationFacts, now: Date): boolean {
  return callIsOpen(call, now) && (app.status === 'submitted' || app.status === 'screened_in') && app.roundCount === 0;
}

/** Withdrawing is possible until judging takes the application up, whatever the deadline. */
export function applicantMayWithdraw(app: ApplicationFacts): boolean {
  return app.status !== 'withdrawn' && app.roundCount === 0;
}

export type ScreenDecision = 'in' | 'out';

/**
 * The status a screening decision leads to, or null when it may not be taken: a withdrawn
 * application, or one already an entry of a round (judging has started on it).
 */
export function screenedStatus(app: ApplicationFacts, decision: ScreenDecision): ApplicationStatus | null {
  if (app.status === 'withdrawn' || app.roundCount > 0) return null;
  return decision === 'in' ? 'screened_in' : 'screened_out';
}

export type DeckType = 'pdf' | 'pptx';
export const DECK_CONTENT_TYPES: Record<DeckType, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * What a deck is by its first bytes: a PDF (`%PDF-`), or a PowerPoint file, which is a ZIP
 * (`PK\x03\x04`) and is only taken under a .pptx name (any ZIP has those bytes). Else null.
 */
export function deckTypeOf(head: Uint8Array, filename: string): DeckType | null {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts([0x50, 0x4b, 0x03, 0x04]) && /\.pptx$/i.test(filename.trim())) return 'pptx';
  return null;
}
