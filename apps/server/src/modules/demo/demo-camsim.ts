import { fileURLToPath } from 'node:url';
import type { Camsim } from '@gardenwatch/camsim';
import { resolveFfmpeg } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import { demoCameraCredentials, demoCameras } from './demo-cameras.data.ts';

/** The simulator listens on the loopback only: the demo cameras are the server's own. */
export const demoCamsimHost = '127.0.0.1';

/** The clips folder of the simulator package, found through its entry point. */
export function camsimMediaDir(): string {
  return fileURLToPath(new URL('../media/', import.meta.resolve('@gardenwatch/camsim')));
}

export interface DemoCamsimOptions {
  port: number;
  /** FFMPEG_PATH, when set; resolved as the recorder resolves it. */
  ffmpegPath: string | undefined;
  logger: Logger;
}

/**
 * Starts the camera simulator in this process on a fixed port, so that the URLs stored by the
 * demo seed still work after a restart. When the port is taken the demo runs without it: the
 * cameras then show as offline and the recorder logs gaps, which is what a real outage does.
 */
export async function startDemoCamsim(options: DemoCamsimOptions): Promise<Camsim | undefined> {
  const { port, logger } = options;
  const media = camsimMediaDir();
  try {
    // Loaded only for the demo: a plain start does not pay for the simulator's modules.
    const { startCamsim } = await import('@gardenwatch/camsim');
    const tools = resolveFfmpeg({ ffmpegPath: options.ffmpegPath });
    const camsim = await startCamsim(
      {
        host: demoCamsimHost,
        port,
        ffmpegPath: tools.ffmpeg,
        // Every clip has B-frames, which RTP cannot carry without decode timestamps.
        transcode: 'always',
        overlay: 'none',
        auth: 'digest',
        cameras: demoCameras.map((camera) => ({
          id: camera.simId,
          clip: `${media}${camera.clip}`,
          ...demoCameraCredentials,
        })),
      },
      {
        onEvent: (event) => {
          if (event.type === 'camera.ffmpeg.error') {
            logger.warn({ cameraId: event.cameraId, stream: event.stream }, 'demo.camsim.error');
          }
        },
      },
    );
    logger.info({ port: camsim.port, cameras: demoCameras.length }, 'demo.camsim.started');
    return camsim;
  } catch (error) {
    logger.warn({ port, err: error }, 'demo.camsim.unavailable');
    return undefined;
  }
}
