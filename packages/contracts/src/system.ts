import { z } from 'zod';
import { defineRoute } from './route.ts';

export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'down']),
  databaseKind: z.enum(['pglite', 'postgres']),
  bus: z.enum(['memory', 'nats']),
  uptimeSeconds: z.number().int(),
});

export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database reachability',
    tags: ['system'],
    response: healthResponse,
  }),
};
