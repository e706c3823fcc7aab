import { SimCamera, type CameraState, type StreamKind } from './camera.ts';
import type { Fault, FaultInput, FaultKind } from './faults.ts';
import { probeClip } from './media/clip-probe.ts';
import {
  camsimOptionsSchema,
  type CamsimEvent,
  type CamsimOptions,
  type ResolvedCamsimOptions,
} from './options.ts';
import { RtspAuthenticator, type Credentials } from './rtsp/auth.ts';
import { RtspListener } from './rtsp/rtsp-listener.ts';
import { UdpTransport } from './rtsp/udp-transport.ts';
import { startControlServer, type ControlServer } from './control/control-server.ts';
import { startOnvifResponder, type OnvifResponder } from './onvif/onvif-responder.ts';

export interface Camsim {
  readonly host: string;
  /** The RTSP port shared by all cameras. */
  readonly port: number;
  readonly controlPort: number | undefined;
  readonly onvifPort: number | undefined;
  cameraIds(): string[];
  /** RTSP URL of a stream; with credentials in it when asked (for ffmpeg-style clients). */
  url(cameraId: string, stream?: StreamKind, options?: { withCredentials?: boolean }): string;
  /** The configured credentials (a wrong-credentials fault does not change them). */
  credentials(cameraId: string): Credentials;
  /** ONVIF device service URL of a camera; throws when ONVIF is off. */
  onvifUrl(cameraId: string): string;
  inject(cameraId: string, fault: FaultInput): Fault;
  /** Clears one fault kind, or every fault of the camera. */
  clear(cameraId: string, kind?: FaultKind): void;
  state(cameraId: string): CameraState;
  stop(): Promise<void>;
}

export interface StartCamsimExtras {
  onEvent?: (event: CamsimEvent) => void;
}

/** Starts the simulator: probes the clips, opens the RTSP port(s), control API and ONVIF. */
export async function startCamsim(
  input: CamsimOptions,
  extras: StartCamsimExtras = {},
): Promise<Camsim> {
  const options = camsimOptionsSchema.parse(input);
  const onEvent = extras.onEvent ?? (() => undefined);
  const cameras = await createCameras(options, onEvent);
  const find = (id: string) => cameras.get(id);
  const udp = new UdpTransport(options.host);
  const auth = new RtspAuthenticator(options.auth, options.realm);

  const shared = new RtspListener(options.host, { findCamera: find, auth, udp });
  await shared.open(options.port);
  const dedicated = await openDedicated(options, cameras, { find, auth, udp }, shared.port);
  for (const camera of cameras.values()) {
    camera.onReachabilityChange = (reachable) => {
      const listener = dedicated.get(camera.id);
      if (!listener) return;
      void (reachable ? listener.open() : listener.close()).catch(() => undefined);
    };
  }

  const camsim = buildApi({ options, cameras, shared, dedicated, udp, onEvent });
  const control: ControlServer | undefined =
    options.controlPort === undefined
      ? undefined
      : await startControlServer(camsim, options.host, options.controlPort);
  const onvif: OnvifResponder | undefined =
    options.onvifPort === undefined
      ? undefined
      : await startOnvifResponder({
          camsim,
          host: options.host,
          port: options.onvifPort,
          cameras,
          keyframeSeconds: options.keyframeSeconds,
        });
  const stopCore = () => camsim.stop();
  return {
    ...camsim,
    controlPort: control?.port,
    onvifPort: onvif?.port,
    onvifUrl: (cameraId: string) => {
      if (!onvif) throw new Error('ONVIF responder is off (set onvifPort)');
      return onvif.deviceUrl(cameraId);
    },
    stop: async () => {
      await control?.close();
      await onvif?.close();
      await stopCore();
    },
  };
}

interface ApiParts {
  options: ResolvedCamsimOptions;
  cameras: Map<string, SimCamera>;
  shared: RtspListener;
  dedicated: Map<string, RtspListener>;
  udp: UdpTransport;
  onEvent: (event: CamsimEvent) => void;
}

function buildApi(parts: ApiParts): Camsim {
  const { options, cameras, shared, dedicated, udp, onEvent } = parts;
  const camera = (id: string): SimCamera => {
    const found = cameras.get(id);
    if (!found) throw new Error(`unknown camera ${id}`);
    return found;
  };
  const configured = (id: string) => options.cameras.find((c) => c.id === id)!;

  return {
    host: options.host,
    port: shared.port,
    controlPort: undefined,
    onvifPort: undefined,
    cameraIds: () => [...cameras.keys()],
    url: (id, stream = 'main', urlOptions = {}) => {
      camera(id);
      const port = dedicated.get(id)?.port ?? shared.port;
      const { username, password } = configured(id);
      const auth = urlOptions.withCredentials
        ? `${encodeURIComponent(username)}:${encodeURIComponent(password)}@`
        : '';
      return `rtsp://${auth}${options.host}:${port}/${id}/${stream}`;
    },
    credentials: (id) => {
      camera(id);
      const { username, password } = configured(id);
      return { username, password };
    },
    onvifUrl: () => {
      throw new Error('ONVIF responder is off (set onvifPort)');
    },
    inject: (id, fault) => {
      const applied = camera(id).inject(fault);
      onEvent({ type: 'camera.fault.injected', cameraId: id, fault: applied.kind });
      return applied;
    },
    clear: (id, kind) => {
      camera(id).clear(kind);
      onEvent({ type: 'camera.fault.cleared', cameraId: id });
    },
    state: (id) => camera(id).state(),
    stop: async () => {
      for (const each of cameras.values()) each.stop();
      await Promise.all([shared.close(), ...[...dedicated.values()].map((l) => l.close())]);
      udp.close();
    },
  };
}

async function createCameras(
  options: ResolvedCamsimOptions,
  onEvent: (event: CamsimEvent) => void,
): Promise<Map<string, SimCamera>> {
  const ids = new Set(options.cameras.map((c) => c.id));
  if (ids.size !== options.cameras.length) throw new Error('camera ids must be unique');

  const clips = new Map<string, Awaited<ReturnType<typeof probeClip>>>();
  for (const path of new Set(options.cameras.map((c) => c.clip))) {
    clips.set(path, await probeClip(options.ffmpegPath, path));
  }
  const cameras = new Map<string, SimCamera>();
  for (const config of options.cameras) {
    const camera = new SimCamera({
      id: config.id,
      clip: clips.get(config.clip)!,
      credentials: { username: config.username, password: config.password },
      ffmpegPath: options.ffmpegPath,
      overlay: options.overlay,
      transcode: options.transcode,
      subWidth: options.subWidth,
      keyframeSeconds: options.keyframeSeconds,
      idleStopMs: options.idleStopMs,
      onProcessError: (cameraId, stream, message) =>
        onEvent({ type: 'camera.ffmpeg.error', cameraId, stream, message }),
    });
    cameras.set(config.id, camera);
  }
  return cameras;
}

async function openDedicated(
  options: ResolvedCamsimOptions,
  cameras: Map<string, SimCamera>,
  context: { find: (id: string) => SimCamera | undefined } & Omit<
    ConstructorParameters<typeof RtspListener>[1],
    'findCamera'
  >,
  sharedPort: number,
): Promise<Map<string, RtspListener>> {
  const listeners = new Map<string, RtspListener>();
  if (!options.dedicatedPorts) return listeners;

  let index = 0;
  for (const id of cameras.keys()) {
    const listener = new RtspListener(options.host, {
      findCamera: context.find,
      auth: context.auth,
      udp: context.udp,
      onlyCamera: id,
    });
    await listener.open(options.port === 0 ? 0 : sharedPort + 1 + index);
    listeners.set(id, listener);
    index += 1;
  }
  return listeners;
}
