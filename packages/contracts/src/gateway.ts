import { z } from 'zod';
import { defineRoute } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

/** GB/T 28181 device ids: 8 digits of area, 2 of industry, 3 of type, 1 of network, 6 serial. */
const gbId = z
  .string()
  .trim()
  .regex(/^\d{20}$/, 'must be a 20-digit GB/T 28181 id');

/** Our platform id: education industry (11), type 200 (platform). */
export const gatewayDeviceId = gbId
  .refine((id) => !id.startsWith('00'), 'must start with a real province code')
  .refine((id) => id.slice(8, 10) === '11', 'must carry the education industry code 11')
  .refine((id) => id.slice(10, 13) === '200', 'must carry the platform type code 200');

export const gatewayTransportSchema = z.enum(['udp', 'tcp']);
export type GatewayTransport = z.infer<typeof gatewayTransportSchema>;

const host = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(253, 'is too long')
  .regex(/^[A-Za-z0-9.:-]+$/, 'must be an IP address or a host name');
const port = z.number().int().min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535');

/** The settings as the console sees them: never the password, only whether one is set. */
export const gatewaySettingsSchema = z.object({
  upperId: z.string(),
  upperDomain: z.string(),
  upperHost: z.string(),
  upperPort: z.number().int(),
  transport: gatewayTransportSchema,
  deviceId: z.string(),
  localPort: z.number().int(),
  hasPassword: z.boolean(),
  enabled: z.boolean(),
  updatedAt: timestamp.nullable(),
});
export type GatewaySettings = z.infer<typeof gatewaySettingsSchema>;

export const gatewaySettingsUpdate = z.strictObject({
  upperId: gbId,
  upperDomain: z
    .string()
    .trim()
    .regex(/^\d{10}$|^[A-Za-z0-9.-]{1,100}$/, 'must be 10 digits or a domain name'),
  upperHost: host,
  upperPort: port,
  transport: gatewayTransportSchema,
  deviceId: gatewayDeviceId,
  localPort: port,
  /** Omitted keeps the stored password; a string replaces it. */
  password: z.string().min(1, 'must not be empty').max(128, 'is too long').optional(),
  enabled: z.boolean(),
});
export type GatewaySettingsUpdate = z.infer<typeof gatewaySettingsUpdate>;

export const gatewayRegistrationSchema = z.enum([
  'disabled',
  'idle',
  'registering',
  'registered',
  'failed',
]);

export const gatewaySessionSchema = z.object({
  id: z.string(),
  cameraId: z.uuid(),
  channelId: z.string(),
  kind: z.enum(['Play', 'Playback', 'Download']),
  transport: z.enum(['udp', 'tcp-active', 'tcp-passive']),
  destination: z.string(),
  startedAt: timestamp,
  frames: z.number().int(),
  bytes: z.number().int(),
});
export type GatewaySession = z.infer<typeof gatewaySessionSchema>;

export const gatewayStateSchema = z.object({
  registration: gatewayRegistrationSchema,
  lastError: z.string().nullable(),
  registeredAt: timestamp.nullable(),
  channels: z.number().int(),
  sessions: z.array(gatewaySessionSchema),
});
export type GatewayState = z.infer<typeof gatewayStateSchema>;

export const gatewayRoutes = {
  getSettings: defineRoute({
    method: 'GET',
    path: '/api/gateway/settings',
    summary: 'The GB/T 28181 gateway settings (never the password)',
    tags: ['gateway'],
    response: gatewaySettingsSchema,
  }),
  updateSettings: defineRoute({
    method: 'PUT',
    path: '/api/gateway/settings',
    summary: 'Change the gateway settings; the gateway restarts with them',
    tags: ['gateway'],
    body: gatewaySettingsUpdate,
    response: gatewaySettingsSchema,
  }),
  state: defineRoute({
    method: 'GET',
    path: '/api/gateway/state',
    summary: 'Registration with the police platform and the media sessions it holds',
    tags: ['gateway'],
    response: gatewayStateSchema,
  }),
};
