import { can, type Actor } from '@gardenwatch/contracts';

/**
 * What a role may watch at all, asked of `can()` for a key-area camera in the user's own
 * scope: the best case. Each camera is still decided by the server.
 */
export function videoAccessOf(actor: Actor) {
  const camera = {
    kind: 'camera',
    districtId: actor.districtId ?? '',
    kindergartenId: actor.kindergartenId ?? actor.maintainedKindergartenIds[0] ?? '',
    areaKind: 'gate',
    isKey: true,
  } as const;
  return {
    live: can(actor, 'video.live', camera),
    playback: can(actor, 'video.playback', camera),
    export: can(actor, 'video.export', camera),
  };
}
