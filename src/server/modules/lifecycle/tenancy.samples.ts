/**
 * For the tenancy sweep: the lifecycle has no community-scoped writes (stage moves and
 * milestones are on directory projects, guarded by the project's own rules); its one
 * community-scoped route, the board, is a read.
 */
export const bodies: Record<string, unknown> = {};
