import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import {
  isBlankRow,
  rosterLimits,
  tooManyColumns,
  tooManyRows,
  unreadableFile,
  type RosterSheet,
} from './roster-sheet.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 (with or without BOM) or GB 18030. A file that is valid UTF-8 is read as UTF-8; any
 * other byte sequence is read as GB 18030, the superset of GBK and GB 2312 that spreadsheet
 * programs on Chinese Windows write. UTF-16 is refused with a clear message.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw unreadableFile('The file is UTF-16; save it as CSV UTF-8 or GB 18030');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

export function readCsv(bytes: Buffer): RosterSheet {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      // Header, title rows and one more than allowed: enough to tell the file is too long.
      to: rosterLimits.maxRows + rosterLimits.maxTitleRows + 2,
    });
  } catch (error) {
    throw unreadableFile(`The CSV file cannot be read: ${(error as Error).message}`);
  }

  const rows = [];
  for (const [index, cells] of records.entries()) {
    if (cells.length > rosterLimits.maxColumns) throw tooManyColumns(index + 1);
    if (!isBlankRow(cells)) rows.push({ row: index + 1, cells: cells.map((c) => c.trim()) });
  }
  if (rows.length > rosterLimits.maxRows + rosterLimits.maxTitleRows + 1) throw tooManyRows();
  return { format: 'csv', encoding, rows };
}
