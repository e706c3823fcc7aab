import { createHash } from 'node:crypto';
import type { ImportReport, StaffStatus } from '@gardenwatch/contracts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { readCsv } from './roster-csv.ts';
import { parseRoster, type RosterEntry } from './roster-rows.ts';
import { rosterLimits, unreadableFile, type RosterSheet } from './roster-sheet.ts';
import { readXlsx } from './roster-xlsx.ts';
import { kindergartenResource, type StaffAccess, type StaffContext } from './staff-access.ts';
import {
  findCurrentByHashes,
  hashesEmployedElsewhere,
  versionValues,
  type CurrentStaffRow,
  type Tx,
  type VersionFields,
  type VersionMeta,
} from './staff.repository.ts';
import { sameFields, type HiringGate } from './staff.service.ts';

export type ImportMode = 'dry_run' | 'all' | 'valid_only';

export interface ImportRequest {
  kindergartenId: string;
  mode: ImportMode;
  bytes: Buffer;
}

interface PlannedRow {
  entry: RosterEntry;
  hash: string;
  existing: CurrentStaffRow | undefined;
  next: VersionFields;
}

const CHUNK = 500;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface RosterImportDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
  gate: HiringGate;
}

/**
 * Roster files: every row checked first; nothing written on a dry run, nor in mode `all` when
 * any row has an error. A row equal to the current record writes nothing, so importing the
 * same file again changes nothing.
 */
export class RosterImportService {
  constructor(private readonly deps: RosterImportDeps) {}

  async run(ctx: StaffContext, request: ImportRequest): Promise<ImportReport> {
    const kg = await this.deps.access.kindergarten(request.kindergartenId);
    await this.deps.access.require(
      ctx,
      'staff.manage',
      kindergartenResource(kg),
      kg.kindergartenId,
    );
    if (request.bytes.length === 0) throw unreadableFile('The file is empty');
    if (request.bytes.length > rosterLimits.maxBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The file is larger than ${rosterLimits.maxBytes / 1024 / 1024} MiB`,
      );
    }

    const sheet = await readSheet(request.bytes);
    const parsed = parseRoster(sheet, this.deps.platform.now());
    const planned = await this.plan(kg.kindergartenId, parsed.entries);
    const created = planned.filter((p) => !p.existing);
    const updated = planned.filter((p) => p.existing && !sameFields(p.existing, p.next));
    const elsewhere = await hashesEmployedElsewhere(
      this.db,
      kg.kindergartenId,
      planned.map((p) => p.hash),
    );

    const report: ImportReport = {
      mode: request.mode,
      format: sheet.format,
      encoding: sheet.encoding,
      fileSha256: createHash('sha256').update(request.bytes).digest('hex'),
      rowsTotal: parsed.rowsTotal,
      rowsValid: parsed.entries.length,
      errors: parsed.issues,
      pendingCheckRows: planned
        .filter((p) => p.next.status === 'pending_check' && !sameStatus(p))
        .map((p) => p.entry.row),
      employedElsewhereRows: planned.filter((p) => elsewhere.has(p.hash)).map((p) => p.entry.row),
      created: created.length,
      updated: updated.length,
      unchanged: planned.length - created.length - updated.length,
      written: false,
    };
    const refused = request.mode === 'all' && parsed.issues.length > 0;
    if (request.mode === 'dry_run' || refused) return report;

    await this.write(ctx, {
      kindergartenId: kg.kindergartenId,
      mode: request.mode,
      report,
      created,
      updated,
    });
    this.deps.platform.logger.info(
      { kindergartenId: kg.kindergartenId, created: report.created, updated: report.updated },
      'staff.import.done',
    );
    return { ...report, written: true };
  }

  private async plan(kindergartenId: string, entries: RosterEntry[]): Promise<PlannedRow[]> {
    const { secrets } = this.deps.platform;
    const hashes = entries.map((e) => secrets.keyedHash(e.identityNumber));
    const existing = new Map<string, CurrentStaffRow>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = await findCurrentByHashes(this.db, kindergartenId, hashes.slice(i, i + CHUNK));
      for (const row of rows) existing.set(row.idHash, row);
    }
    const passed = await this.deps.gate.passedRecently(
      kindergartenId,
      hashes.filter((h) => !existing.has(h)),
    );

    return entries.map((entry, i) => {
      const hash = hashes[i] ?? '';
      const current = existing.get(hash);
      return {
        entry,
        hash,
        existing: current,
        next: { ...entry.fields, status: statusFor(entry, current, passed.has(hash)) },
      };
    });
  }

  private async write(
    ctx: StaffContext,
    job: {
      kindergartenId: string;
      mode: ImportMode;
      report: ImportReport;
      created: PlannedRow[];
      updated: PlannedRow[];
    },
  ): Promise<void> {
    const meta: VersionMeta = { source: 'import', by: ctx.actor.id, at: this.deps.platform.now() };
    await this.db.transaction().execute(async (tx) => {
      await this.insertCreated(tx, job.kindergartenId, job.created, meta);
      await this.appendUpdated(tx, job.updated, meta);
      const { report } = job;
      const record = await tx
        .insertInto('staff_imports')
        .values({
          kindergarten_id: job.kindergartenId,
          file_sha256: report.fileSha256,
          format: report.format,
          mode: job.mode === 'all' ? 'all' : 'valid_only',
          rows_total: report.rowsTotal,
          rows_invalid: report.rowsTotal - report.rowsValid,
          created_count: report.created,
          updated_count: report.updated,
          unchanged_count: report.unchanged,
          imported_by: ctx.actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action: 'staff.import',
          resourceType: 'kindergarten',
          resourceId: job.kindergartenId,
          outcome: 'succeeded',
          details: {
            importId: record.id,
            created: report.created,
            updated: report.updated,
            fileSha256: report.fileSha256,
          },
        }),
        tx,
      );
    });
  }

  private async insertCreated(
    tx: Tx,
    kindergartenId: string,
    rows: PlannedRow[],
    meta: VersionMeta,
  ) {
    const { secrets } = this.deps.platform;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const inserted = await tx
        .insertInto('staff')
        .values(
          chunk.map((p) => ({
            kindergarten_id: kindergartenId,
            id_hash: p.hash,
            id_encrypted: secrets.encrypt(p.entry.identityNumber),
          })),
        )
        .returning(['id', 'id_hash'])
        .execute();
      const idOf = new Map(inserted.map((r) => [r.id_hash, r.id]));
      await tx
        .insertInto('staff_versions')
        .values(chunk.map((p) => versionValues(idOf.get(p.hash) ?? '', 1, p.next, meta)))
        .execute();
    }
  }

  private async appendUpdated(tx: Tx, rows: PlannedRow[], meta: VersionMeta) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.filter((p) => p.existing).slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      await tx
        .updateTable('staff_versions')
        .set({ valid_to: meta.at })
        .where(
          'staff_id',
          'in',
          chunk.map((p) => p.existing?.id ?? ''),
        )
        .where('valid_to', 'is', null)
        .execute();
      await tx
        .insertInto('staff_versions')
        .values(
          chunk.map((p) =>
            versionValues(p.existing?.id ?? '', (p.existing?.version ?? 0) + 1, p.next, meta),
          ),
        )
        .execute();
    }
  }

  private get db() {
    return this.deps.platform.db;
  }
}

/** New people start active only with a passed check; known people keep their status. */
function statusFor(
  entry: RosterEntry,
  current: CurrentStaffRow | undefined,
  passed: boolean,
): StaffStatus {
  if (entry.fields.leftOn) return 'left';
  if (current && current.status !== 'left') return current.status;
  return passed ? 'active' : 'pending_check';
}

const sameStatus = (p: PlannedRow) => p.existing?.status === p.next.status;

async function readSheet(bytes: Buffer): Promise<RosterSheet> {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  return isZip ? readXlsx(bytes) : readCsv(bytes);
}
