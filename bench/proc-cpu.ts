import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

function statFields(pid: number): number[] {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds used so far by a process and, when asked, its children (live and reaped). */
export function cpuSeconds(pid: number, withChildren: boolean): number {
  // After the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  const own = statFields(pid);
  let ticks = (own[11] ?? 0) + (own[12] ?? 0);
  if (withChildren) {
    ticks += (own[13] ?? 0) + (own[14] ?? 0);
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const f = statFields(Number(entry));
      if (f[1] === pid) ticks += (f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0);
    }
  }
  return ticks / ticksPerSecond;
}
