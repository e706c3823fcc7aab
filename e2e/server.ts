import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LISTENING = /listening on (http:\/\/[^\s]+)/;

export interface DemoServer {
  /** Base URL of the console and API, e.g. http://127.0.0.1:43123 */
  url: string;
  password: string;
  /** Everything the server wrote, for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
}

/** The console is served from apps/web/dist; build it once if a previous step has not. */
export function ensureWebBuilt(): void {
  if (existsSync(path.join(root, 'apps/web/dist/index.html'))) return;

  const build = spawnSync('npm', ['run', '--silent', 'build', '-w', 'apps/web'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the console build failed');
}

function waitForListening(child: ChildProcess, log: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`no "listening on" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n${log.join('')}`));
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = LISTENING.exec(log.join(''));
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1].replace('://0.0.0.0:', '://127.0.0.1:'));
      void chunk;
    });
    child.once('exit', (code) => fail(new Error(`the server exited with code ${code}`)));
  });
}

/**
 * Starts `gardenwatch start --demo` on a free port with an empty data folder in embedded mode
 * (PGlite, in-memory bus), whatever the environment says, and resolves once it listens.
 */
export async function startDemoServer(
  password = 'e2e-demo-password-1',
  logLevel: 'warn' | 'info' | 'debug' = 'warn',
  /** Analyse the demo's cameras (model loading and inference cost a core). */
  analyse = false,
): Promise<DemoServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gardenwatch-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GARDENWATCH_DEMO_PASSWORD: password,
    LOG_LEVEL: logLevel,
  };
  // The demo analyses two cameras; other browser tests leave the CPU to the browser.
  if (analyse) delete env.ANALYSIS_CAMERAS;
  else env.ANALYSIS_CAMERAS = 'none';
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  delete env.PORT;
  delete env.DATA_DIR;

  const child = spawn(
    process.execPath,
    ['apps/server/bin/gardenwatch.mjs', 'start', '--demo', '--port', '0', '--data', dataDir],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // A first start creates the PGlite database and compiles every module; on a loaded 2-core
    // machine that has taken close to a minute, so the wait stays below the hook's 180 s only.
    const url = await waitForListening(child, log, 150_000);
    return { url, password, output: () => log.join(''), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
