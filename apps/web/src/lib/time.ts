/**
 * The city's zone. Kindergartens carry their own zone (all of them Asia/Shanghai today); pages
 * that are not about one kindergarten, such as the audit log, show times in the city's zone.
 */
export const cityTimeZone = 'Asia/Shanghai';

/**
 * A timestamp as the people of that zone read it, `2026-12-04 09:30:05`: the same in every
 * language, sortable, and never in the zone of the machine showing it.
 */
export function formatDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** Minutes the zone is ahead of UTC at the given instant. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Turns a wall-clock time typed in a `datetime-local` field (`2026-12-03T09:30`) into the UTC
 * instant it means in the given zone, as an ISO string; null when the text is not such a time.
 */
export function wallTimeToIso(wall: string, timeZone: string): string | null {
  const match = WALL.exec(wall);
  if (match === null) return null;

  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const naive = Date.UTC(y, mo - 1, d, h, mi, sec);
  // Two passes settle the offset even when the first guess lands across a zone change.
  let instant = naive - zoneOffsetMinutes(naive, timeZone) * 60_000;
  instant = naive - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}
