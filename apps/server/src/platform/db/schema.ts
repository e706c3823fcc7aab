import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Each module reads and writes only its own tables; this file only
 * gathers them so that one typed handle serves all.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Archived = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CitiesTable {
  id: Generated<string>;
  name: string;
  admin_code: string;
  created_at: CreatedAt;
  archived_at: Archived;
}

export interface DistrictsTable {
  id: Generated<string>;
  city_id: string;
  name: string;
  admin_code: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  archived_at: Archived;
}

export type KindergartenType = 'public' | 'inclusive_private' | 'private';

export interface KindergartensTable {
  id: Generated<string>;
  district_id: string;
  name: string;
  address: string;
  type: KindergartenType;
  children_count: number;
  timezone: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  archived_at: Archived;
}

export interface BuildingsTable {
  id: Generated<string>;
  kindergarten_id: string;
  name: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  archived_at: Archived;
}

export interface FloorsTable {
  id: Generated<string>;
  building_id: string;
  name: string;
  level: number;
  created_at: CreatedAt;
  updated_at: Timestamp;
  archived_at: Archived;
}

export interface AreasTable {
  id: Generated<string>;
  floor_id: string;
  name: string;
  kind: string;
  is_key: boolean;
  never_filmed: ColumnType<boolean, never, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  archived_at: Archived;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  district_id: string | null;
  kindergarten_id: string | null;
  locale: ColumnType<string, string | undefined, string>;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  password_changed_at: Timestamp;
  disabled_at: Archived;
}

export interface MaintainerAssignmentsTable {
  user_id: string;
  kindergarten_id: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Date | null;
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied' | 'succeeded' | 'failed';
  request_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export type CameraStatus = 'unknown' | 'online' | 'offline' | 'auth_failed';

export interface CamerasTable {
  id: Generated<string>;
  area_id: string;
  name: string;
  main_url: string;
  sub_url: string | null;
  username: string | null;
  password_sealed: string | null;
  codec: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  retention_days: ColumnType<number, number | undefined, number>;
  status: ColumnType<CameraStatus, CameraStatus | undefined, CameraStatus>;
  status_message: string | null;
  probed_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  archived_at: Archived;
}

export interface RecordingSegmentsTable {
  id: Generated<string>;
  camera_id: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  bytes: ColumnType<string, number | bigint | string, never>;
  codec: string;
  path: string;
}

export type GapCause =
  | 'camera_unreachable'
  | 'auth_failed'
  | 'stream_stalled'
  | 'process_crashed'
  | 'disk_full'
  | 'server_down';

export interface RecordingGapsTable {
  id: Generated<string>;
  camera_id: string;
  from_at: Timestamp;
  to_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cause: GapCause;
  detail: string | null;
}

export interface RecordingHoldsTable {
  id: Generated<string>;
  camera_id: string;
  from_at: Timestamp;
  to_at: Timestamp;
  reason: string;
  owner: string;
  created_at: CreatedAt;
  released_at: Archived;
}

// Exported clips (modules/exports).
export interface VideoExportsTable {
  id: string;
  created_by: string;
  created_at: CreatedAt;
  from_at: Timestamp;
  to_at: Timestamp;
  camera_ids: string[];
  reason: string;
  /** Relative to DATA_DIR/exports. */
  dir: string;
  manifest: ColumnType<unknown, string, string>;
}

// Staff and blacklist (modules/staff, modules/blacklist).
type DateOnly = ColumnType<string, string, string>;
type BigId = ColumnType<number, never, never>;

export interface StaffTable {
  id: Generated<string>;
  kindergarten_id: string;
  id_hash: string;
  id_encrypted: string;
  created_at: CreatedAt;
}

export interface StaffVersionsTable {
  id: BigId;
  staff_id: string;
  version: number;
  name: string;
  role: string;
  education: string;
  certificate_number: string | null;
  certificate_valid_until: DateOnly | null;
  hired_on: DateOnly;
  left_on: DateOnly | null;
  monthly_pay_fen: number;
  status: string;
  change_source: 'manual' | 'import' | 'system';
  changed_by: string | null;
  valid_from: Timestamp;
  valid_to: Date | null;
}

export interface BlacklistEntriesTable {
  id: Generated<string>;
  id_hash: string;
  id_encrypted: string;
  name: string;
  reason: string;
  decision_document: string;
  decision_authority: string;
  decision_date: DateOnly;
  until_date: DateOnly | null;
  appeal_status: ColumnType<string, string | undefined, string>;
  removed_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BlacklistEventsTable {
  id: BigId;
  entry_id: string;
  kind: 'created' | 'updated' | 'appeal' | 'removed';
  appeal_status: string | null;
  note: string | null;
  decided_on: DateOnly | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface HiringChecksTable {
  id: Generated<string>;
  kindergarten_id: string;
  candidate_hash: string;
  consent_reference: string;
  purpose: string;
  result: 'eligible' | 'not_eligible';
  checked_by: string | null;
  checked_at: Timestamp;
}

export interface ScreeningRunsTable {
  id: Generated<string>;
  trigger: 'blacklist_change' | 'yearly' | 'manual';
  started_at: Date;
  finished_at: Date | null;
  checked_count: ColumnType<number, number | undefined, number>;
  hit_count: ColumnType<number, number | undefined, number>;
}

export interface NoticesTable {
  id: Generated<string>;
  kind: 'hiring_hit' | 'screening_hit' | 'footage_request' | 'footage_request_due';
  event_id: string;
  kindergarten_id: string;
  district_id: string;
  staff_id: string | null;
  created_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
}

export interface WorkOrdersTable {
  id: Generated<string>;
  camera_id: string;
  kindergarten_id: string;
  district_id: string;
  fault: 'offline' | 'auth_failed' | 'covered' | 'turned' | 'defocused' | 'frozen';
  fault_since: Timestamp;
  opened_at: Timestamp;
  due_at: Timestamp;
  closed_at: Date | null;
  closed_by: string | null;
  note: string | null;
}

export interface StaffFlagsTable {
  id: Generated<string>;
  staff_id: string;
  kind: 'blacklist_hit';
  screening_run_id: string | null;
  raised_at: Timestamp;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface QualificationTargetsTable {
  year: number;
  share: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface PayBenchmarksTable {
  year: number;
  primary_teacher_annual_fen: number | null;
  social_average_annual_fen: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface StaffImportsTable {
  id: Generated<string>;
  kindergarten_id: string;
  file_sha256: string;
  format: 'csv' | 'xlsx';
  mode: 'all' | 'valid_only';
  rows_total: number;
  rows_invalid: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface AlertsTable {
  id: Generated<string>;
  kind: 'abuse' | 'fall' | 'blacklist_sighting' | 'intrusion' | 'tamper' | 'other';
  rule: string;
  severity: 'low' | 'medium' | 'high' | 'severe';
  state: ColumnType<AlertStateColumn, AlertStateColumn | undefined, AlertStateColumn>;
  camera_id: string | null;
  kindergarten_id: string;
  district_id: string;
  area_kind: string;
  is_key_area: boolean;
  at: Timestamp;
  last_seen_at: Timestamp;
  repeat_count: ColumnType<number, number | undefined, number>;
  evidence: ColumnType<Record<string, number | string>, string | undefined, string>;
  has_snapshot: ColumnType<boolean, boolean | undefined, boolean>;
  hold_id: string | null;
  clip_from: Date | null;
  clip_to: Date | null;
  escalation_level: ColumnType<number, number | undefined, number>;
  escalate_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  police_notified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  closed_by: string | null;
  closed_at: Date | null;
}

type AlertStateColumn = 'new' | 'acknowledged' | 'resolved' | 'false_alarm';

export interface AlertSnapshotsTable {
  alert_id: string;
  jpeg: Uint8Array;
}

export interface AlertNotesTable {
  id: Generated<string>;
  alert_id: string;
  state: AlertStateColumn;
  note: string;
  author_id: string | null;
  created_at: Timestamp;
}

export interface FaceGalleryTable {
  id: Generated<string>;
  gallery: 'staff' | 'restricted';
  kindergarten_id: string | null;
  subject_id: string;
  descriptors_sealed: string;
  photo_count: number;
  created_by: string | null;
  created_at: Timestamp;
  removed_by: string | null;
  removed_at: Date | null;
}

export interface FaceAttendanceTable {
  id: Generated<string>;
  kindergarten_id: string;
  staff_id: string;
  camera_id: string;
  day: string;
  first_seen_at: Timestamp;
}

export interface CameraZonesTable {
  camera_id: string;
  zones: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AlertDeliveriesTable {
  id: Generated<string>;
  alert_id: string;
  channel: string;
  recipient: string;
  outcome: 'sent' | 'failed';
  attempts: number;
  detail: string | null;
  created_at: Timestamp;
}

// Classes and footage requests (modules/requests).
export interface ClassesTable {
  id: Generated<string>;
  kindergarten_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface ClassAreasTable {
  class_id: string;
  area_id: string;
}

export interface ParentClassesTable {
  user_id: string;
  class_id: string;
}

export interface FootageRequestsTable {
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  applicant_id: string;
  kindergarten_id: string;
  district_id: string;
  routed_to: 'district' | 'police';
  from_at: Timestamp;
  to_at: Timestamp;
  camera_ids: string[];
  reason: string;
  description: string;
  status: ColumnType<string, string | undefined, string>;
  due_at: Timestamp;
  reminded_at: Archived;
  decided_by: string | null;
  decided_at: Archived;
  rejection_reason: string | null;
  on_site_at: Archived;
  closed_at: Archived;
  created_at: CreatedAt;
}

export interface FootageRequestEventsTable {
  id: Generated<string>;
  request_id: string;
  status: string;
  at: Timestamp;
  actor_id: string | null;
}

export interface FootageRequestHoldsTable {
  request_id: string;
  hold_id: string;
}

export interface FootageRequestAttachmentsTable {
  id: Generated<string>;
  request_id: string;
  name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  bytes: number;
  sha256: string;
  created_at: CreatedAt;
}

export interface FootageRedactionsTable {
  id: Generated<string>;
  request_id: string;
  camera_id: string;
  from_at: Timestamp;
  to_at: Timestamp;
  status: 'detecting' | 'ready' | 'rendering' | 'done' | 'failed';
  progress: ColumnType<number, number | undefined, number>;
  video: ColumnType<unknown, string | null | undefined, string | null>;
  tracks: ColumnType<unknown, string | null | undefined, string | null>;
  unmasked: ColumnType<number[], number[] | undefined, number[]>;
  face_check: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  created_at: CreatedAt;
}

export interface FootageReleasesTable {
  request_id: string;
  allow_download: boolean;
  expires_at: Timestamp;
  revoked_at: Archived;
  created_at: CreatedAt;
}

export interface PoliceCasesTable {
  id: Generated<string>;
  case_number: string;
  officer_id: string;
  kindergarten_id: string;
  district_id: string;
  from_at: Timestamp;
  to_at: Timestamp;
  reason: string;
  created_at: CreatedAt;
  closed_at: Archived;
}

export interface PoliceCaseAreasTable {
  case_id: string;
  area_id: string;
  status: 'open' | 'pending' | 'approved' | 'rejected';
  decided_by: string | null;
  decided_at: Archived;
}

export interface Database {
  cities: CitiesTable;
  districts: DistrictsTable;
  kindergartens: KindergartensTable;
  buildings: BuildingsTable;
  floors: FloorsTable;
  areas: AreasTable;
  users: UsersTable;
  maintainer_assignments: MaintainerAssignmentsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  cameras: CamerasTable;
  recording_segments: RecordingSegmentsTable;
  recording_gaps: RecordingGapsTable;
  recording_holds: RecordingHoldsTable;
  video_exports: VideoExportsTable;
  staff: StaffTable;
  staff_versions: StaffVersionsTable;
  blacklist_entries: BlacklistEntriesTable;
  blacklist_events: BlacklistEventsTable;
  hiring_checks: HiringChecksTable;
  screening_runs: ScreeningRunsTable;
  staff_flags: StaffFlagsTable;
  qualification_targets: QualificationTargetsTable;
  pay_benchmarks: PayBenchmarksTable;
  staff_imports: StaffImportsTable;
  notices: NoticesTable;
  alerts: AlertsTable;
  alert_snapshots: AlertSnapshotsTable;
  alert_notes: AlertNotesTable;
  alert_deliveries: AlertDeliveriesTable;
  face_gallery: FaceGalleryTable;
  face_attendance: FaceAttendanceTable;
  work_orders: WorkOrdersTable;
  classes: ClassesTable;
  class_areas: ClassAreasTable;
  parent_classes: ParentClassesTable;
  footage_requests: FootageRequestsTable;
  footage_request_events: FootageRequestEventsTable;
  footage_request_holds: FootageRequestHoldsTable;
  footage_request_attachments: FootageRequestAttachmentsTable;
  footage_redactions: FootageRedactionsTable;
  footage_releases: FootageReleasesTable;
  police_cases: PoliceCasesTable;
  police_case_areas: PoliceCaseAreasTable;
  camera_zones: CameraZonesTable;
}
