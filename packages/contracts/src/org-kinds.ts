import { z } from 'zod';

export const areaKinds = [
  'gate',
  'entrance_hall',
  'perimeter',
  'playground',
  'corridor',
  'stairs',
  'classroom',
  'nap_room',
  'dining_room',
  'kitchen',
  'clinic',
  'office',
  'storeroom',
  'toilet',
  'changing_room',
] as const;
export const areaKindSchema = z.enum(areaKinds);
export type AreaKind = z.infer<typeof areaKindSchema>;

/** Gates, perimeter, entrances, corridors, stairs, kitchen and playground are key by default. */
export const keyAreaKindsByDefault: ReadonlySet<AreaKind> = new Set([
  'gate',
  'entrance_hall',
  'perimeter',
  'corridor',
  'stairs',
  'kitchen',
  'playground',
]);

/** Never filmed, whatever anyone sets. */
export const neverFilmedKinds: ReadonlySet<AreaKind> = new Set(['toilet', 'changing_room']);

export const kindergartenTypes = ['public', 'inclusive_private', 'private'] as const;
export const kindergartenTypeSchema = z.enum(kindergartenTypes);
export type KindergartenType = z.infer<typeof kindergartenTypeSchema>;

export type SizeGrade = 'small' | 'medium' | 'large' | 'extra_large';

/**
 * Size grade by the number of children, after the national kindergarten construction standard
 * (about 30 children a class): small up to 6 classes, medium 7–9, large 10–12, and beyond that
 * extra large.
 */
export function sizeGrade(childrenCount: number): SizeGrade {
  if (childrenCount <= 180) return 'small';
  if (childrenCount <= 270) return 'medium';
  if (childrenCount <= 360) return 'large';
  return 'extra_large';
}
