/**
 * The server side of `kindergarten-page.bench.ts`, in its own process so that it does not share
 * an event loop with the load generator. Prints `ready <port>` once listening on 127.0.0.1.
 *
 * - `app`: the whole Gardenwatch HTTP application (every module's routes, sessions, logging at
 *   the configured level) on PGlite in DATA_DIR or on DATABASE_URL, with the demo city seeded.
 * - `ceiling`: a bare Fastify route answering the JSON in BENCH_PAGE_FILE from memory.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { seedDemo } from '../apps/server/src/modules/demo/demo.seed.ts';
import { bootPlatform } from '../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';

const mode = process.argv[2];

async function startApp(): Promise<() => Promise<void>> {
  const booted = await bootPlatform(loadConfig(process.env));
  const { app, services } = await buildApp(booted.platform, undefined);
  await seedDemo(booted.platform, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  announce(app.server.address());
  return async () => {
    await app.close();
    await booted.close();
  };
}

async function startCeiling(): Promise<() => Promise<void>> {
  const body = readFileSync(process.env.BENCH_PAGE_FILE ?? '', 'utf8');
  const app = Fastify();
  app.get('/api/kindergartens/:id/page', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(body),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  announce(app.server.address());
  return () => app.close();
}

function announce(address: AddressInfo | string | null): void {
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`ready ${port}\n`);
}

const stop = mode === 'ceiling' ? await startCeiling() : await startApp();
process.once('SIGTERM', () => {
  void stop().then(() => process.exit(0));
});
