import { eq, sql } from 'drizzle-orm';
import type { Question } from '../../../domain/events/questions';
import type { Db } from '../../db/client';
import { communities, eventInvitations, eventTicketTypes, events } from '../../db/schema';
import { randomToken } from '../../lib/tokens';

/**
 * Events for the registration tests, written straight to the database so these tests do not
 * depend on the events module's routes: a published public event a week ahead by default.
 */
export async function makeEvent(
  db: Db,
  slug: string,
  options: {
    visibility?: 'public' | 'members' | 'invitation';
    status?: 'draft' | 'published' | 'cancelled';
    approvalMode?: 'automatic' | 'reviewed';
    tickets?: { name: string; capacity: number; isOpen?: boolean }[];
    questions?: Question[];
    startsInDays?: number;
    registrationClosesAt?: Date | null;
    kind?: string;
  } = {},
) {
  const [community] = await db.select().from(communities).where(eq(communities.slug, slug));
  const startsAt = new Date(Date.now() + (options.startsInDays ?? 7) * 86_400_000);
  const [event] = await db
    .insert(events)
    .values({
      communityId: community!.id,
      kind: options.kind ?? 'salon',
      title: '生物医药投融资沙龙',
      summary: '创新药与资本对接',
      venue: '泰州医药城会展中心 A 厅',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      visibility: options.visibility ?? 'public',
      status: options.status ?? 'published',
      approvalMode: options.approvalMode ?? 'automatic',
      registrationQuestions: options.questions ?? [],
      registrationClosesAt: options.registrationClosesAt ?? null,
      publishedAt: sql`now()`,
    })
    .returning();
  const tickets = [];
  for (const [i, t] of (options.tickets ?? [{ name: '普通参会', capacity: 10 }]).entries()) {
    const [row] = await db
      .insert(eventTicketTypes)
      .values({ eventId: event!.id, name: t.name, capacity: t.capacity, isOpen: t.isOpen ?? true, position: i })
      .returning();
    tickets.push(row!);
  }
  return { event: event!, community: community!, tickets };
}

export async function makeInvitation(db: Db, eventId: string, ticketTypeId: string, email: string, status: 'sent' | 'registered' | 'revoked' = 'sent') {
  const [row] = await db.insert(eventInvitations).values({ eventId, ticketTypeId, email, name: '受邀嘉宾', token: randomToken(), status }).returning();
  return row!;
}

/** A registration body with sensible defaults. */
export function person(n: number | string, extra: Record<string, unknown> = {}) {
  return { name: `参会者${n}`, email: `guest${n}@example.cn`, phone: '13800138000', organisationName: '苏州某生物科技有限公司', jobTitle: '投资总监', ...extra };
}
