-- Work orders: a camera fault that lasted past the configured time, for the maintainers of the
-- camera's kindergarten. Due 24 h after opening (the standard's repair time). At most one open
-- order per camera: a fault that comes back while one is open does not open another.
create table work_orders (
  id uuid primary key default gen_random_uuid(),
  camera_id uuid not null references cameras (id),
  kindergarten_id uuid not null references kindergartens (id),
  district_id uuid not null references districts (id),
  fault text not null check (fault in (
    'offline', 'auth_failed', 'covered', 'turned', 'defocused', 'frozen'
  )),
  fault_since timestamptz not null,
  opened_at timestamptz not null,
  due_at timestamptz not null check (due_at > opened_at),
  closed_at timestamptz,
  closed_by uuid references users (id),
  note text,
  check ((closed_at is null) = (note is null))
);

create unique index work_orders_one_open_idx on work_orders (camera_id) where closed_at is null;
create index work_orders_kindergarten_idx on work_orders (kindergarten_id, opened_at desc);
create index work_orders_due_idx on work_orders (district_id, due_at) where closed_at is null;
