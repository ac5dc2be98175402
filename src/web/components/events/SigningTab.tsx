import type { EventTabProps } from './types';

/** The signing ceremony running order. Placeholder until H5 lands it. */
export function SigningTab(_props: EventTabProps) {
  return null;
}
