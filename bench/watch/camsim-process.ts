/**
 * The camera simulator in its own process for the watching benchmarks, so that its CPU is not
 * counted with the server's: one camera with the machine-readable clock burned in.
 * Prints `ready <rtsp url>` and runs until killed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCamsim } from '@gardenwatch/camsim';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.argv[2] ?? 0);
const camsim = await startCamsim({
  port,
  overlay: 'code',
  transcode: 'always',
  keyframeSeconds: 1,
  auth: 'none',
  idleStopMs: 60_000,
  cameras: [
    { id: 'clock', clip: path.join(root, 'packages/camsim/media/synthetic_testsrc2_control.mp4') },
  ],
});
process.stdout.write(`ready ${camsim.url('clock', 'main')}\n`);
process.on('SIGTERM', () => void camsim.stop().then(() => process.exit(0)));
