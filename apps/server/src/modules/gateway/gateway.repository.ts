import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

export interface GatewaySettingsTable {
  id: ColumnType<number, number | undefined, never>;
  upper_id: string;
  upper_domain: string;
  upper_host: string;
  upper_port: number;
  transport: 'udp' | 'tcp';
  device_id: string;
  local_port: number;
  password_sealed: string;
  enabled: boolean;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

export interface GatewayChannelsTable {
  camera_id: string;
  serial: Generated<number>;
}

/** The gateway's own tables, kept beside the module rather than in the shared schema file. */
export type GatewayTables = {
  gateway_settings: GatewaySettingsTable;
  gateway_channels: GatewayChannelsTable;
};

export type SettingsRow = Selectable<GatewaySettingsTable>;
export type SettingsValues = Omit<SettingsRow, 'id'>;

type GatewayDb = Kysely<Database & GatewayTables>;

export class GatewayRepository {
  private readonly db: GatewayDb;

  constructor(private readonly raw: Db) {
    this.db = raw.withTables<GatewayTables>();
  }

  async settings(): Promise<SettingsRow | undefined> {
    return this.db.selectFrom('gateway_settings').selectAll().executeTakeFirst();
  }

  async saveSettings(tx: Transaction<Database>, values: SettingsValues): Promise<SettingsRow> {
    return tx
      .withTables<GatewayTables>()
      .insertInto('gateway_settings')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The channel serial of each camera, given on first sight and kept for good. */
  async channelSerials(cameraIds: string[]): Promise<Map<string, number>> {
    if (cameraIds.length === 0) return new Map();
    await this.db
      .insertInto('gateway_channels')
      .values(cameraIds.map((camera_id) => ({ camera_id })))
      .onConflict((oc) => oc.column('camera_id').doNothing())
      .execute();
    const rows = await this.db
      .selectFrom('gateway_channels')
      .select(['camera_id', 'serial'])
      .where('camera_id', 'in', cameraIds)
      .execute();
    return new Map(rows.map((row) => [row.camera_id, Number(row.serial)]));
  }

  transaction<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.raw.transaction().execute(work);
  }
}
