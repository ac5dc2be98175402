import type { EventTabProps } from './types';

/** The agenda builder. Placeholder until H1 lands it. */
export function AgendaTab(_props: EventTabProps) {
  return null;
}
