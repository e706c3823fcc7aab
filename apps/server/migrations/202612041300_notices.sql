-- Notices of blacklist hits for the people who must act on them. Ids only: a notice says that a
-- hiring check or a re-screening at a kindergarten hit, never the entry's reason or details.
create table notices (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('hiring_hit', 'screening_hit')),
  -- The hiring check or the staff flag the event was about: a redelivered event is ignored.
  event_id uuid not null,
  kindergarten_id uuid not null references kindergartens (id),
  district_id uuid not null references districts (id),
  staff_id uuid references staff (id),
  created_at timestamptz not null,
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  unique (kind, event_id)
);

create index notices_district_idx on notices (district_id, created_at desc);
create index notices_kindergarten_idx on notices (kindergarten_id, created_at desc);
