import type { AlertRule, AlertState } from '@gardenwatch/contracts';
import { sql, type Insertable, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AlertsTable, Database } from '../../platform/db/schema.ts';

export type AlertRow = Selectable<AlertsTable>;
export type NoteRow = Selectable<Database['alert_notes']>;
type Executor = Db | Transaction<Database>;

export interface AlertScope {
  districtId?: string | undefined;
  kindergartenId?: string | undefined;
  state?: AlertState | undefined;
  severity?: AlertRow['severity'] | undefined;
  policeOnly?: boolean;
  limit: number;
}

/** What the timeline shows of an alert. */
export interface AlertMark {
  id: string;
  cameraId: string;
  at: Date;
  kind: AlertRow['kind'];
  severity: AlertRow['severity'];
  state: AlertRow['state'];
}

/** The alerts tables: alerts, their notes and their deliveries. */
export class AlertsRepository {
  constructor(private readonly db: Db) {}

  async insert(values: Insertable<AlertsTable>, tx: Executor = this.db): Promise<AlertRow> {
    return tx.insertInto('alerts').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async find(id: string, tx: Executor = this.db): Promise<AlertRow | undefined> {
    return tx.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row until the transaction ends, so that two people cannot both close it. */
  async lock(tx: Transaction<Database>, id: string): Promise<AlertRow | undefined> {
    return tx.selectFrom('alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** The latest alert of a rule on a camera last seen within `windowMs` of `at`. */
  async recent(
    cameraId: string,
    rule: AlertRule,
    at: Date,
    windowMs: number,
  ): Promise<AlertRow | undefined> {
    return this.db
      .selectFrom('alerts')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('rule', '=', rule)
      .where('last_seen_at', '>=', new Date(at.getTime() - windowMs))
      .where('last_seen_at', '<=', new Date(at.getTime() + windowMs))
      .orderBy('last_seen_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async seenAgain(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('alerts')
      .set((eb) => ({
        repeat_count: eb('repeat_count', '+', 1),
        last_seen_at: sql<Date>`greatest(last_seen_at, ${at})`,
      }))
      .where('id', '=', id)
      .execute();
  }

  async update(id: string, values: Updateable<AlertsTable>, tx: Executor = this.db): Promise<void> {
    await tx.updateTable('alerts').set(values).where('id', '=', id).execute();
  }

  async list(scope: AlertScope): Promise<AlertRow[]> {
    let q = this.db.selectFrom('alerts').selectAll();
    if (scope.districtId) q = q.where('district_id', '=', scope.districtId);
    if (scope.kindergartenId) q = q.where('kindergarten_id', '=', scope.kindergartenId);
    if (scope.state) q = q.where('state', '=', scope.state);
    if (scope.severity) q = q.where('severity', '=', scope.severity);
    if (scope.policeOnly) q = q.where('police_notified_at', 'is not', null);
    return q.orderBy('at', 'desc').limit(scope.limit).execute();
  }

  /** Alerts still new whose next escalation is due. */
  async dueForEscalation(now: Date, limit = 50): Promise<AlertRow[]> {
    return this.db
      .selectFrom('alerts')
      .selectAll()
      .where('state', '=', 'new')
      .where('escalate_at', '<=', now)
      .orderBy('escalate_at')
      .limit(limit)
      .execute();
  }

  /** Moves an alert one level up unless someone else (or another process) already did. */
  async escalate(row: AlertRow, nextAt: Date | null): Promise<boolean> {
    const result = await this.db
      .updateTable('alerts')
      .set({ escalation_level: row.escalation_level + 1, escalate_at: nextAt })
      .where('id', '=', row.id)
      .where('state', '=', 'new')
      .where('escalation_level', '=', row.escalation_level)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async saveSnapshot(alertId: string, jpeg: Buffer): Promise<void> {
    await this.db.insertInto('alert_snapshots').values({ alert_id: alertId, jpeg }).execute();
    await this.update(alertId, { has_snapshot: true });
  }

  async snapshotOf(alertId: string): Promise<Buffer | undefined> {
    const row = await this.db
      .selectFrom('alert_snapshots')
      .select('jpeg')
      .where('alert_id', '=', alertId)
      .executeTakeFirst();
    return row && Buffer.from(row.jpeg);
  }

  async addNote(
    tx: Executor,
    note: { alertId: string; state: AlertState; note: string; authorId: string | null; at: Date },
  ): Promise<void> {
    await tx
      .insertInto('alert_notes')
      .values({
        alert_id: note.alertId,
        state: note.state,
        note: note.note,
        author_id: note.authorId,
        created_at: note.at,
      })
      .execute();
  }

  async notesOf(ids: string[]): Promise<NoteRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('alert_notes')
      .selectAll()
      .where('alert_id', 'in', ids)
      .orderBy('created_at')
      .execute();
  }

  async recordDelivery(delivery: Insertable<Database['alert_deliveries']>): Promise<void> {
    await this.db.insertInto('alert_deliveries').values(delivery).execute();
  }

  async deliveriesOf(alertId: string): Promise<Selectable<Database['alert_deliveries']>[]> {
    return this.db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('alert_id', '=', alertId)
      .orderBy('created_at')
      .execute();
  }

  /** For the camera timeline: the alerts of these cameras in a range, oldest first. */
  async listForCameras(cameraIds: string[], from: Date, to: Date): Promise<AlertMark[]> {
    if (cameraIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('alerts')
      .select(['id', 'camera_id', 'at', 'kind', 'severity', 'state'])
      .where('camera_id', 'in', cameraIds)
      .where('at', '>=', from)
      .where('at', '<', to)
      .orderBy('at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      cameraId: r.camera_id ?? '',
      at: new Date(r.at),
      kind: r.kind,
      severity: r.severity,
      state: r.state,
    }));
  }

  /** Counts per kindergarten and rule of confirmed, false and still open alerts. */
  async precisionCounts(scope: { districtId?: string; kindergartenId?: string }) {
    let q = this.db
      .selectFrom('alerts')
      .select((eb) => [
        'kindergarten_id',
        'rule',
        eb.fn.countAll<string>().filterWhere('state', '=', 'resolved').as('confirmed'),
        eb.fn.countAll<string>().filterWhere('state', '=', 'false_alarm').as('false_alarms'),
        eb.fn.countAll<string>().filterWhere('state', 'in', ['new', 'acknowledged']).as('open'),
      ])
      .groupBy(['kindergarten_id', 'rule'])
      .orderBy('kindergarten_id')
      .orderBy('rule');
    if (scope.districtId) q = q.where('district_id', '=', scope.districtId);
    if (scope.kindergartenId) q = q.where('kindergarten_id', '=', scope.kindergartenId);
    return q.execute();
  }
}
