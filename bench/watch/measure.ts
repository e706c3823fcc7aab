import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** Helpers of the watching benchmark: child processes, CPU of a process tree, statistics. */

export interface Started {
  child: ChildProcess;
  line: string;
  /** Every stdout line so far, kept while the child runs. */
  lines: string[];
}

/** Spawns a command and resolves with its first stdout line matching `ready`. */
export function startUntil(command: string, args: string[], ready: RegExp): Promise<Started> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const seen: string[] = [];
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      seen.push(line);
      if (ready.test(line)) resolve({ child, line, lines: seen });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

const ticks = 100;

interface Stat {
  comm: string;
  ppid: number;
  cpu: number;
}

function statOf(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      comm,
      ppid: Number(fields[1]),
      cpu: (Number(fields[11]) + Number(fields[12])) / ticks,
    };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a process tree now alive: its ffmpeg processes, and everything
 * else (the server's Node.js process under the tsx launcher).
 */
export function cpuOfTree(root: number): { node: number; ffmpeg: number } {
  const stats = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statOf(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const inTree = (pid: number): boolean => {
    let current = stats.get(pid)?.ppid;
    while (current && current > 1) {
      if (current === root) return true;
      current = stats.get(current)?.ppid;
    }
    return false;
  };
  const total = { node: stats.get(root)?.cpu ?? 0, ffmpeg: 0 };
  for (const [pid, stat] of stats) {
    if (!inTree(pid)) continue;
    if (stat.comm === 'ffmpeg') total.ffmpeg += stat.cpu;
    else total.node += stat.cpu;
  }
  return total;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: number[]): number => percentile(values, 50);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
