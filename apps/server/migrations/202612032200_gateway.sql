-- The GB/T 28181 gateway to the police platform: one settings row, and the channel number each
-- shared camera keeps for its 20-digit id (ids must not change when cameras come and go).
create table gateway_settings (
  id smallint primary key default 1 check (id = 1),
  upper_id text not null check (upper_id ~ '^[0-9]{20}$'),
  upper_domain text not null,
  upper_host text not null,
  upper_port integer not null check (upper_port between 1 and 65535),
  transport text not null check (transport in ('udp', 'tcp')),
  device_id text not null check (device_id ~ '^[0-9]{8}11200[0-9]{7}$'),
  local_port integer not null check (local_port between 1 and 65535),
  -- Sealed with the server key like camera credentials; never returned by the API.
  password_sealed text not null,
  enabled boolean not null default false,
  updated_at timestamptz not null default now()
);

create table gateway_channels (
  camera_id uuid primary key references cameras(id),
  serial integer generated always as identity (minvalue 1 maxvalue 999999) unique
);
