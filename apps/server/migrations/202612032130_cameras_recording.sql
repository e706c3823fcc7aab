-- Cameras: placed in an area, with main and sub RTSP URLs. URLs are stored without credentials;
-- the password is sealed with the server key (platform secrets), never stored readable.
create table cameras (
  id uuid primary key default gen_random_uuid(),
  area_id uuid not null references areas(id),
  name text not null,
  main_url text not null,
  sub_url text,
  username text,
  password_sealed text,
  codec text,
  width integer check (width > 0),
  height integer check (height > 0),
  fps real check (fps > 0),
  -- 30 days is the national minimum for kindergarten footage.
  retention_days integer not null default 90 check (retention_days >= 30),
  status text not null default 'unknown'
    check (status in ('unknown', 'online', 'offline', 'auth_failed')),
  status_message text,
  probed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (area_id, name)
);
create index cameras_area_idx on cameras (area_id);

-- The segment index: one row per closed, checked segment on disk.
create table recording_segments (
  id bigint generated always as identity primary key,
  camera_id uuid not null references cameras(id),
  started_at timestamptz not null,
  ended_at timestamptz not null check (ended_at >= started_at),
  bytes bigint not null check (bytes > 0),
  codec text not null,
  path text not null unique
);
create index recording_segments_camera_time_idx on recording_segments (camera_id, started_at);
create index recording_segments_time_idx on recording_segments (started_at);

-- Every interval without footage, with its cause. An open gap has no end yet.
create table recording_gaps (
  id bigint generated always as identity primary key,
  camera_id uuid not null references cameras(id),
  from_at timestamptz not null,
  to_at timestamptz check (to_at is null or to_at >= from_at),
  cause text not null check (cause in (
    'camera_unreachable', 'auth_failed', 'stream_stalled', 'process_crashed', 'disk_full',
    'server_down'
  )),
  detail text
);
create index recording_gaps_camera_idx on recording_gaps (camera_id, from_at);
create unique index recording_gaps_one_open_idx on recording_gaps (camera_id) where to_at is null;

-- Holds protect footage of a camera over a time range from retention until released.
create table recording_holds (
  id uuid primary key default gen_random_uuid(),
  camera_id uuid not null references cameras(id),
  from_at timestamptz not null,
  to_at timestamptz not null check (to_at > from_at),
  reason text not null,
  owner text not null,
  created_at timestamptz not null default now(),
  released_at timestamptz
);
create index recording_holds_camera_idx on recording_holds (camera_id) where released_at is null;
