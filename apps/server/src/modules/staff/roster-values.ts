/** Dates as written in rosters: 2020-09-01, 2020/9/1, 2020.9.1, 20200901, 2020年9月1日. */
export function parseRosterDate(value: string): string | null {
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y = '', m = '', d = ''] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1) return null;
  if (date.getUTCDate() !== Number(d) || Number(y) < 1900 || Number(y) > 2100) return null;
  return date.toISOString().slice(0, 10);
}

const MAX_MONTHLY_YUAN = 1_000_000;

/** Yuan with at most two decimals (6500, 6,500.50, ¥6500) as integer fen; exact, no floats. */
export function parseYuanToFen(value: string): number | null {
  const cleaned = value
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (Number(whole) > MAX_MONTHLY_YUAN) return null;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
