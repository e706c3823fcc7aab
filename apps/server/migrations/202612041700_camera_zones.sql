-- Zones drawn per camera over its picture (perimeter, indoor, gate), used by the intrusion and
-- loitering rules. Points are fractions of the picture's width and height.
create table camera_zones (
  camera_id uuid primary key references cameras (id),
  zones jsonb not null,
  updated_by uuid,
  updated_at timestamptz not null
);
