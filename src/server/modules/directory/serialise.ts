import type { LinkRole, LinkTargetType, ProjectTrack } from '../../../domain/directory';
import type { Attachment, EntityRef, Link, Organisation, Person, Project, ProjectSummary } from '../../../shared/schemas/directory';
import type { LinkRow, Named } from './common.queries';
import type { OrganisationRow } from './organisations.queries';
import type { PersonRow } from './people.queries';
import type { ProjectRow } from './projects.queries';

/** Rows as the API shows them: timestamps as ISO text, bookkeeping columns left out. */
export function toOrganisation(row: OrganisationRow): Organisation {
  const { nameKey: _k, createdBy: _c, createdAt, updatedAt, kind, ...rest } = row;
  return { ...rest, kind: kind as Organisation['kind'], createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** A person; contact channels only when the viewer may see them (contactHidden says they were withheld). */
export function toPerson(row: PersonRow, showContact: boolean): Person {
  const { createdBy: _c, createdAt, updatedAt, consentAt, email, phone, wechatId, ...rest } = row;
  const hasContact = email !== null || phone !== null || wechatId !== null;
  return {
    ...rest,
    email: showContact ? email : null,
    phone: showContact ? phone : null,
    wechatId: showContact ? wechatId : null,
    contactHidden: !showContact && hasContact,
    consentAt: consentAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export function toProjectSummary(row: ProjectRow): ProjectSummary {
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    segment: row.segment,
    track: row.track as ProjectTrack,
    stage: row.stage,
    confidentiality: row.confidentiality as ProjectSummary['confidentiality'],
    fundingSoughtFen: row.fundingSoughtFen,
    fundingRound: row.fundingRound,
  };
}

export function toProject(row: ProjectRow, owner: EntityRef | null): Project {
  const { createdBy: _c, createdAt, updatedAt, ownerOrganisationId: _o, deviceClass, ...rest } = row;
  return {
    ...rest,
    ...toProjectSummary(row),
    deviceClass: deviceClass as Project['deviceClass'],
    owner,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export function toAttachment(row: { id: string; fileId: string; kind: string; filename: string; contentType: string; sizeBytes: number; createdAt: Date }): Attachment {
  return { ...row, kind: row.kind as Attachment['kind'], createdAt: row.createdAt.toISOString() };
}

export function refOf(type: LinkTargetType, id: string, names: Map<string, Named>): EntityRef | null {
  const name = names.get(`${type}:${id}`);
  return name ? { entityType: type, id, nameZh: name.nameZh, nameEn: name.nameEn } : null;
}

/** A link with both ends named; null when an end is gone (or hidden from the viewer). */
export function toLink(row: LinkRow, names: Map<string, Named>): Link | null {
  const from = refOf(row.fromType as LinkTargetType, row.fromId, names);
  const to = refOf(row.toType as LinkTargetType, row.toId, names);
  if (!from || !to) return null;
  return { id: row.id, role: row.role as LinkRole, from, to, note: row.note, since: row.since, createdAt: row.createdAt.toISOString() };
}
