import type { FootageReason, FootageRequest, FootageStatus } from '@gardenwatch/contracts';
import type { RequestDetails, RequestRow } from './requests.repository.ts';

const iso = (at: Date | null): string | null => (at ? new Date(at).toISOString() : null);

/** The API view of a request: its history and attachments, and whether it is overdue. */
export function toRequestView(
  row: RequestRow,
  details: RequestDetails,
  options: { now: Date; sharedHolds: number },
): FootageRequest {
  const dueAt = new Date(row.due_at);
  return {
    id: row.id,
    number: Number(row.number),
    applicantId: row.applicant_id,
    kindergartenId: row.kindergarten_id,
    districtId: row.district_id,
    routedTo: row.routed_to,
    from: new Date(row.from_at).toISOString(),
    to: new Date(row.to_at).toISOString(),
    cameraIds: row.camera_ids,
    reason: row.reason as FootageReason,
    description: row.description,
    status: row.status as FootageStatus,
    dueAt: dueAt.toISOString(),
    overdue: row.status === 'pending' && dueAt < options.now,
    decidedAt: iso(row.decided_at),
    rejectionReason: row.rejection_reason,
    onSiteAt: iso(row.on_site_at),
    history: details.events.map((e) => ({ status: e.status, at: new Date(e.at).toISOString() })),
    attachments: details.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mediaType: a.media_type,
      bytes: a.bytes,
    })),
    joinedHolds: options.sharedHolds,
  };
}
