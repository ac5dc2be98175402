export * from './users';
export * from './communities';
export * from './memberships';
export * from './auth';
export * from './outbox';
export * from './audit';
export * from './directory';
