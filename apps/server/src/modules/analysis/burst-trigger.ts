import type { TrackedPerson } from '@gardenwatch/vision';

/** An adult and a child closer than this many adult heights apart are within reach. */
export const REACH_IN_ADULT_HEIGHTS = 0.6;
/** A person whose box centre moves faster than this many of their heights a second. */
export const VIOLENT_HEIGHTS_PER_S = 1.5;

/**
 * Whether a camera deserves the burst rate: an adult and a child within reach of each other,
 * or someone moving violently fast between two analysed frames.
 */
export function shouldBurst(
  people: readonly TrackedPerson[],
  previous: { atMs: number; people: readonly TrackedPerson[] } | undefined,
  atMs: number,
): boolean {
  return withinReach(people) || violent(people, previous, atMs);
}

function withinReach(people: readonly TrackedPerson[]): boolean {
  const adults = people.filter((p) => p.age.ageClass === 'adult');
  const children = people.filter((p) => p.age.ageClass === 'child');
  return adults.some((a) =>
    children.some((c) => gap(a.box, c.box) < a.box.height * REACH_IN_ADULT_HEIGHTS),
  );
}

function violent(
  people: readonly TrackedPerson[],
  previous: { atMs: number; people: readonly TrackedPerson[] } | undefined,
  atMs: number,
): boolean {
  if (!previous || atMs <= previous.atMs) return false;
  const seconds = (atMs - previous.atMs) / 1000;
  return people.some((p) => {
    const before = previous.people.find((q) => q.trackId === p.trackId);
    if (!before) return false;
    const moved = Math.hypot(
      centreX(p.box) - centreX(before.box),
      centreY(p.box) - centreY(before.box),
    );
    return moved / seconds > VIOLENT_HEIGHTS_PER_S * p.box.height;
  });
}

type Box = TrackedPerson['box'];
const centreX = (b: Box) => b.x + b.width / 2;
const centreY = (b: Box) => b.y + b.height / 2;

/** Distance between two boxes' edges (0 when they overlap). */
function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}
