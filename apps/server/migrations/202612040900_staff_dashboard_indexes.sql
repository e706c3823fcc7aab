-- The staff dashboards read the current version of every active person of the kindergartens in
-- scope. Without these, a district's figures scanned all staff of the city (a sequential scan
-- of staff, then a join of every current version) before keeping one district's rows.

-- A kindergarten's staff ids from the index alone (index-only scan), for one district or one
-- kindergarten.
create index staff_kindergarten_idx on staff (kindergarten_id) include (id);

-- Everything the dashboards count from a current version, so that they need not visit the table.
create index staff_versions_current_cover_idx on staff_versions (staff_id)
  include (status, role, education, monthly_pay_fen, certificate_number, certificate_valid_until)
  where valid_to is null;

-- Active teachers by certificate expiry, missing dates first: the certificate dashboard's list
-- of people walks this in order and stops at its limit instead of sorting every teacher.
create index staff_versions_teacher_certificate_idx on staff_versions
  (certificate_valid_until nulls first, name) include (staff_id, certificate_number)
  where valid_to is null and role = 'teacher' and status = 'active';
