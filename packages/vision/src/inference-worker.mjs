// Worker threads do not inherit the parent's TypeScript loader: register tsx, then run the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./inference.worker.ts');
