-- Classes of a kindergarten, the rooms each uses, and the parents linked to a class through
-- their child. A parent applies for footage of their class's rooms only.
create table classes (
  id uuid primary key default gen_random_uuid(),
  kindergarten_id uuid not null references kindergartens (id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (kindergarten_id, name)
);

create table class_areas (
  class_id uuid not null references classes (id),
  area_id uuid not null references areas (id),
  primary key (class_id, area_id)
);

create table parent_classes (
  user_id uuid not null references users (id),
  class_id uuid not null references classes (id),
  primary key (user_id, class_id)
);

-- Footage requests: a window of up to 2 h on chosen cameras, held at once, decided by the
-- district reviewer (or the police for a criminal report) before a deadline.
create sequence footage_request_numbers;

create table footage_requests (
  id uuid primary key default gen_random_uuid(),
  number bigint not null default nextval('footage_request_numbers') unique,
  applicant_id uuid not null references users (id),
  kindergarten_id uuid not null references kindergartens (id),
  district_id uuid not null references districts (id),
  routed_to text not null check (routed_to in ('district', 'police')),
  from_at timestamptz not null,
  to_at timestamptz not null check (to_at > from_at and to_at - from_at <= interval '2 hours'),
  camera_ids uuid[] not null check (cardinality(camera_ids) > 0),
  reason text not null check (reason in (
    'injury', 'suspected_abuse', 'child_conflict', 'lost_item', 'other'
  )),
  description text not null,
  status text not null default 'pending' check (status in (
    'pending', 'released', 'on_site', 'rejected', 'closed'
  )),
  due_at timestamptz not null,
  reminded_at timestamptz,
  decided_by uuid references users (id),
  decided_at timestamptz,
  rejection_reason text,
  on_site_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now()
);
create index footage_requests_applicant_idx on footage_requests (applicant_id, created_at desc);
create index footage_requests_queue_idx on footage_requests (district_id, due_at)
  where status = 'pending';

-- Every status a request passed through, for the applicant's view.
create table footage_request_events (
  id bigserial primary key,
  request_id uuid not null references footage_requests (id),
  status text not null,
  at timestamptz not null,
  actor_id uuid references users (id)
);
create index footage_request_events_request_idx on footage_request_events (request_id, id);

-- The holds a request keeps; requests on the same footage share one hold.
create table footage_request_holds (
  request_id uuid not null references footage_requests (id),
  hold_id uuid not null references recording_holds (id),
  primary key (request_id, hold_id)
);

create table footage_request_attachments (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references footage_requests (id),
  name text not null,
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  bytes integer not null,
  sha256 text not null,
  created_at timestamptz not null default now()
);

-- Redaction of a request's footage: one item per camera and contiguous run of recording, its
-- face tracks, the tracks the reviewer unmasked, and the face check of the rendered clip.
create table footage_redactions (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references footage_requests (id),
  camera_id uuid not null references cameras (id),
  from_at timestamptz not null,
  to_at timestamptz not null,
  status text not null check (status in (
    'detecting', 'ready', 'rendering', 'done', 'failed'
  )),
  progress real not null default 0,
  video jsonb,
  tracks jsonb,
  unmasked integer[] not null default '{}',
  face_check jsonb,
  error text,
  created_at timestamptz not null default now()
);
create index footage_redactions_request_idx on footage_redactions (request_id);

-- The released clips of a request: viewable by the applicant alone until they expire or are
-- revoked; downloadable only if the reviewer allowed it.
create table footage_releases (
  request_id uuid primary key references footage_requests (id),
  allow_download boolean not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);

-- Notices of footage requests: the kindergarten learns of a request, the reviewer of its deadline.
alter table notices drop constraint notices_kind_check;
alter table notices add constraint notices_kind_check check (kind in (
  'hiring_hit', 'screening_hit', 'footage_request', 'footage_request_due'
));

-- Police cases: an officer registers a case; its key areas open at once, other areas once a
-- district reviewer approves them. Every sight of video under a case is audited against it.
create table police_cases (
  id uuid primary key default gen_random_uuid(),
  case_number text not null,
  officer_id uuid not null references users (id),
  kindergarten_id uuid not null references kindergartens (id),
  district_id uuid not null references districts (id),
  from_at timestamptz not null,
  to_at timestamptz not null check (to_at > from_at),
  reason text not null,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  unique (officer_id, case_number)
);

create table police_case_areas (
  case_id uuid not null references police_cases (id),
  area_id uuid not null references areas (id),
  status text not null check (status in ('open', 'pending', 'approved', 'rejected')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  primary key (case_id, area_id)
);
