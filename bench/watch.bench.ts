/**
 * Watching video, measured: live glass-to-glass latency in headless Chromium over loopback
 * (against ffmpeg decoding the same RTSP stream directly), first frame after a seek in the
 * playback page (against ffmpeg decoding the first frame at an offset), and the server's CPU
 * with 1, 10 and 50 live viewers of one camera. Run: `npx tsx bench/watch.bench.ts`. The export
 * is measured on its own by `bench/export.bench.ts`.
 *
 * The simulator burns the wall clock into every frame as a row of blocks; the page draws the
 * playing <video> onto a canvas and the clock is decoded from its pixels. Every process runs
 * on this machine, so both ends read the same clock. Environment: BENCH_CAMSIM_PORT (default
 * 0, a free one), BENCH_SAMPLES (default 60).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeClockCode } from '@gardenwatch/camsim';
import { z } from 'zod';
import { launchChromium } from '../e2e/browser.ts';
import { cpuOfTree, median, percentile, sleep, startUntil, stopChild } from './watch/measure.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultFile = path.join(root, 'bench/results/watch.json');
const samples = Number(process.env.BENCH_SAMPLES ?? 60);
const tsx = path.join(root, 'node_modules/.bin/tsx');

const serverInfo = z.object({
  base: z.string(),
  cameraId: z.string(),
  cookie: z.string(),
  csrfToken: z.string(),
  footageStart: z.number(),
  mediaDir: z.string(),
});
type ServerInfo = z.infer<typeof serverInfo>;

const frameBand = z.object({
  now: z.number(),
  w: z.number(),
  h: z.number(),
  top: z.number(),
  band: z.string(),
});

/** The page script: the bottom band of the current frame as RGBA, with the time it was read. */
const readBand = `(() => {
  const v = document.querySelector('[data-testid="live-video"]');
  const w = v.videoWidth, h = v.videoHeight;
  const c = window.__c ?? (window.__c = document.createElement('canvas'));
  c.width = w; c.height = h;
  const g = c.getContext('2d', { willReadFrequently: true });
  g.drawImage(v, 0, 0, w, h);
  const now = Date.now();
  const block = Math.max(6, Math.floor(w / 80));
  const top = h - 3 * block;
  const data = g.getImageData(0, top, w, h - top).data;
  let s = ''; for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return { now, w, h, top, band: btoa(s) };
})()`;

function decodeBand(sample: z.infer<typeof frameBand>): number | null {
  const data = new Uint8ClampedArray(sample.w * sample.h * 4);
  data.set(Buffer.from(sample.band, 'base64'), sample.top * sample.w * 4);
  return decodeClockCode({ data, width: sample.w, height: sample.h, channels: 4 });
}

async function browserLatency(info: ServerInfo) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: 'gw_session', value: info.cookie, url: info.base }]);
    const page = await context.newPage();
    await page.goto(`${info.base}/video/cameras/${info.cameraId}`);
    await page.waitForFunction(
      `document.querySelector('[data-testid="live-video"]')?.currentTime > 2`,
      undefined,
      { timeout: 60_000 },
    );
    const latencies: number[] = [];
    for (let i = 0; i < samples * 2 && latencies.length < samples; i += 1) {
      const sample = frameBand.parse(await page.evaluate(readBand));
      const sent = decodeBand(sample);
      if (sent !== null && Math.abs(sample.now - sent) < 60_000) latencies.push(sample.now - sent);
      await sleep(250);
    }
    const size = await page.evaluate(
      `[document.querySelector('video').videoWidth, document.querySelector('video').videoHeight]`,
    );
    return { latencies, size: z.tuple([z.number(), z.number()]).parse(size) };
  } finally {
    await browser.close();
  }
}

/** ffmpeg decoding the simulator's stream straight to raw frames: the floor of any viewer. */
async function ffmpegLatency(url: string, width: number, height: number): Promise<number[]> {
  const child = spawn('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-fflags', 'nobuffer', '-rtsp_transport', 'tcp'],
    ...['-threads', '1', '-flags', 'low_delay', '-i', url],
    ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
  ]);
  const frameBytes = width * height * 3;
  const latencies: number[] = [];
  let pending = Buffer.alloc(0);
  let frames = 0;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= frameBytes) {
        const frame = pending.subarray(0, frameBytes);
        pending = pending.subarray(frameBytes);
        frames += 1;
        // Skip the start-up burst, then one frame in five.
        if (frames < 50 || frames % 5 !== 0) continue;
        const sent = decodeClockCode({ data: frame, width, height, channels: 3 });
        if (sent !== null) latencies.push(Date.now() - sent);
        if (latencies.length >= samples) {
          child.kill('SIGKILL');
          resolve();
        }
      }
    });
    child.once('exit', () => resolve());
  });
  return latencies;
}

async function browserSeeks(info: ServerInfo): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: 'gw_session', value: info.cookie, url: info.base }]);
    const page = await context.newPage();
    await page.goto(`${info.base}/video/cameras/${info.cameraId}/playback`);
    await page.waitForFunction(
      `document.querySelector('[data-testid="playback-video"]')?.readyState >= 2`,
      undefined,
      { timeout: 60_000 },
    );
    const script = `(async () => {
      const v = document.querySelector('[data-testid="playback-video"]');
      v.pause();
      const times = [];
      for (let i = 0; i < 12; i++) {
        const target = 5 + ((i * 7919) % 97) / 97 * (v.duration - 10);
        const t0 = performance.now();
        await new Promise((resolve) => {
          v.requestVideoFrameCallback(() => resolve());
          v.currentTime = target;
        });
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 300));
      }
      return times;
    })()`;
    return z.array(z.number()).parse(await page.evaluate(script));
  } finally {
    await browser.close();
  }
}

function segmentFiles(info: ServerInfo): string[] {
  const dir = path.join(info.mediaDir, info.cameraId);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else if (entry.name.endsWith('.ts')) out.push(path.join(d, entry.name));
    }
  };
  walk(dir);
  return out.sort((a, b) => Number(path.basename(a, '.ts')) - Number(path.basename(b, '.ts')));
}

function ffmpegSeeks(files: string[]): number[] {
  return Array.from({ length: 12 }, (_, i) => {
    const file = files[(i * 37) % files.length]!;
    const t0 = performance.now();
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-ss',
      '2.5',
      '-i',
      file,
      '-frames:v',
      '1',
      '-f',
      'null',
      '-',
    ]);
    return performance.now() - t0;
  });
}

async function viewerCpu(info: ServerInfo, serverPid: number, counts: number[]) {
  const rows = [];
  for (const count of counts) {
    const viewers = await startUntil(
      tsx,
      [
        path.join(root, 'bench/watch/viewers-process.ts'),
        info.base,
        info.cameraId,
        info.cookie,
        String(count),
      ],
      /^ready$/,
    );
    await sleep(3000);
    const before = cpuOfTree(serverPid);
    const t0 = performance.now();
    await sleep(10_000);
    const after = cpuOfTree(serverPid);
    const seconds = (performance.now() - t0) / 1000;
    await stopChild(viewers.child);
    const received = Number(viewers.lines.find((l) => l.startsWith('bytes '))?.slice(6) ?? 0);
    rows.push({
      viewers: count,
      nodePercent: ((after.node - before.node) / seconds) * 100,
      relayPercent: ((after.ffmpeg - before.ffmpeg) / seconds) * 100,
      mbitPerViewer: round((received * 8) / 1e6 / (13 * count), 2),
    });
    await sleep(2000);
  }
  return rows;
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const camsim = await startUntil(
    tsx,
    [path.join(root, 'bench/watch/camsim-process.ts'), process.env.BENCH_CAMSIM_PORT ?? '0'],
    /^ready /,
  );
  const url = camsim.line.split(' ')[1]!;
  const server = await startUntil(
    tsx,
    [path.join(root, 'bench/watch/server-process.ts'), url, '10'],
    /^\{/,
  );
  const info = serverInfo.parse(JSON.parse(server.line));
  try {
    const live = await browserLatency(info);
    const direct = await ffmpegLatency(url, live.size[0], live.size[1]);
    const seeks = await browserSeeks(info);
    const files = segmentFiles(info);
    const directSeeks = ffmpegSeeks(files);
    const cpu = await viewerCpu(info, server.child.pid!, [1, 10, 50]);
    const one = cpu[0]!;
    const perViewer = cpu.slice(1).map((r) => ({
      viewers: r.viewers,
      perAdditionalViewerPercent: round(
        (r.nodePercent + r.relayPercent - one.nodePercent - one.relayPercent) / (r.viewers - 1),
        3,
      ),
    }));
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, load: os.loadavg().map((l) => round(l, 2)) },
      liveLatencyMs: {
        browser: {
          samples: live.latencies.length,
          median: median(live.latencies),
          p95: percentile(live.latencies, 95),
        },
        ffmpegDirect: {
          samples: direct.length,
          median: median(direct),
          p95: percentile(direct, 95),
        },
        frame: live.size,
      },
      seekFirstFrameMs: {
        browser: {
          samples: seeks.length,
          median: round(median(seeks)),
          p95: round(percentile(seeks, 95)),
        },
        ffmpegDirect: {
          samples: directSeeks.length,
          median: round(median(directSeeks)),
          p95: round(percentile(directSeeks, 95)),
        },
      },
      liveCpu: {
        rows: cpu.map((r) => ({
          ...r,
          nodePercent: round(r.nodePercent, 1),
          relayPercent: round(r.relayPercent, 1),
        })),
        perViewer,
      },
    };
    mkdirSync(path.dirname(resultFile), { recursive: true });
    writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
    print(result);
  } finally {
    await stopChild(server.child);
    await stopChild(camsim.child);
  }
}

function print(r: {
  liveLatencyMs: {
    browser: { median: number; p95: number };
    ffmpegDirect: { median: number; p95: number };
  };
  seekFirstFrameMs: {
    browser: { median: number; p95: number };
    ffmpegDirect: { median: number; p95: number };
  };
  liveCpu: {
    rows: { viewers: number; nodePercent: number; relayPercent: number; mbitPerViewer: number }[];
  };
}): void {
  const l = r.liveLatencyMs;
  const s = r.seekFirstFrameMs;
  console.table([
    {
      measure: 'live latency ms (median / p95)',
      gardenwatch: `${l.browser.median} / ${l.browser.p95}`,
      baseline: `${l.ffmpegDirect.median} / ${l.ffmpegDirect.p95} (ffmpeg direct)`,
    },
    {
      measure: 'first frame after seek ms (median / p95)',
      gardenwatch: `${s.browser.median} / ${s.browser.p95}`,
      baseline: `${s.ffmpegDirect.median} / ${s.ffmpegDirect.p95} (ffmpeg -ss)`,
    },
  ]);
  console.table(
    r.liveCpu.rows.map((row) => ({
      viewers: row.viewers,
      'node %': row.nodePercent,
      'relay ffmpeg %': row.relayPercent,
    })),
  );
}

await main();
