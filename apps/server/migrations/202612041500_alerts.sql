-- Alerts raised by the analysis of camera frames (behaviour rules, faces at gates). An alert
-- holds ids, codes and measured values: no names, no face descriptors. The snapshot is one
-- frame of the camera with the skeletons drawn, seen under the same rule as recorded video.
create table alerts (
  id uuid primary key default gen_random_uuid(),
  kind text not null
    check (kind in ('abuse', 'fall', 'blacklist_sighting', 'intrusion', 'tamper', 'other')),
  rule text not null,
  severity text not null check (severity in ('low', 'medium', 'high', 'severe')),
  state text not null default 'new'
    check (state in ('new', 'acknowledged', 'resolved', 'false_alarm')),
  camera_id uuid references cameras (id),
  kindergarten_id uuid not null references kindergartens (id),
  district_id uuid not null references districts (id),
  -- The camera's area when the alert was raised: authorisation decides on it.
  area_kind text not null,
  is_key_area boolean not null,
  at timestamptz not null,
  last_seen_at timestamptz not null,
  repeat_count integer not null default 0,
  evidence jsonb not null default '{}',
  has_snapshot boolean not null default false,
  hold_id uuid references recording_holds (id),
  clip_from timestamptz,
  clip_to timestamptz,
  -- 0 security officer, 1 principal, 2 district reviewer; `escalate_at` is when the next step
  -- is due, null once acknowledged or at the top. The timer reads it, so it survives restarts.
  escalation_level integer not null default 0,
  escalate_at timestamptz,
  police_notified_at timestamptz,
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  closed_by uuid,
  closed_at timestamptz
);

create index alerts_kindergarten_idx on alerts (kindergarten_id, at desc);
create index alerts_district_idx on alerts (district_id, at desc);
create index alerts_camera_rule_idx on alerts (camera_id, rule, last_seen_at desc);
create index alerts_camera_at_idx on alerts (camera_id, at);
create index alerts_escalation_due_idx on alerts (escalate_at) where escalate_at is not null;

-- The frame with the skeletons drawn (JPEG), apart so that lists never read it.
create table alert_snapshots (
  alert_id uuid primary key references alerts (id),
  jpeg bytea not null
);

-- Every change of state with its note, in order. The audit log has the same change too.
create table alert_notes (
  id uuid primary key default gen_random_uuid(),
  alert_id uuid not null references alerts (id),
  state text not null,
  note text not null,
  author_id uuid,
  created_at timestamptz not null
);

create index alert_notes_alert_idx on alert_notes (alert_id, created_at);

-- Each notification sent through a channel: who was asked (a role), how it went.
create table alert_deliveries (
  id uuid primary key default gen_random_uuid(),
  alert_id uuid not null references alerts (id),
  channel text not null,
  recipient text not null,
  outcome text not null check (outcome in ('sent', 'failed')),
  attempts integer not null,
  detail text,
  created_at timestamptz not null
);

create index alert_deliveries_alert_idx on alert_deliveries (alert_id);

-- Faces to recognise at gates: enrolled staff per kindergarten, and the city's restricted
-- gallery (a blacklist entry's face). Descriptors only, sealed; never a photo or a name.
create table face_gallery (
  id uuid primary key default gen_random_uuid(),
  gallery text not null check (gallery in ('staff', 'restricted')),
  kindergarten_id uuid references kindergartens (id),
  subject_id uuid not null,
  descriptors_sealed text not null,
  photo_count integer not null,
  created_by uuid,
  created_at timestamptz not null,
  removed_by uuid,
  removed_at timestamptz,
  check ((gallery = 'staff') = (kindergarten_id is not null))
);

create index face_gallery_kindergarten_idx on face_gallery (kindergarten_id) where removed_at is null;

-- Staff recognised at a gate: the first sighting of each staff member per day.
create table face_attendance (
  id uuid primary key default gen_random_uuid(),
  kindergarten_id uuid not null references kindergartens (id),
  staff_id uuid not null,
  camera_id uuid not null references cameras (id),
  day date not null,
  first_seen_at timestamptz not null,
  unique (staff_id, day)
);
