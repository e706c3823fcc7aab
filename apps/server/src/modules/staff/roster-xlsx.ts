import { Readable } from 'node:stream';
// exceljs' streaming WorkbookReader is used rather than loading the whole workbook: rows come
// one at a time and reading stops at the row limit, so a huge sheet cannot exhaust memory.
// SheetJS was not chosen: its npm releases stopped at 0.18.5, which has known advisories.
// exceljs is loaded on the first XLSX file: it is large and the server need not wait for it.
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { isAppError } from '../../platform/errors.ts';
import {
  rosterLimits,
  tooManyColumns,
  tooManyRows,
  unreadableFile,
  isBlankRow,
  type RosterCell,
  type RosterRow,
  type RosterSheet,
} from './roster-sheet.ts';

type CellValue = ExcelJS.CellValue;

/**
 * Reads the first worksheet. Formulas are never evaluated: the value the spreadsheet program
 * stored with the formula is taken, and a formula without one is reported. A merged range gives
 * its value to every cell it covers, as the reader of the sheet sees it.
 */
export async function readXlsx(bytes: Buffer): Promise<RosterSheet> {
  checkUncompressedSize(bytes);
  const rows = new Map<number, RosterCell[]>();
  const maxRecords = rosterLimits.maxRows + rosterLimits.maxTitleRows + 1;
  let sheetId: number | null = null;

  const { default: excel } = await import('exceljs');
  try {
    const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(bytes), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
    });
    for await (const worksheet of reader) {
      sheetId = (worksheet as unknown as { id: number }).id;
      for await (const row of worksheet) {
        const cells = cellsOf(row);
        if (isBlankRow(cells)) continue;
        if (cells.length > rosterLimits.maxColumns) throw tooManyColumns(row.number);
        rows.set(row.number, cells);
        if (rows.size > maxRecords) throw tooManyRows();
      }
      break;
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw unreadableFile('The XLSX file cannot be read; save it again from a spreadsheet program');
  }
  if (sheetId === null) throw unreadableFile('The XLSX file has no worksheet');

  fillMerged(rows, mergedRanges(bytes, sheetId));
  const sorted: RosterRow[] = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) => ({ row, cells }));
  return { format: 'xlsx', encoding: 'xlsx', rows: sorted };
}

function cellsOf(row: ExcelJS.Row): RosterCell[] {
  const values = Array.isArray(row.values) ? row.values : [];
  const cells: RosterCell[] = [];
  // row.values is 1-based: index 0 is always empty.
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

export function cellText(value: CellValue | undefined): RosterCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    if (result === undefined || result === null) return { formulaWithoutValue: true };
    return cellText(result);
  }
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('error' in value) return { formulaWithoutValue: true };
  return '';
}

function checkUncompressedSize(bytes: Buffer): void {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    throw unreadableFile('The file is not an XLSX workbook');
  }
  if (total > rosterLimits.maxUncompressedBytes) {
    throw unreadableFile(
      `The workbook unpacks to more than ${rosterLimits.maxUncompressedBytes / 1024 / 1024} MiB`,
    );
  }
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// The streaming reader skips <mergeCell> elements, so the sheet's part is read once more for
// them alone; its size was bounded above.
function mergedRanges(bytes: Buffer, sheetId: number): Range[] {
  const name = `xl/worksheets/sheet${sheetId}.xml`;
  const files = unzipSync(bytes, { filter: (file) => file.name === name });
  const part = files[name];
  if (!part) return [];
  const xml = Buffer.from(part).toString('utf8');
  const ranges: Range[] = [];
  for (const match of xml.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [, c1 = 'A', r1 = '1', c2 = 'A', r2 = '1'] = match;
    ranges.push({
      top: Number(r1),
      left: columnIndex(c1),
      bottom: Number(r2),
      right: columnIndex(c2),
    });
  }
  return ranges;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function fillMerged(rows: Map<number, RosterCell[]>, ranges: Range[]): void {
  for (const range of ranges) {
    const value = rows.get(range.top)?.[range.left - 1];
    if (value === undefined || value === '') continue;
    for (let r = range.top; r <= Math.min(range.bottom, range.top + rosterLimits.maxRows); r++) {
      const cells = rows.get(r);
      if (!cells) continue;
      for (let c = range.left; c <= Math.min(range.right, rosterLimits.maxColumns); c++) {
        while (cells.length < c) cells.push('');
        cells[c - 1] = value;
      }
    }
  }
}
