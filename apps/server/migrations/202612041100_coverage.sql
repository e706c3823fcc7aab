-- Floor plans, cameras placed on them, the detail level each area kind must be seen at, and the
-- construction programme of each kindergarten. Plan geometry is in metres (x right, y down).
create table floor_plans (
  floor_id uuid primary key references floors(id),
  outline jsonb not null,
  walls jsonb not null default '[]',
  obstacles jsonb not null default '[]',
  -- [{ "areaId": uuid, "polygon": [{x, y}, ...] }]: the organisation's areas drawn on the plan.
  area_polygons jsonb not null default '[]',
  -- Background calibration: two image pixels and the real distance between them in metres.
  scale jsonb,
  min_dead_zone_m2 double precision not null default 0.25 check (min_dead_zone_m2 >= 0),
  background bytea,
  background_type text check (background_type in ('image/png', 'image/jpeg', 'image/svg+xml')),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table plan_cameras (
  id uuid primary key default gen_random_uuid(),
  floor_id uuid not null references floor_plans(floor_id),
  -- The registry camera this placement stands for, where one exists.
  camera_id uuid references cameras(id),
  name text not null,
  type text not null check (type in ('fixed', 'fisheye')),
  x double precision not null,
  y double precision not null,
  mount_height double precision not null check (mount_height > 0),
  direction double precision not null,
  fov double precision not null check (fov > 0 and fov <= 360),
  focal_length_mm double precision,
  sensor_width_mm double precision,
  range_m double precision not null check (range_m > 0),
  resolution_x integer not null check (resolution_x > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz
);
create index plan_cameras_floor on plan_cameras (floor_id) where archived_at is null;
create unique index plan_cameras_registry on plan_cameras (camera_id)
  where archived_at is null and camera_id is not null;

-- Overrides of the built-in required level per area kind; a kind not listed keeps its default.
create table coverage_required_levels (
  kind text primary key,
  level text not null check (level in ('detect', 'observe', 'recognise', 'identify')),
  updated_at timestamptz not null default now()
);

create table programme_status (
  kindergarten_id uuid primary key references kindergartens(id),
  stage text not null check (stage in ('surveyed', 'designed', 'installing', 'accepted')),
  updated_at timestamptz not null default now(),
  signed_off_by uuid references users(id),
  signed_off_at timestamptz,
  sign_off_note text
);
