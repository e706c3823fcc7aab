#!/usr/bin/env node
// Runs the TypeScript entry point through tsx's loader, so no build step stands between
// `npm install` and a running server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
