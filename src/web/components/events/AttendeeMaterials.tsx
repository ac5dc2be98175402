/**
 * On the public event page, for a signed-in confirmed attendee: the projects presented and the
 * materials shared with this event's attendees. Placeholder until H5 lands it.
 */
export function AttendeeMaterials(_props: { eventId: string }) {
  return null;
}
