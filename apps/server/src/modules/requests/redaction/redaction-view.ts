import type { RedactionItem } from '@gardenwatch/contracts';
import type { Selectable } from 'kysely';
import type { FootageRedactionsTable } from '../../../platform/db/schema.ts';

export type RedactionRow = Selectable<FootageRedactionsTable>;

/** The API view of a redaction item; JSON columns are the server's own writes. */
export function toRedactionItem(row: RedactionRow): RedactionItem {
  return {
    id: row.id,
    cameraId: row.camera_id,
    from: new Date(row.from_at).toISOString(),
    to: new Date(row.to_at).toISOString(),
    status: row.status,
    progress: Math.min(1, Math.max(0, Number(row.progress))),
    video: (row.video as RedactionItem['video']) ?? null,
    tracks: (row.tracks as RedactionItem['tracks'] | null) ?? [],
    unmasked: row.unmasked,
    faceCheck: (row.face_check as RedactionItem['faceCheck']) ?? null,
    error: row.error,
  };
}
