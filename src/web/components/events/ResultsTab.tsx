import type { EventTabProps } from './types';

/** Ranking and publishing results. Placeholder until H3a lands it. */
export function ResultsTab(_props: EventTabProps) {
  return null;
}
