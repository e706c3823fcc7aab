import {
  hasControlCharacters,
  type StaffFields,
  type importRowErrorCodes,
} from '@gardenwatch/contracts';
import { badRequest } from '../../platform/errors.ts';
import { parseIdentityNumber } from './identity-number.ts';
import {
  columnHeaders,
  educationOf,
  normaliseLabel,
  requiredColumns,
  roleOf,
  type RosterColumn,
} from './roster-labels.ts';
import {
  rosterLimits,
  tooManyRows,
  type RosterCell,
  type RosterRow,
  type RosterSheet,
} from './roster-sheet.ts';
import { parseRosterDate, parseYuanToFen } from './roster-values.ts';

export type RowIssueCode = (typeof importRowErrorCodes)[number];

export interface RowIssue {
  row: number;
  column: string | null;
  code: RowIssueCode;
  message: string;
}

export interface RosterEntry {
  row: number;
  identityNumber: string;
  fields: StaffFields;
}

export interface ParsedRoster {
  entries: RosterEntry[];
  issues: RowIssue[];
  rowsTotal: number;
}

type ColumnMap = Map<RosterColumn, number>;

/** Validates every data row; a row with any problem yields issues and no entry. */
export function parseRoster(sheet: RosterSheet, today: Date): ParsedRoster {
  const { headerIndex, columns } = findHeader(sheet.rows);
  const data = sheet.rows.slice(headerIndex + 1);
  if (data.length > rosterLimits.maxRows) throw tooManyRows();

  const entries: RosterEntry[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const result = parseRow(row, columns, today);
    if ('issues' in result) {
      issues.push(...result.issues);
      continue;
    }
    const first = seen.get(result.identityNumber);
    if (first !== undefined) {
      issues.push(
        issue(row.row, 'identityNumber', 'duplicate', `Same identity number as row ${first}`),
      );
      continue;
    }
    seen.set(result.identityNumber, row.row);
    entries.push(result);
  }
  return { entries, issues, rowsTotal: data.length };
}

function findHeader(rows: RosterRow[]): { headerIndex: number; columns: ColumnMap } {
  const limit = Math.min(rows.length, rosterLimits.maxTitleRows + 1);
  for (let i = 0; i < limit; i++) {
    const columns: ColumnMap = new Map();
    rows[i]?.cells.forEach((cell, index) => {
      const column = typeof cell === 'string' ? columnHeaders.get(normaliseLabel(cell)) : undefined;
      if (column && !columns.has(column)) columns.set(column, index);
    });
    if (!columns.has('name') || !columns.has('identityNumber')) continue;

    const missing = requiredColumns.filter((c) => !columns.has(c));
    if (missing.length > 0) {
      throw badRequest(`The header lacks the columns: ${missing.join(', ')}`, { missing });
    }
    return { headerIndex: i, columns };
  }
  throw badRequest('No header row with 姓名 and 身份证号 (name, identity number) was found', {
    reason: 'no_header',
  });
}

function parseRow(
  row: RosterRow,
  columns: ColumnMap,
  today: Date,
): RosterEntry | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const read = (column: RosterColumn, required: boolean): string | null => {
    const index = columns.get(column);
    const cell: RosterCell = index === undefined ? '' : (row.cells[index] ?? '');
    if (typeof cell !== 'string') {
      issues.push(
        issue(
          row.row,
          column,
          'formula_without_value',
          'A formula without a stored value; paste values instead',
        ),
      );
      return null;
    }
    if (cell === '') {
      if (required) issues.push(issue(row.row, column, 'missing_value', 'This value is required'));
      return null;
    }
    return cell;
  };
  const date = (column: RosterColumn, required: boolean): string | null => {
    const value = read(column, required);
    if (value === null) return null;
    const parsed = parseRosterDate(value);
    if (!parsed) issues.push(issue(row.row, column, 'bad_date', 'Not a date (use YYYY-MM-DD)'));
    return parsed;
  };

  const name = read('name', true);
  if (name !== null && name.length > 100)
    issues.push(issue(row.row, 'name', 'too_long', 'At most 100 characters'));
  if (name !== null && hasControlCharacters(name)) {
    issues.push(issue(row.row, 'name', 'bad_text', 'Control characters are not allowed'));
  }
  const identity = identityOf(read('identityNumber', true), row.row, today, issues);
  const role = labelled(read('role', true), roleOf, row.row, 'role', 'unknown_role', issues);
  const education = labelled(
    read('education', true),
    educationOf,
    row.row,
    'education',
    'unknown_education',
    issues,
  );
  const certificateNumber = read('certificateNumber', false);
  if (certificateNumber !== null && certificateNumber.length > 40) {
    issues.push(issue(row.row, 'certificateNumber', 'too_long', 'At most 40 characters'));
  }
  const certificateValidUntil = date('certificateValidUntil', false);
  const hiredOn = date('hiredOn', true);
  const leftOn = date('leftOn', false);
  if (hiredOn && leftOn && leftOn < hiredOn) {
    issues.push(
      issue(row.row, 'leftOn', 'leave_before_hire', 'The leaving date is before the hiring date'),
    );
  }
  const pay = read('monthlyPay', true);
  const monthlyPayFen = pay === null ? null : parseYuanToFen(pay);
  if (pay !== null && monthlyPayFen === null) {
    issues.push(issue(row.row, 'monthlyPay', 'bad_pay', 'Not an amount in yuan (e.g. 6500.00)'));
  }

  if (
    issues.length > 0 ||
    !name ||
    !identity ||
    !role ||
    !education ||
    !hiredOn ||
    monthlyPayFen === null
  ) {
    return { issues };
  }
  return {
    row: row.row,
    identityNumber: identity,
    fields: {
      name,
      role,
      education,
      certificateNumber,
      certificateValidUntil,
      hiredOn,
      leftOn,
      monthlyPayFen,
    },
  };
}

function identityOf(
  value: string | null,
  row: number,
  today: Date,
  issues: RowIssue[],
): string | null {
  if (value === null) return null;
  const parsed = parseIdentityNumber(value, today);
  if (parsed.ok) return parsed.value;
  const hint = /e\+?\d+$/i.test(value) ? ' (stored as a number; format the column as text)' : '';
  issues.push(
    issue(
      row,
      'identityNumber',
      'bad_identity_number',
      `Invalid identity number: ${parsed.problem}${hint}`,
    ),
  );
  return null;
}

function labelled<T>(
  value: string | null,
  lookup: (label: string) => T | undefined,
  row: number,
  column: RosterColumn,
  code: RowIssueCode,
  issues: RowIssue[],
): T | null {
  if (value === null) return null;
  const found = lookup(value);
  if (found === undefined)
    issues.push(issue(row, column, code, `Unknown value "${value.slice(0, 40)}"`));
  return found ?? null;
}

const issue = (
  row: number,
  column: string | null,
  code: RowIssueCode,
  message: string,
): RowIssue => ({
  row,
  column,
  code,
  message,
});
