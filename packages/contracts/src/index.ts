export * from './route.ts';
export * from './roles.ts';
export * from './system.ts';
