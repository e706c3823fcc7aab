/**
 * MANSCDP times are local wall-clock times without a zone (YYYY-MM-DDTHH:mm:ss, annex A); the
 * gateway reads and writes them in one configured zone (Asia/Shanghai by default).
 */
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

function offsetMs(date: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(date.getTime() / 1000) * 1000;
}

export function toGbTime(date: Date, zone: string): string {
  const shifted = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMs(date, zone));
  return shifted.toISOString().slice(0, 19);
}

export function fromGbTime(text: string, zone: string): Date | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = match.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes settle the offset across a daylight-saving change.
  let guess = asUtc - offsetMs(new Date(asUtc), zone);
  guess = asUtc - offsetMs(new Date(guess), zone);
  return Number.isNaN(guess) ? null : new Date(guess);
}
