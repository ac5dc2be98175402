import type { EventTabProps } from './types';

/** Projects presented and the materials shared with attendees. Placeholder until H5 lands it. */
export function ProjectsTab(_props: EventTabProps) {
  return null;
}
