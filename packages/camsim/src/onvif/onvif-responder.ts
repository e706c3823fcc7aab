import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { SimCamera, StreamKind } from '../camera.ts';
import type { Camsim } from '../camsim.ts';
import * as soap from './soap-responses.ts';
import { soapAction, soapElementText, verifyUsernameToken } from './ws-security.ts';

export interface OnvifResponder {
  port: number;
  /** Device service URL of a camera, e.g. http://127.0.0.1:8080/onvif/cam1/device_service. */
  deviceUrl(cameraId: string): string;
  close(): Promise<void>;
}

export interface OnvifResponderOptions {
  camsim: Pick<Camsim, 'url'>;
  host: string;
  port: number;
  cameras: Map<string, SimCamera>;
  keyframeSeconds: number;
}

const MAX_BODY_BYTES = 64 * 1024;
/** Operations a client may call before it knows the device's clock (ONVIF Core 5.12.1). */
const UNAUTHENTICATED = new Set(['GetSystemDateAndTime']);

type Reply = { status: number; xml: string };

/**
 * A small ONVIF Profile S device per camera, all on one HTTP port: device service
 * (`/onvif/<camera>/device_service`) and media service (`/onvif/<camera>/media_service`).
 * LIMITATION: no WS-Discovery; clients must be given the device service URL.
 */
export async function startOnvifResponder(options: OnvifResponderOptions): Promise<OnvifResponder> {
  let port = options.port;
  const base = () => `http://${options.host}:${port}/onvif`;
  const server = createServer((request, response) => {
    void answer(options, base(), request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    deviceUrl: (cameraId) => `${base()}/${encodeURIComponent(cameraId)}/device_service`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  options: OnvifResponderOptions,
  base: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const [prefix, cameraId, service] = (request.url ?? '').split('?')[0]!.split('/').filter(Boolean);
  const camera = cameraId ? options.cameras.get(decodeURIComponent(cameraId)) : undefined;
  if (prefix !== 'onvif' || !camera || request.method !== 'POST') {
    send(response, {
      status: 404,
      xml: soap.fault('Sender', 'ter:InvalidArgVal', 'no such service'),
    });
    return;
  }
  if (!camera.reachable) {
    request.socket.destroy();
    return;
  }

  const body = await readBody(request);
  const urls = {
    device: `${base}/${cameraId}/device_service`,
    media: `${base}/${cameraId}/media_service`,
  };
  send(response, reply({ options, camera, body, urls, service: service ?? '' }));
}

interface ReplyContext {
  options: OnvifResponderOptions;
  camera: SimCamera;
  body: string;
  urls: soap.ServiceUrls;
  service: string;
}

function reply(context: ReplyContext): Reply {
  const { camera, body } = context;
  const action = soapAction(body);
  if (!action)
    return { status: 400, xml: soap.fault('Sender', 'ter:WellFormed', 'not a SOAP request') };
  if (!UNAUTHENTICATED.has(action) && !verifyUsernameToken(body, camera.credentials)) {
    return { status: 400, xml: soap.fault('Sender', 'ter:NotAuthorized', 'Sender not Authorized') };
  }

  const xml = operation(context, action);
  if (xml === null) {
    return {
      status: 400,
      xml: soap.fault('Sender', 'ter:ActionNotSupported', `${action} is not supported`),
    };
  }
  return { status: 200, xml };
}

function operation(context: ReplyContext, action: string): string | null {
  const { camera, urls, options, body } = context;
  const profileSpec = (token: StreamKind) => ({
    token,
    stream: camera.streams[token].info,
    source: camera.streams.main.info,
    keyframeSeconds: options.keyframeSeconds,
  });
  switch (action) {
    case 'GetSystemDateAndTime':
      return soap.systemDateAndTime(new Date());
    case 'GetServices':
      return soap.services(urls);
    case 'GetCapabilities':
      return soap.capabilities(urls);
    case 'GetDeviceInformation':
      return soap.deviceInformation({
        manufacturer: 'Gardenwatch',
        model: 'camsim',
        firmwareVersion: '1.0',
        serialNumber: camera.id,
        hardwareId: 'camsim-1',
      });
    case 'GetVideoSources':
      return soap.videoSources(camera.streams.main.info);
    case 'GetProfiles':
      return soap.profiles([profileSpec('main'), profileSpec('sub')]);
    case 'GetProfile': {
      const token = soapElementText(body, 'ProfileToken');
      return token === 'main' || token === 'sub' ? soap.profiles([profileSpec(token)]) : null;
    }
    case 'GetStreamUri': {
      const token = soapElementText(body, 'ProfileToken');
      if (token !== 'main' && token !== 'sub') return null;
      return soap.streamUri(options.camsim.url(camera.id, token));
    }
    default:
      return null;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': 'application/soap+xml; charset=utf-8' });
  response.end(reply.xml);
}
