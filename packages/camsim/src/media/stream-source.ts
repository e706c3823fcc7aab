import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AccessUnitAssembler, NalType, nalType, type AccessUnit } from '../h264/access-unit.ts';
import { AnnexBSplitter } from '../h264/annexb-splitter.ts';
import { packetizeAccessUnit, rtcpSenderReport, rtpPacket } from '../rtp/h264-packetizer.ts';
import { sourceArgs } from './ffmpeg-args.ts';
import type { ClipInfo } from './clip-probe.ts';

export const PAYLOAD_TYPE = 96;
const RESTART_DELAY_MS = 1000;

export interface RtpBatch {
  /** Complete RTP packets of one access unit, in order. */
  packets: Buffer[];
  isKeyframe: boolean;
}

export interface ParameterSets {
  sps: Buffer;
  pps: Buffer;
}

export interface StreamSourceOptions {
  ffmpegPath: string;
  clip: ClipInfo;
  keyframeSeconds: number;
  /** How long ffmpeg keeps running after the last subscriber leaves. */
  idleStopMs: number;
  onProcessError?: (message: string) => void;
}

type Subscriber = (batch: RtpBatch) => void;

/**
 * One ffmpeg process for one stream of one camera, started on demand and shared by all its
 * RTSP sessions (fan-out). RTP sequence numbers and timestamps belong to the source, so a
 * restart (a picture fault) continues the same RTP stream.
 */
export class StreamSource {
  readonly ssrc = randomInt(1, 2 ** 32 - 1);
  private sequence = randomInt(0, 0x10000);
  private readonly timestampBase = randomInt(0, 2 ** 31);
  private readonly epoch = performance.now();
  private lastTimestamp = -1;
  private packetCount = 0;
  private octetCount = 0;
  private child: ChildProcess | null = null;
  private graph: string | null = null;
  private halted_ = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private clipOffset = 0;
  private clipStartedAt = 0;
  private readonly subscribers = new Set<Subscriber>();
  private parameterSets: Partial<ParameterSets> = {};
  private readonly waiters = new Set<(sets: ParameterSets) => void>();

  constructor(private readonly options: StreamSourceOptions) {}

  /** Stopped on purpose (a stall or reboot): no RTP and no RTCP goes out. */
  get halted(): boolean {
    return this.halted_;
  }

  get running(): boolean {
    return this.child !== null;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    this.ensureRunning();
    return () => {
      this.subscribers.delete(subscriber);
      this.scheduleIdleStop();
    };
  }

  /** SPS and PPS for the SDP, starting ffmpeg if needed; the cached ones while halted. */
  async waitForParameterSets(timeoutMs: number): Promise<ParameterSets | null> {
    const known = this.knownParameterSets();
    if (known || this.halted_) return known;

    this.ensureRunning();
    this.scheduleIdleStop();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve(null);
      }, timeoutMs);
      const done = (sets: ParameterSets) => {
        clearTimeout(timer);
        resolve(sets);
      };
      this.waiters.add(done);
    });
  }

  /** Changes the filter graph; a running ffmpeg restarts at the same point of the clip. */
  setGraph(graph: string | null): void {
    if (graph === this.graph) return;
    this.graph = graph;
    if (!this.child) return;
    this.kill();
    this.ensureRunning();
  }

  /** Stops sending: ffmpeg is stopped and not restarted until `resume`. */
  halt(): void {
    this.halted_ = true;
    this.kill();
  }

  resume(): void {
    this.halted_ = false;
    if (this.subscribers.size > 0) this.ensureRunning();
  }

  stop(): void {
    this.halted_ = true;
    this.subscribers.clear();
    this.kill();
  }

  rtpTimestampNow(): number {
    return (this.timestampBase + Math.round((performance.now() - this.epoch) * 90)) >>> 0;
  }

  nextSequence(): number {
    return this.sequence & 0xffff;
  }

  senderReport(): Buffer {
    return rtcpSenderReport({
      ssrc: this.ssrc,
      wallClockMs: Date.now(),
      rtpTimestamp: this.rtpTimestampNow(),
      packets: this.packetCount,
      octets: this.octetCount,
    });
  }

  private knownParameterSets(): ParameterSets | null {
    const { sps, pps } = this.parameterSets;
    return sps && pps ? { sps, pps } : null;
  }

  private ensureRunning(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.child || this.halted_ || this.restartTimer) return;

    this.spawn();
  }

  private scheduleIdleStop(): void {
    if (this.subscribers.size > 0 || !this.child || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.subscribers.size === 0) this.kill();
    }, this.options.idleStopMs);
  }

  private spawn(): void {
    const { clip } = this.options;
    const args = sourceArgs({
      clip: clip.path,
      startSeconds: this.clipOffset,
      fps: clip.fps,
      keyframeSeconds: this.options.keyframeSeconds,
      graph: this.graph,
    });
    const child = spawn(this.options.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.clipStartedAt = performance.now();
    const splitter = new AnnexBSplitter();
    const assembler = new AccessUnitAssembler();
    let errorText = '';

    child.stdout.on('data', (chunk: Buffer) => {
      for (const nal of splitter.push(chunk)) {
        const unit = assembler.push(nal);
        if (unit) this.publish(unit);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errorText = (errorText + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => this.options.onProcessError?.(error.message));
    child.on('exit', () => this.onExit(child, errorText));
  }

  private onExit(child: ChildProcess, errorText: string): void {
    if (this.child !== child) return;
    this.child = null;
    if (errorText.trim()) this.options.onProcessError?.(errorText.trim());
    if (this.halted_ || this.subscribers.size === 0) return;

    // ffmpeg died on its own: try again shortly, as a camera's encoder would.
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.subscribers.size > 0) this.ensureRunning();
    }, RESTART_DELAY_MS);
  }

  private kill(): void {
    const child = this.child;
    if (!child) return;

    this.child = null;
    const { durationSeconds } = this.options.clip;
    const played = this.clipOffset + (performance.now() - this.clipStartedAt) / 1000;
    this.clipOffset = durationSeconds > 0 ? played % durationSeconds : 0;
    child.stdout?.removeAllListeners('data');
    child.kill('SIGKILL');
  }

  private publish(unit: AccessUnit): void {
    const nals = this.withParameterSets(unit);
    if (this.subscribers.size === 0) return;

    let timestamp = this.rtpTimestampNow();
    if (timestamp === this.lastTimestamp) timestamp = (timestamp + 1) >>> 0;
    this.lastTimestamp = timestamp;
    const payloads = packetizeAccessUnit(nals);
    const packets = payloads.map((payload, index) =>
      rtpPacket(
        {
          payloadType: PAYLOAD_TYPE,
          sequence: this.sequence++,
          timestamp,
          ssrc: this.ssrc,
          marker: index === payloads.length - 1,
        },
        payload,
      ),
    );
    this.packetCount += packets.length;
    this.octetCount += payloads.reduce((sum, p) => sum + p.length, 0);

    const batch = { packets, isKeyframe: unit.isKeyframe };
    for (const subscriber of this.subscribers) subscriber(batch);
  }

  /** Keeps the latest SPS/PPS and makes sure every keyframe carries them in-band. */
  private withParameterSets(unit: AccessUnit): Buffer[] {
    let hasSps = false;
    let hasPps = false;
    for (const nal of unit.nals) {
      const type = nalType(nal);
      if (type === NalType.sps) {
        this.parameterSets.sps = nal;
        hasSps = true;
      }
      if (type === NalType.pps) {
        this.parameterSets.pps = nal;
        hasPps = true;
      }
    }
    const sets = this.knownParameterSets();
    if (sets && this.waiters.size > 0) {
      for (const waiter of this.waiters) waiter(sets);
      this.waiters.clear();
    }
    if (!unit.isKeyframe || !sets || (hasSps && hasPps)) return unit.nals;
    return [sets.sps, sets.pps, ...unit.nals];
  }
}
