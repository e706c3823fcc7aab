export * from './route.ts';
export * from './roles.ts';
export * from './system.ts';
export * from './org-kinds.ts';
export * from './authz.ts';
export * from './audit.ts';
export * from './org.ts';
export * from './identity.ts';
