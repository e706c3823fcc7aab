-- Clips exported from recorded footage: who exported what and why, the signed manifest, and
-- the folder (under DATA_DIR/exports) holding the files. The footage stays held meanwhile.
create table video_exports (
  id uuid primary key,
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  from_at timestamptz not null,
  to_at timestamptz not null check (to_at > from_at),
  camera_ids uuid[] not null check (cardinality(camera_ids) between 1 and 16),
  reason text not null,
  dir text not null unique,
  manifest jsonb not null
);
create index video_exports_created_by_idx on video_exports (created_by, created_at);
