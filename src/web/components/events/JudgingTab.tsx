import type { EventTabProps } from './types';

/** Rounds, criteria, judges and scoring progress. Placeholder until H3a lands it. */
export function JudgingTab(_props: EventTabProps) {
  return null;
}
