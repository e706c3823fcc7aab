import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestOrg } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { actor } from './staff.fixtures.ts';
import { allocate, seedStaffDemo } from './staff-demo.seed.ts';

describe('seedStaffDemo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    await seedTestOrg(t.platform);
  });
  afterAll(async () => t.close());

  it('staffs every kindergarten with one below the target, and changes nothing when run again', async () => {
    const first = await seedStaffDemo(t.platform, t.services);
    const second = await seedStaffDemo(t.platform, t.services);

    expect(first).toMatchObject({ kindergartens: 2, blacklistEntries: 3 });
    expect(first.staff).toBeGreaterThan(20);
    expect(second).toMatchObject({ kindergartens: 0, staff: 0, blacklistEntries: 0 });
    const board = await t.services.staff.dashboards.qualifications(actor('city_admin'), {});
    const below = board.byKindergarten.filter((k) => k.belowTarget).map((k) => k.kindergartenId);
    expect(below).toEqual([first.belowTargetKindergartenId]);
    const staff = await t.services.staff.staff.list(actor('city_admin'), {
      kindergartenId: below[0] ?? '',
      limit: 500,
      offset: 0,
    });
    expect(staff.items.every((s) => s.status === 'active')).toBe(true);
    expect(new Set(staff.items.map((s) => s.role))).toContain('teacher');
  });
});

describe('allocate', () => {
  it('follows the distribution by largest remainder', () => {
    expect(
      allocate(8, [
        ['a', 0.05],
        ['b', 0.95],
      ] as const),
    ).toEqual(Array(8).fill('b'));
    const levels = [
      ['a', 0.35],
      ['b', 0.45],
      ['c', 0.2],
    ] as const;
    expect(allocate(20, levels).join('')).toBe('aaaaaaabbbbbbbbbcccc');
    expect(allocate(7, levels).join('')).toBe('aaabbbc');
  });
});
