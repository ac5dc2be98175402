import type { EventDetail } from '../../../shared/schemas/events';

/** What every tab of the event page receives: the event as loaded (with `canManage`). */
export interface EventTabProps {
  event: EventDetail;
}
