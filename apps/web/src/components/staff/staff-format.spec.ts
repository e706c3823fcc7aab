import type { Actor } from '@gardenwatch/contracts';
import { describe, expect, it } from 'vitest';
import { formatShare, formatYuan, parseYuan, staffPermissionsOf } from './staff-format.ts';
import { rosterContentType, uploadRoster } from './roster-upload.ts';

const district = '00000000-0000-4000-8000-000000000001';
const kindergarten = '00000000-0000-4000-8000-000000000002';
const actor = (role: Actor['role'], scope: Partial<Actor> = {}): Actor => ({
  id: '00000000-0000-4000-8000-000000000009',
  username: role,
  displayName: role,
  role,
  districtId: null,
  kindergartenId: null,
  maintainedKindergartenIds: [],
  ...scope,
});

describe('staff formatting', () => {
  it('reads yuan as whole fen and refuses what is not a sum', () => {
    expect(parseYuan('6500')).toBe(650_000);
    expect(parseYuan(' 6,500.5 ')).toBe(650_050);
    expect(parseYuan('6500.555')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('shows fen as yuan and shares as percentages', () => {
    expect(formatYuan(650_050, 'en')).toBe('CN¥6,500.5');
    expect(formatYuan(null, 'en')).toBeNull();
    expect(formatShare(0.8571, 'en')).toBe('85.7%');
    expect(formatShare(null, 'en')).toBeNull();
  });
});

describe('staff permissions in the console', () => {
  it('give the blacklist to city administrators only and hiring checks to principals', () => {
    const admin = staffPermissionsOf(actor('city_admin'));
    const reviewer = staffPermissionsOf(actor('district_reviewer', { districtId: district }));
    const principal = staffPermissionsOf(
      actor('principal', { districtId: district, kindergartenId: kindergarten }),
    );
    const officer = staffPermissionsOf(
      actor('security_officer', { districtId: district, kindergartenId: kindergarten }),
    );

    expect([admin.manageBlacklist, reviewer.manageBlacklist, principal.manageBlacklist]).toEqual([
      true,
      false,
      false,
    ]);
    expect([admin.hiringCheck, reviewer.hiringCheck, principal.hiringCheck]).toEqual([
      false,
      false,
      true,
    ]);
    expect([admin.readStaff, reviewer.readStaff, principal.readStaff, officer.readStaff]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(principal.manageStaff(district, kindergarten)).toBe(true);
    expect(admin.manageStaff(district, kindergarten)).toBe(false);
    expect(officer.readDashboards).toBe(false);
  });
});

describe('roster upload', () => {
  it('names the content type from the file name', () => {
    expect(rosterContentType('名册.CSV')).toBe('text/csv');
    expect(rosterContentType('roster.xlsx')).toContain('spreadsheetml');
    expect(rosterContentType('roster.txt')).toBe('application/octet-stream');
  });

  it('sends the file as the body and reads the server refusal as an ApiError', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const refusal = async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
      return new Response(
        JSON.stringify({ code: 'PAYLOAD_TOO_LARGE', message: 'too big', requestId: 'r1' }),
        { status: 413, headers: { 'content-type': 'application/json' } },
      );
    };
    const file = Object.assign(new Blob(['姓名\n']), { name: 'roster.csv' });

    await expect(
      uploadRoster({ kindergartenId: kindergarten, mode: 'dry_run', file, fetch: refusal }),
    ).rejects.toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', requestId: 'r1' });
    expect(seen[0]?.url).toBe(`/api/staff/imports?kindergartenId=${kindergarten}&mode=dry_run`);
    expect(seen[0]?.init.body).toBe(file);
    expect((seen[0]?.init.headers as Record<string, string>)['content-type']).toBe('text/csv');
  });
});
