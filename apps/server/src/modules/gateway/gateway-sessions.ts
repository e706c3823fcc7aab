import path from 'node:path';
import type { GatewaySession } from '@gardenwatch/contracts';
import {
  openGbMediaStream,
  type GbMediaStream,
  type InviteDecision,
  type InviteRequest,
  type VideoCodec,
} from '@gardenwatch/gb28181';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { AccessUnitStream } from './access-unit-stream.ts';
import type { Channel } from './gateway-channels.ts';
import { openMediaSource, type MediaSource, type MediaSourceSpec } from './media-source.ts';

export type SessionEndReason = 'bye' | 'cancel' | 'ack-timeout' | 'source-ended' | 'shutdown';

interface Session {
  info: Omit<GatewaySession, 'frames' | 'bytes'>;
  channel: Channel;
  codec: VideoCodec;
  fps: number;
  media: GbMediaStream;
  spec: MediaSourceSpec;
  source: MediaSource | null;
  /** Set at the first ACK; a retransmitted 200 draws further ACKs that must start nothing. */
  started: boolean;
  ended: boolean;
}

export interface SessionsDeps {
  cameras: CamerasService;
  recording: RecordingService;
  audit: AuditService;
  logger: Logger;
  tools: () => FfmpegTools;
  mediaDir: string;
  /** The address RTP leaves from and the SDP answer names. */
  mediaHost: string;
  now: () => Date;
  /** The upper platform's id and address, for the audit rows. */
  upper: () => { id: string; host: string };
  /** Playback or download ran out of footage: MediaStatus 121 to the upper platform. */
  onPlaybackEnd: (dialogId: string, channelId: string) => void;
  /** A live source failed: the gateway ends the call with BYE. */
  onSourceLost: (dialogId: string) => void;
}

const CODECS: Record<string, VideoCodec> = { h264: 'h264', hevc: 'h265', h265: 'h265' };

/**
 * Section 9.9: a download runs at the `a=downloadspeed` multiple of the recorded rate. Without
 * one, four times; at most sixteen, so that a download cannot flood the link it shares.
 */
function downloadRate(speed: number | null): number {
  return Math.min(16, Math.max(1, speed ?? 4));
}

/**
 * Media sessions the upper platform opened with INVITE: ffmpeg → access units → PS → RTP.
 */
// LIMITATION: every session's muxing and sending runs on the process's main thread. On the
// 2-core benchmark machine 64 live sessions kept 25 fps at load 14, but fell to a median 17 fps
// at load 21-24 (docs/benchmarks/gb28181.md); a gateway on a busy host needs fewer sessions.
export class GatewaySessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: SessionsDeps) {}

  list(): GatewaySession[] {
    return [...this.sessions.values()].map((session) => ({
      ...session.info,
      frames: session.media.stats.frames,
      bytes: session.media.stats.bytes,
    }));
  }

  async invite(invite: InviteRequest, channel: Channel | undefined): Promise<InviteDecision> {
    if (!channel) return { accept: false, status: 404 };
    const kind = invite.offer.sessionName;
    // LIMITATION: voice talk-back (s=Talk) is refused; the cameras carry no loudspeaker path.
    if (kind === 'Talk') return { accept: false, status: 488 };
    const codec = CODECS[channel.camera.codec ?? 'h264'];
    // LIMITATION: a camera whose codec is neither H.264 nor H.265 cannot be shared upstream.
    if (!codec) return { accept: false, status: 488 };
    const spec = await this.specOf(invite, channel);
    if (!spec) return { accept: false, status: 404 };

    const media = await openGbMediaStream({
      offer: invite.offer,
      channelId: channel.channelId,
      codec,
      localHost: this.deps.mediaHost,
    });
    const session: Session = {
      info: {
        id: invite.dialogId,
        cameraId: channel.camera.id,
        channelId: channel.channelId,
        kind,
        transport: media.mode,
        destination: `${invite.offer.address}:${invite.offer.port}`,
        startedAt: this.deps.now().toISOString(),
      },
      channel,
      codec,
      fps: channel.camera.fps ?? 25,
      media,
      spec,
      source: null,
      started: false,
      ended: false,
    };
    this.sessions.set(invite.dialogId, session);
    await this.audit(session, 'gateway.session.start', {});
    this.deps.logger.info(
      { dialogId: invite.dialogId, cameraId: channel.camera.id, kind: session.info.kind },
      'gateway.session.started',
    );
    return { accept: true, sdp: media.answerSdp };
  }

  /** The ACK arrived: connect the media transport and start the source. */
  async acked(dialogId: string): Promise<void> {
    const session = this.sessions.get(dialogId);
    if (!session || session.started) return;
    session.started = true;
    try {
      await session.media.connect();
      if (session.ended) return;
      session.source = await openMediaSource({
        ffmpeg: this.deps.tools().ffmpeg,
        spec: session.spec,
        codec: session.codec,
      });
      void this.pump(session, session.source);
    } catch (error) {
      this.deps.logger.warn({ dialogId, err: error }, 'gateway.session.media_failed');
      this.deps.onSourceLost(dialogId);
      await this.end(dialogId, 'source-ended');
    }
  }

  async end(dialogId: string, reason: SessionEndReason): Promise<void> {
    const session = this.sessions.get(dialogId);
    if (!session || session.ended) return;
    session.ended = true;
    this.sessions.delete(dialogId);
    await session.source?.stop();
    await session.media.close();
    await this.audit(session, 'gateway.session.end', {
      reason,
      frames: session.media.stats.frames,
      bytes: session.media.stats.bytes,
    });
    this.deps.logger.info(
      { dialogId, cameraId: session.channel.camera.id, reason },
      'gateway.session.ended',
    );
  }

  async endAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.end(id, 'shutdown')));
  }

  private async pump(session: Session, source: MediaSource): Promise<void> {
    const units = new AccessUnitStream(session.codec);
    // LIMITATION: timestamps are counted from the camera's frame rate, not carried over from
    // the source; a variable-rate stream plays at the nominal rate.
    const step = Math.round(90_000 / session.fps);
    let pts = 0;
    const send = async (list: ReturnType<AccessUnitStream['push']>) => {
      for (const unit of list) {
        if (session.ended) return;
        await session.media.send({ ...unit, pts });
        pts += step;
      }
    };
    try {
      for await (const chunk of source.stdout) {
        await send(units.push(chunk as Buffer));
        if (session.ended) break;
      }
      await send(units.end());
    } catch (error) {
      this.deps.logger.warn(
        { dialogId: session.info.id, err: error },
        'gateway.session.send_failed',
      );
    }
    await source.exit;
    if (session.ended) return;
    if (session.spec.kind === 'files') {
      this.deps.onPlaybackEnd(session.info.id, session.channel.channelId);
      return;
    }
    this.deps.onSourceLost(session.info.id);
    await this.end(session.info.id, 'source-ended');
  }

  private async specOf(invite: InviteRequest, channel: Channel): Promise<MediaSourceSpec | null> {
    const { offer } = invite;
    if (offer.sessionName === 'Play') {
      const source = await this.deps.cameras.recordingSource(channel.camera.id);
      if (!source) return null;
      return {
        kind: 'live',
        url: source.url,
        rtspTimeoutOption: this.deps.tools().rtspTimeoutOption,
      };
    }
    const from = new Date(offer.startTime * 1000);
    const to = new Date(offer.endTime * 1000);
    if (!(offer.endTime > offer.startTime)) return null;
    const segments = await this.deps.recording.repo.segmentsBetween(channel.camera.id, from, to);
    const first = segments[0];
    if (!first) return null;
    const offsetMs = Math.max(0, from.getTime() - Date.parse(first.startedAt));
    return {
      kind: 'files',
      files: segments.map((segment) => path.join(this.deps.mediaDir, segment.path)),
      offsetSec: offsetMs / 1000,
      durationSec: (to.getTime() - Math.max(from.getTime(), Date.parse(first.startedAt))) / 1000,
      readRate: offer.sessionName === 'Playback' ? 1 : downloadRate(offer.downloadSpeed),
    };
  }

  private async audit(
    session: Session,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const upper = this.deps.upper();
    await this.deps.audit.record({
      actor: null,
      action,
      resourceType: 'camera',
      resourceId: session.channel.camera.id,
      purpose: 'police access (GB/T 28181)',
      outcome: 'succeeded',
      ip: upper.host,
      details: {
        upperId: upper.id,
        dialogId: session.info.id,
        channelId: session.channel.channelId,
        kind: session.info.kind,
        ...details,
      },
    });
  }
}
