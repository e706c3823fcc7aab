-- Staff, hiring checks, the blacklist and the qualification dashboards' settings.
-- Identity numbers are never stored readable: a keyed hash (HMAC) to match, AES-GCM to show.

-- One person's employment at one kindergarten. The attributes live in staff_versions.
create table staff (
  id uuid primary key default gen_random_uuid(),
  kindergarten_id uuid not null references kindergartens(id),
  id_hash text not null,
  id_encrypted text not null,
  created_at timestamptz not null default now(),
  unique (kindergarten_id, id_hash)
);
create index staff_id_hash_idx on staff (id_hash);

-- Every change appends a version and closes the previous one; nothing is overwritten.
create table staff_versions (
  id bigint generated always as identity primary key,
  staff_id uuid not null references staff(id),
  version integer not null check (version > 0),
  name text not null check (length(name) between 1 and 100),
  role text not null check (role in (
    'teacher', 'assistant', 'principal', 'health', 'cook', 'security', 'driver', 'cleaner', 'other'
  )),
  education text not null check (education in (
    'junior_secondary', 'secondary', 'associate', 'bachelor', 'master'
  )),
  certificate_number text,
  certificate_valid_until date,
  hired_on date not null,
  left_on date,
  monthly_pay_fen integer not null check (monthly_pay_fen >= 0),
  status text not null check (status in ('pending_check', 'active', 'suspended', 'left')),
  change_source text not null check (change_source in ('manual', 'import', 'system')),
  changed_by uuid,
  valid_from timestamptz not null default now(),
  valid_to timestamptz,
  unique (staff_id, version),
  check (left_on is null or left_on >= hired_on)
);
create unique index staff_versions_current_idx on staff_versions (staff_id) where valid_to is null;
create index staff_versions_current_role_idx on staff_versions (role, status)
  include (staff_id, education, monthly_pay_fen, certificate_valid_until)
  where valid_to is null;

-- The city's blacklist of persons barred from working with children.
create table blacklist_entries (
  id uuid primary key default gen_random_uuid(),
  id_hash text not null,
  id_encrypted text not null,
  name text not null check (length(name) between 1 and 100),
  reason text not null check (reason in (
    'child_abuse', 'sexual_offence', 'violence', 'other_misconduct'
  )),
  decision_document text not null,
  decision_authority text not null,
  decision_date date not null,
  until_date date,
  appeal_status text not null default 'none' check (appeal_status in (
    'none', 'pending', 'upheld', 'overturned'
  )),
  removed_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index blacklist_entries_hash_idx on blacklist_entries (id_hash);

-- What happened to an entry: creation, corrections, appeals, removal.
create table blacklist_events (
  id bigint generated always as identity primary key,
  entry_id uuid not null references blacklist_entries(id),
  kind text not null check (kind in ('created', 'updated', 'appeal', 'removed')),
  appeal_status text,
  note text,
  decided_on date,
  recorded_by uuid,
  recorded_at timestamptz not null default now()
);
create index blacklist_events_entry_idx on blacklist_events (entry_id, id);

-- A principal's check of a candidate. The name typed is not kept; the hash is enough to match.
create table hiring_checks (
  id uuid primary key default gen_random_uuid(),
  kindergarten_id uuid not null references kindergartens(id),
  candidate_hash text not null,
  consent_reference text not null,
  purpose text not null,
  result text not null check (result in ('eligible', 'not_eligible')),
  checked_by uuid,
  checked_at timestamptz not null default now()
);
create index hiring_checks_candidate_idx on hiring_checks (kindergarten_id, candidate_hash, checked_at);

-- Re-screening of every active staff member against the blacklist.
create table screening_runs (
  id uuid primary key default gen_random_uuid(),
  trigger text not null check (trigger in ('blacklist_change', 'yearly', 'manual')),
  started_at timestamptz not null,
  finished_at timestamptz,
  checked_count integer not null default 0,
  hit_count integer not null default 0
);
create index screening_runs_started_idx on screening_runs (started_at);

create table staff_flags (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references staff(id),
  kind text not null check (kind in ('blacklist_hit')),
  screening_run_id uuid references screening_runs(id),
  raised_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid,
  resolution_note text
);
create unique index staff_flags_open_idx on staff_flags (staff_id, kind) where resolved_at is null;

-- Settings of the dashboards, per calendar year.
create table qualification_targets (
  year integer primary key check (year between 2000 and 2100),
  share numeric(5, 4) not null check (share > 0 and share <= 1),
  updated_by uuid,
  updated_at timestamptz not null default now()
);

create table pay_benchmarks (
  year integer primary key check (year between 2000 and 2100),
  primary_teacher_annual_fen bigint check (primary_teacher_annual_fen > 0),
  social_average_annual_fen bigint check (social_average_annual_fen > 0),
  updated_by uuid,
  updated_at timestamptz not null default now()
);

-- Each roster import, to answer "who loaded this and what did it change".
create table staff_imports (
  id uuid primary key default gen_random_uuid(),
  kindergarten_id uuid not null references kindergartens(id),
  file_sha256 text not null,
  format text not null check (format in ('csv', 'xlsx')),
  mode text not null check (mode in ('all', 'valid_only')),
  rows_total integer not null,
  rows_invalid integer not null,
  created_count integer not null,
  updated_count integer not null,
  unchanged_count integer not null,
  imported_by uuid,
  imported_at timestamptz not null default now()
);
