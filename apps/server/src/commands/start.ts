import { buildApp } from '../app.ts';
import { startDemoCamsim } from '../modules/demo/demo-camsim.ts';
import { demoAnnouncement, seedDemo } from '../modules/demo/demo.seed.ts';
import { demoAnalysis } from '../modules/demo/demo-cameras.seed.ts';
import { bootPlatform } from '../platform/bootstrap.ts';
import type { Config } from '../platform/config.ts';

export interface StartOptions {
  demo: boolean;
}

export async function runStart(config: Config, options: StartOptions): Promise<void> {
  const booted = await bootPlatform(config);
  const { platform } = booted;
  const { logger } = platform;
  if (booted.keySource.origin === 'generated') {
    process.stdout.write(
      `generated a server key into ${booted.keySource.file} (mode 0600); keep it with the data\n`,
    );
  }

  const { app, services } = await buildApp(platform);
  const camsim = options.demo
    ? await startDemoCamsim({ port: config.demoCameraPort, ffmpegPath: config.ffmpegPath, logger })
    : undefined;
  if (options.demo) {
    const demo = await seedDemo(platform, services);
    for (const line of demoAnnouncement(demo)) process.stdout.write(`${line}\n`);
  }

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { host: config.host, port, db: platform.dbKind, bus: platform.bus.kind },
    'server.started',
  );
  process.stdout.write(`listening on http://${config.host}:${port}\n`);

  const reconciled = await services.recording.start();
  logger.info({ ...reconciled }, 'recording.started');
  const demo = options.demo ? await demoAnalysis(platform.db) : undefined;
  const analysed = await services.alerts.analysis.start({
    defaults: demo?.cameraIds ?? [],
    ...(demo && { zonesOf: demo.zonesOf }),
  });
  logger.info({ cameras: analysed }, 'analysis.started');
  await services.health.monitor.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'server.stopping');
    services.health.monitor.stop();
    await services.recording.stop();
    await camsim?.stop();
    await app.close();
    await booted.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
