#!/usr/bin/env node
// Runs the TypeScript entry point through tsx's loader, so no build step stands between
// `npm install` and a running server.
import { register } from 'tsx/esm/api';

// On Node 20 every module loaded once a loader is registered crosses to the loader's thread and
// back, which for the hundreds of plain-JavaScript files of kysely and zod costs about a second
// of start-up. Loaded first, they are found in the module cache by the TypeScript that imports
// them.
await Promise.all([import('kysely'), import('zod')]);

register();
await import('../src/cli.ts');
