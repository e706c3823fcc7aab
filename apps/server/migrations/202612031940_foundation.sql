-- Organisation: city -> districts -> kindergartens -> buildings -> floors -> areas.
create table cities (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  admin_code char(6) not null check (admin_code ~ '^[0-9]{6}$'),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);

create table districts (
  id uuid primary key default gen_random_uuid(),
  city_id uuid not null references cities(id),
  name text not null,
  admin_code char(6) not null check (admin_code ~ '^[0-9]{6}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (city_id, name)
);

create table kindergartens (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts(id),
  name text not null,
  address text not null,
  type text not null check (type in ('public', 'inclusive_private', 'private')),
  children_count integer not null check (children_count >= 0),
  timezone text not null default 'Asia/Shanghai',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (district_id, name)
);
create index kindergartens_district_idx on kindergartens (district_id);

create table buildings (
  id uuid primary key default gen_random_uuid(),
  kindergarten_id uuid not null references kindergartens(id),
  name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (kindergarten_id, name)
);

create table floors (
  id uuid primary key default gen_random_uuid(),
  building_id uuid not null references buildings(id),
  name text not null,
  level integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (building_id, name)
);

create table areas (
  id uuid primary key default gen_random_uuid(),
  floor_id uuid not null references floors(id),
  name text not null,
  kind text not null check (kind in (
    'gate', 'entrance_hall', 'perimeter', 'playground', 'corridor', 'stairs', 'classroom',
    'nap_room', 'dining_room', 'kitchen', 'clinic', 'office', 'storeroom', 'toilet', 'changing_room'
  )),
  is_key boolean not null,
  -- Toilets and changing rooms are never filmed; the flag follows the kind and cannot be set.
  never_filmed boolean generated always as (kind in ('toilet', 'changing_room')) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (floor_id, name)
);

-- Identity.
create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  display_name text not null,
  password_hash text not null,
  role text not null check (role in (
    'city_admin', 'district_reviewer', 'principal', 'security_officer', 'police', 'parent', 'maintainer'
  )),
  district_id uuid references districts(id),
  kindergarten_id uuid references kindergartens(id),
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  must_change_password boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now(),
  disabled_at timestamptz
);
create unique index users_username_idx on users (lower(username));

-- Kindergartens a maintainer looks after (a maintainer may have several).
create table maintainer_assignments (
  user_id uuid not null references users(id),
  kindergarten_id uuid not null references kindergartens(id),
  primary key (user_id, kindergarten_id)
);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

-- Failed sign-ins per account and per address, for rate limiting across processes.
create table login_throttle (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);

-- Audit: append-only and hash-chained. Each row carries the hash of the one before.
-- seq is given by the writer under a lock, so the sequence has no gaps and a missing row shows.
create table audit_log (
  seq bigint primary key check (seq > 0),
  at timestamptz not null,
  actor_id uuid,
  actor_username text,
  actor_role text,
  action text not null,
  resource_type text not null,
  resource_id text,
  purpose text,
  outcome text not null check (outcome in ('allowed', 'denied', 'succeeded', 'failed')),
  request_id text,
  ip text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_actor_idx on audit_log (actor_id, seq);
create index audit_log_action_idx on audit_log (action, seq);
create index audit_log_resource_idx on audit_log (resource_type, resource_id, seq);
create index audit_log_at_idx on audit_log (at);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only
  before update or delete or truncate on audit_log
  for each statement execute function audit_log_refuse_change();
