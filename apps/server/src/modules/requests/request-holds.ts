import type { HoldService } from '../recording/hold.service.ts';

export const REQUEST_HOLD_PREFIX = 'footage_request:';

export interface HeldWindow {
  /** Every hold the request keeps, one per camera. */
  holdIds: string[];
  /** The holds created for it (released again if the request cannot be stored). */
  createdIds: string[];
}

/**
 * Holds a window on each camera. A camera whose window is already covered by another
 * request's hold shares that hold, so that parents asking about the same incident keep one
 * copy of the footage and its retention follows the last of them.
 */
export async function holdWindow(
  holds: HoldService,
  input: { requestId: string; cameraIds: string[]; from: Date; to: Date },
): Promise<HeldWindow> {
  const holdIds: string[] = [];
  const createdIds: string[] = [];
  for (const cameraId of input.cameraIds) {
    const active = await holds.active(cameraId);
    const covering = active.find(
      (h) => h.owner.startsWith(REQUEST_HOLD_PREFIX) && h.from <= input.from && h.to >= input.to,
    );
    if (covering) {
      holdIds.push(covering.id);
      continue;
    }
    const hold = await holds.create({
      cameraId,
      from: input.from,
      to: input.to,
      reason: 'footage request',
      owner: `${REQUEST_HOLD_PREFIX}${input.requestId}`,
    });
    holdIds.push(hold.id);
    createdIds.push(hold.id);
  }
  return { holdIds, createdIds };
}
