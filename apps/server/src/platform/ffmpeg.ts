import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FfmpegSource = 'environment' | 'path' | 'npm';

/** The ffmpeg (and ffprobe, when one is found) that the server runs. */
export interface FfmpegTools {
  ffmpeg: string;
  /** Debian's ffmpeg comes with ffprobe; the npm static build does not. */
  ffprobe: string | null;
  source: FfmpegSource;
  version: string;
  /** The RTSP socket timeout option: `timeout` since ffmpeg 5, `stimeout` before. */
  rtspTimeoutOption: 'timeout' | 'stimeout';
}

export interface ResolveOptions {
  ffmpegPath?: string | undefined;
  /** The PATH to search; the process's own by default. */
  searchPath?: string | undefined;
  /** Skip the PATH (to exercise the npm fallback). */
  skipPath?: boolean;
}

export class FfmpegNotFoundError extends Error {
  constructor(tried: string[]) {
    super(`ffmpeg was not found (tried ${tried.join(', ')})`);
    this.name = 'FfmpegNotFoundError';
  }
}

/**
 * FFMPEG_PATH, else `ffmpeg` on the PATH, else the static build of `@ffmpeg-installer/ffmpeg`.
 * npm may skip the package's install script that marks the binary executable, so it is
 * marked here when needed.
 */
export function resolveFfmpeg(options: ResolveOptions = {}): FfmpegTools {
  const tried: string[] = [];
  if (options.ffmpegPath) {
    tried.push(options.ffmpegPath);
    if (isExecutable(options.ffmpegPath)) return describe(options.ffmpegPath, 'environment');
    throw new FfmpegNotFoundError(tried);
  }

  if (!options.skipPath) {
    const onPath = findOnPath('ffmpeg', options.searchPath ?? process.env.PATH ?? '');
    tried.push('ffmpeg on PATH');
    if (onPath) return describe(onPath, 'path');
  }

  const bundled = npmFfmpegPath();
  tried.push('@ffmpeg-installer/ffmpeg');
  if (!bundled) throw new FfmpegNotFoundError(tried);
  if (!isExecutable(bundled)) chmodSync(bundled, 0o755);
  return describe(bundled, 'npm');
}

function describe(ffmpeg: string, source: FfmpegSource): FfmpegTools {
  const version = spawnSync(ffmpeg, ['-hide_banner', '-version'], { encoding: 'utf8' });
  const firstLine = (version.stdout ?? '').split('\n')[0] ?? '';
  const rtspHelp = spawnSync(ffmpeg, ['-hide_banner', '-h', 'demuxer=rtsp'], { encoding: 'utf8' });
  const sibling = path.join(path.dirname(ffmpeg), 'ffprobe');
  const ffprobe = isExecutable(sibling)
    ? sibling
    : source === 'npm'
      ? null
      : findOnPath('ffprobe', process.env.PATH ?? '');
  return {
    ffmpeg,
    ffprobe,
    source,
    version: firstLine.replace(/^ffmpeg version /, '').split(' ')[0] ?? 'unknown',
    rtspTimeoutOption: /-stimeout\b/.test(rtspHelp.stdout ?? '') ? 'stimeout' : 'timeout',
  };
}

function npmFfmpegPath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve('@ffmpeg-installer/ffmpeg/package.json');
    const candidate = path.resolve(
      path.dirname(main),
      '..',
      `${process.platform}-${process.arch}`,
      process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg',
    );
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

function findOnPath(name: string, searchPath: string): string | null {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why a supervised process ended. */
export type ExitReason =
  | { kind: 'exited'; code: number }
  | { kind: 'signalled'; signal: NodeJS.Signals; requested: boolean }
  | { kind: 'spawn_failed'; message: string };

export interface SupervisedOptions {
  command: string;
  args: string[];
  /** Lines of stderr kept for the exit report. */
  stderrLines?: number;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** Time between SIGTERM and SIGKILL when stopping. */
  killGraceMs?: number;
}

/**
 * One child process: its stdout and stderr as lines, the tail of stderr kept for the reason
 * it ended, and a stop that asks politely (SIGTERM) before it insists (SIGKILL).
 */
export class SupervisedProcess {
  readonly exited: Promise<ExitReason>;
  private readonly child: ChildProcess;
  private readonly tail: string[] = [];
  private stopRequested = false;
  private done = false;

  constructor(private readonly options: SupervisedOptions) {
    this.child = spawn(options.command, options.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    readLines(this.child.stdout, (line) => options.onStdoutLine?.(line));
    readLines(this.child.stderr, (line) => this.keep(line));
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.done = true;
        resolve({ kind: 'spawn_failed', message: error.message });
      });
      this.child.once('close', (code, signal) => {
        this.done = true;
        if (signal) resolve({ kind: 'signalled', signal, requested: this.stopRequested });
        else resolve({ kind: 'exited', code: code ?? 0 });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.done;
  }

  /** The last lines the process wrote to stderr. */
  stderrTail(): string[] {
    return [...this.tail];
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
  async stop(): Promise<ExitReason> {
    if (this.done) return this.exited;
    this.stopRequested = true;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), this.options.killGraceMs ?? 3000);
    const reason = await this.exited;
    clearTimeout(timer);
    return reason;
  }

  private keep(line: string): void {
    this.tail.push(line);
    if (this.tail.length > (this.options.stderrLines ?? 40)) this.tail.shift();
    this.options.onStderrLine?.(line);
  }
}

function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    // ffmpeg ends progress lines with a carriage return; both end a line here.
    const parts = buffered.split(/\r\n|\n|\r/);
    buffered = parts.pop() ?? '';
    for (const part of parts) if (part.length > 0) onLine(part);
  });
  stream.on('end', () => {
    if (buffered.length > 0) onLine(buffered);
  });
}

/** Resolves ffmpeg on first use, once per process (resolution runs ffmpeg twice). */
export function lazyFfmpeg(options: ResolveOptions): () => FfmpegTools {
  let tools: FfmpegTools | undefined;
  return () => (tools ??= resolveFfmpeg(options));
}
