import { can, type Actor, type Resource } from '@gardenwatch/contracts';

/** Fen (1/100 yuan) as yuan with two decimals, or `null` for an empty value. */
export function formatYuan(fen: number | null, language: string): string | null {
  if (fen === null) return null;

  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

/** A share (0..1) as a percentage with one decimal, or `null` when there is nothing to share. */
export function formatShare(share: number | null, language: string): string | null {
  if (share === null) return null;

  return new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** Yuan typed in a form (`6500`, `6,500.50`) as whole fen, or `null` when it is not a sum. */
export function parseYuan(text: string): number | null {
  const cleaned = text.replace(/[,\s，¥￥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;

  return Math.round(Number(cleaned) * 100);
}

/** The widest resource an actor's scope covers: the city, its district or its kindergarten. */
function scopeOf(actor: Actor): Resource {
  if (actor.kindergartenId !== null && actor.districtId !== null) {
    return {
      kind: 'kindergarten',
      districtId: actor.districtId,
      kindergartenId: actor.kindergartenId,
    };
  }
  if (actor.districtId !== null) return { kind: 'district', districtId: actor.districtId };
  return { kind: 'city' };
}

/** What the signed-in user may do with staff, the blacklist and hiring checks. */
export function staffPermissionsOf(actor: Actor) {
  const scope = scopeOf(actor);
  return {
    readStaff: can(actor, 'staff.read', scope),
    manageStaff: (districtId: string, kindergartenId: string) =>
      can(actor, 'staff.manage', { kind: 'kindergarten', districtId, kindergartenId }),
    hiringCheck: scope.kind === 'kindergarten' && can(actor, 'hiring.check', scope),
    manageBlacklist: can(actor, 'blacklist.manage', { kind: 'city' }),
    readDashboards: can(actor, 'report.read', scope),
  };
}
