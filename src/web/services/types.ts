import type { z } from 'zod';
import type { auditPage } from '../../shared/schemas/audit';
import type { communityKindSchema } from '../../shared/schemas/communities';
import type { createdInvitationSchema, invitationPreviewSchema, membersPage } from '../../shared/schemas/members';

export type { AuditEntry } from '../../shared/schemas/audit';
export type { MyCommunity, SessionInfo, User } from '../../shared/schemas/auth';
export type { Community, CommunityDetail } from '../../shared/schemas/communities';
export type { Invitation, Member } from '../../shared/schemas/members';
export type { CommunityAction, MembershipRole } from '../../domain/roles';
export type { Locale } from '../../domain/locales';

export type CommunityKind = z.infer<typeof communityKindSchema>;
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export type MembersPage = z.infer<typeof membersPage>;
export type AuditPage = z.infer<typeof auditPage>;

export interface OutboxMessage {
  id: string | number;
  recipient: string;
  template: string;
  locale: string;
  payload: Record<string, unknown> | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxPage {
  items: OutboxMessage[];
  nextCursor: string | null;
}

export interface Health {
  status: string;
  database: string;
  version: string;
}

export interface Ok {
  ok: true;
}
