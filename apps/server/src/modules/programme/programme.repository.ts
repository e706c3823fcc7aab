import type { ProgrammeStage } from '@gardenwatch/contracts';
import type { ColumnType, Kysely, Selectable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ProgrammeStatusTable {
  kindergarten_id: string;
  stage: ProgrammeStage;
  updated_at: Stamp;
  signed_off_by: string | null;
  signed_off_at: MaybeStamp;
  sign_off_note: string | null;
}

/** The programme's own table, kept beside the module rather than in the shared schema file. */
export type ProgrammeTables = { programme_status: ProgrammeStatusTable };
export type StatusRow = Selectable<ProgrammeStatusTable> & { signed_off_name: string | null };
export type ProgrammeTx = Transaction<Database>;
export interface StatusValues {
  stage: ProgrammeStage;
  signed_off_by: string | null;
  signed_off_at: Date | null;
  sign_off_note: string | null;
}

export interface KindergartenPlace {
  id: string;
  name: string;
  districtId: string;
  districtName: string;
}

export class ProgrammeRepository {
  private readonly db: Kysely<Database & ProgrammeTables>;

  constructor(private readonly raw: Db) {
    this.db = raw.withTables<ProgrammeTables>();
  }

  transaction<T>(work: (tx: ProgrammeTx) => Promise<T>): Promise<T> {
    return this.raw.transaction().execute(work);
  }

  /** Kindergartens read for their place (the organisation module owns them). */
  async kindergarten(id: string): Promise<KindergartenPlace | undefined> {
    return this.placeQuery().where('k.id', '=', id).executeTakeFirst();
  }

  async kindergartens(districtId: string | null): Promise<KindergartenPlace[]> {
    let query = this.placeQuery()
      .where('k.archived_at', 'is', null)
      .where('d.archived_at', 'is', null);
    if (districtId) query = query.where('k.district_id', '=', districtId);
    return query.orderBy('d.name').orderBy('k.name').execute();
  }

  async district(id: string) {
    return this.db
      .selectFrom('districts')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async statuses(kindergartenIds: string[]): Promise<StatusRow[]> {
    if (kindergartenIds.length === 0) return [];
    return this.db
      .selectFrom('programme_status as p')
      .leftJoin('users as u', 'u.id', 'p.signed_off_by')
      .selectAll('p')
      .select('u.display_name as signed_off_name')
      .where('p.kindergarten_id', 'in', kindergartenIds)
      .execute();
  }

  async save(tx: ProgrammeTx, kindergartenId: string, values: StatusValues): Promise<void> {
    const row = { ...values, updated_at: new Date() };
    await tx
      .withTables<ProgrammeTables>()
      .insertInto('programme_status')
      .values({ kindergarten_id: kindergartenId, ...row })
      .onConflict((oc) => oc.column('kindergarten_id').doUpdateSet(row))
      .execute();
  }

  private placeQuery() {
    return this.db
      .selectFrom('kindergartens as k')
      .innerJoin('districts as d', 'd.id', 'k.district_id')
      .select(['k.id', 'k.name', 'k.district_id as districtId', 'd.name as districtName']);
  }
}
