/**
 * The 18-character resident identity number of GB 11643-1999: a 6-digit administrative area
 * code (GB/T 2260), the birth date as YYYYMMDD, a 3-digit sequence (odd for men) and a check
 * character computed with ISO 7064 MOD 11-2. Pure: imports nothing of the server.
 */

export type IdentityNumberProblem = 'format' | 'area' | 'birth_date' | 'checksum';

export type IdentityNumberResult =
  { ok: true; value: string; birthDate: string } | { ok: false; problem: IdentityNumberProblem };

// Province-level prefixes of GB/T 2260, plus 81-83 for the residence permits of Hong Kong,
// Macao and Taiwan residents, which use the same 18-character layout.
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** Weight of position i is 2^(17-i) mod 11 (ISO 7064 MOD 11-2). */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const CHECK_CHARS = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Validates a number as typed (spaces trimmed, a lower-case x accepted) against a date. */
export function parseIdentityNumber(input: string, today: Date = new Date()): IdentityNumberResult {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };

  if (!PROVINCES.has(value.slice(0, 2)) || value.slice(2, 6) === '0000') {
    return { ok: false, problem: 'area' };
  }

  const birthDate = birthDateOf(value.slice(6, 14), today);
  if (!birthDate) return { ok: false, problem: 'birth_date' };

  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, value, birthDate };
}

export const isValidIdentityNumber = (input: string, today?: Date): boolean =>
  parseIdentityNumber(input, today).ok;

function birthDateOf(yyyymmdd: string, today: Date): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900) return null;

  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || date.getTime() > today.getTime()) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Shows the area code and the last four characters only: `440305********123X`. */
export function maskIdentityNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** A valid number for a given area, birth date and sequence (demo data, tests, benchmarks). */
export function makeIdentityNumber(area: string, birth: string, sequence: number): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}
