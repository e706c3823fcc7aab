import {
  can,
  type Actor,
  type GatewaySettings,
  type GatewaySettingsUpdate,
} from '@gardenwatch/contracts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import type { Secrets } from '../../platform/secrets.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import { GatewayRepository, type SettingsRow, type SettingsValues } from './gateway.repository.ts';

export interface GatewayContext {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}

/** What the runtime needs to register: the settings with the password unsealed. */
export interface GatewayConfig {
  upperId: string;
  upperDomain: string;
  upperHost: string;
  upperPort: number;
  transport: 'udp' | 'tcp';
  deviceId: string;
  localPort: number;
  password: string;
  enabled: boolean;
}

export interface GatewaySettingsServiceDeps {
  db: Db;
  secrets: Secrets;
  audit: AuditService;
  now: () => Date;
  /** Called after a change is committed (the runtime restarts with it). */
  onChange?: () => Promise<void>;
}

const EMPTY: GatewaySettings = {
  upperId: '',
  upperDomain: '',
  upperHost: '',
  upperPort: 5060,
  transport: 'udp',
  deviceId: '',
  localPort: 5060,
  hasPassword: false,
  enabled: false,
  updatedAt: null,
};

const FIELDS = [
  'upperId',
  'upperDomain',
  'upperHost',
  'upperPort',
  'transport',
  'deviceId',
  'localPort',
  'enabled',
] as const;

export class GatewaySettingsService {
  readonly repo: GatewayRepository;

  constructor(private readonly deps: GatewaySettingsServiceDeps) {
    this.repo = new GatewayRepository(deps.db);
  }

  async get(ctx: GatewayContext): Promise<GatewaySettings> {
    await this.allow(ctx);
    const row = await this.repo.settings();
    return row ? toSettings(row) : EMPTY;
  }

  async update(ctx: GatewayContext, body: GatewaySettingsUpdate): Promise<GatewaySettings> {
    await this.allow(ctx);
    const current = await this.repo.settings();
    if (!current && body.password === undefined) {
      throw badRequest('password: is required the first time', {
        fields: [{ field: 'body.password', message: 'is required the first time' }],
      });
    }
    if (body.upperId === body.deviceId) {
      throw badRequest('deviceId: must differ from upperId', {
        fields: [{ field: 'body.deviceId', message: 'must differ from upperId' }],
      });
    }

    const values: SettingsValues = {
      upper_id: body.upperId,
      upper_domain: body.upperDomain,
      upper_host: body.upperHost,
      upper_port: body.upperPort,
      transport: body.transport,
      device_id: body.deviceId,
      local_port: body.localPort,
      password_sealed:
        body.password === undefined
          ? current!.password_sealed
          : this.deps.secrets.encrypt(body.password),
      enabled: body.enabled,
      updated_at: this.deps.now(),
    };
    const before = current ? toSettings(current) : null;
    const row = await this.repo.transaction(async (tx) => {
      const saved = await this.repo.saveSettings(tx, values);
      const after = toSettings(saved);
      await this.deps.audit.record(
        {
          ...this.who(ctx),
          action: 'gateway.settings.update',
          resourceType: 'gateway',
          resourceId: null,
          outcome: 'succeeded',
          details: {
            changed: FIELDS.filter((field) => before?.[field] !== after[field]),
            passwordChanged: body.password !== undefined,
            enabled: body.enabled,
          },
        },
        tx,
      );
      return saved;
    });
    await this.deps.onChange?.();
    return toSettings(row);
  }

  /** The settings for the runtime (system use), or null when none are saved. */
  async config(): Promise<GatewayConfig | null> {
    const row = await this.repo.settings();
    if (!row) return null;
    return {
      upperId: row.upper_id,
      upperDomain: row.upper_domain,
      upperHost: row.upper_host,
      upperPort: row.upper_port,
      transport: row.transport,
      deviceId: row.device_id,
      localPort: row.local_port,
      password: this.deps.secrets.decrypt(row.password_sealed),
      enabled: row.enabled,
    };
  }

  async allow(ctx: GatewayContext): Promise<void> {
    if (can(ctx.actor, 'gateway.manage', { kind: 'city' })) return;
    await this.deps.audit.record({
      ...this.who(ctx),
      action: 'gateway.manage',
      resourceType: 'gateway',
      outcome: 'denied',
    });
    throw forbidden();
  }

  private who(ctx: GatewayContext) {
    return {
      actor: auditActorOf(ctx.actor),
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    };
  }
}

function toSettings(row: SettingsRow): GatewaySettings {
  return {
    upperId: row.upper_id,
    upperDomain: row.upper_domain,
    upperHost: row.upper_host,
    upperPort: row.upper_port,
    transport: row.transport,
    deviceId: row.device_id,
    localPort: row.local_port,
    hasPassword: true,
    enabled: row.enabled,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
