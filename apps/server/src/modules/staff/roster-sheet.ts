import { AppError, badRequest } from '../../platform/errors.ts';

/** A cell as read: text, or a formula the file holds no computed value for. */
export type RosterCell = string | { formulaWithoutValue: true };

export interface RosterRow {
  /** The row number a spreadsheet program shows (1-based, counting the header). */
  row: number;
  cells: RosterCell[];
}

export interface RosterSheet {
  format: 'csv' | 'xlsx';
  encoding: string;
  rows: RosterRow[];
}

/** Bounds on what one upload may hold, so memory and time stay bounded. */
export const rosterLimits = {
  maxBytes: 5 * 1024 * 1024,
  /** Data rows, not counting the header and any title rows above it. */
  maxRows: 20_000,
  maxColumns: 40,
  /** XLSX: the uncompressed size of all parts together (zip bombs stop here). */
  maxUncompressedBytes: 64 * 1024 * 1024,
  /** Rows above the header that may hold a title. */
  maxTitleRows: 10,
};

export const tooManyRows = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The roster has more than ${rosterLimits.maxRows} rows; split it into several files`,
    { details: { limit: 'rows', max: rosterLimits.maxRows } },
  );

export const tooManyColumns = (row: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `Row ${row} has more than ${rosterLimits.maxColumns} columns`, {
    details: { limit: 'columns', max: rosterLimits.maxColumns, row },
  });

export const unreadableFile = (message: string) =>
  badRequest(message, { reason: 'unreadable_file' });

export const isBlankRow = (cells: RosterCell[]): boolean =>
  cells.every((c) => typeof c === 'string' && c.trim() === '');
