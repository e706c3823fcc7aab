import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import net from 'node:net';
import dgram from 'node:dgram';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SCENARIOS = path.resolve(import.meta.dirname, '../../test/sipp');

/** A port free on both UDP and TCP at the moment of asking. */
export async function freePort(): Promise<number> {
  for (;;) {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const socket = dgram.createSocket('udp4');
    const free = await new Promise<boolean>((resolve) => {
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => resolve(true));
    });
    socket.close();
    if (free) return port;
  }
}

export interface SippRun {
  process: ChildProcess;
  messageLog: string;
  exit: Promise<number | null>;
  /** SIP messages sipp saw and sent, from its -trace_msg file. */
  messages(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts sipp (Debian package sip-tester) with a scenario from test/sipp. */
export async function runSipp(options: {
  scenario: string;
  port: number;
  transport: 'udp' | 'tcp';
  keys: Record<string, string>;
  target?: string;
  calls?: number;
}): Promise<SippRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gb28181-sipp-'));
  const messageLog = path.join(dir, 'messages.log');
  const args = [
    ...(options.target ? [options.target] : []),
    '-sf',
    path.resolve(SCENARIOS, options.scenario),
    '-i',
    '127.0.0.1',
    '-p',
    String(options.port),
    '-t',
    options.transport === 'udp' ? 'u1' : 't1',
    '-nostdin',
    '-trace_msg',
    '-message_file',
    messageLog,
    '-timeout',
    '30s',
    ...(options.calls ? ['-m', String(options.calls)] : []),
    ...Object.entries(options.keys).flatMap(([key, value]) => ['-key', key, value]),
  ];
  const child = spawn('sipp', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  // Give a server-mode sipp time to bind before the peer sends to it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (child.exitCode !== null) throw new Error(`sipp exited early: ${stderr}`);
  return {
    process: child,
    messageLog,
    exit,
    messages: () => readFile(messageLog, 'utf8').catch(() => ''),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exit;
      clearTimeout(timer);
    },
  };
}
