import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentityNumber } from '../apps/server/src/modules/staff/identity-number.ts';
import { fitsWidth, navLinks, phone, screenshot } from './browser.ts';
import { useDemoConsole } from './demo-console.ts';

const demo = useDemoConsole();
const { pageAs } = demo;

let scratch: string;

/** How long a condition may take to come true on a busy machine. */
const soon = { timeout: 15_000 };
const BELOW_TARGET = '深圳市福田区香蜜湖普惠幼儿园';

/** The first demo blacklist entry, derived as the demo seed derives it (permanent, no appeal). */
const barredNumber = makeIdentityNumber('440303', '1980-03-10', 500);
const cleanNumber = makeIdentityNumber('440304', '1991-06-18', 246);

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'gardenwatch-staff-e2e-'));
});

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('hiring check (principal on a phone)', () => {
  let page: Page;

  beforeAll(async () => {
    page = await pageAs('principal', { locale: 'zh-CN', size: phone });
  });

  async function check(identityNumber: string, name: string) {
    await page.goto('/hiring-check');
    await page.locator('input[name="identityNumber"]').fill(identityNumber);
    await page.locator('input[name="name"]').fill(name);
    await page.locator('input[name="consentReference"]').fill('同意书 2026-118');
    await page.locator('input[name="purpose"]').fill('保育员岗位入职前核查');
    await page.locator('form[aria-label="入职查询"] button[type="submit"]').click();
    const answer = page.getByTestId('hiring-answer');
    await answer.waitFor(soon);
    return answer.textContent();
  }

  it('offers the check in the navigation and answers eligible for a clean number', async () => {
    await page.locator('.menu-button').click();
    expect(await navLinks(page)).toContain('/hiring-check');
    expect(await navLinks(page)).not.toContain('/blacklist');

    expect(await check(cleanNumber, '李晓燕')).toBe('可以录用');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'staff-hiring-eligible-phone-zh', false);
  });

  it('answers only "not eligible" for a barred number, with no reason or entry detail', async () => {
    const text = await check(barredNumber, '杜某');

    expect(text).toBe('不可录用——请联系区教育局');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('虐待');
    expect(body).not.toContain('深教处');
    await screenshot(page, 'staff-hiring-not-eligible-phone-zh', false);
  });

  it('names the field at fault for an invalid identity number and sends nothing', async () => {
    await page.goto('/hiring-check');
    await page.locator('input[name="identityNumber"]').fill('12345');
    await page.locator('input[name="name"]').fill('王芳');
    await page.locator('input[name="consentReference"]').fill('同意书 2026-119');
    await page.locator('form[aria-label="入职查询"] button[type="submit"]').click();

    await page.locator('.field-invalid input[name="identityNumber"]').waitFor(soon);
    expect(await page.getByTestId('hiring-answer').count()).toBe(0);
  });
});

describe('roster import (principal)', () => {
  let page: Page;
  let csv: string;

  beforeAll(async () => {
    page = await pageAs('principal');
    csv = path.join(scratch, 'roster.csv');
    writeFileSync(
      csv,
      [
        '姓名,身份证号,岗位,学历,教师资格证号,资格证有效期,入职日期,离职日期,月工资',
        // A compound surname the demo's staff names never use, so the name picks out one row.
        `欧阳思远,${makeIdentityNumber('440304', '1995-02-03', 112)},教师,本科,20234400123,2030-08-31,2026-09-01,,8200`,
        `吴春梅,${makeIdentityNumber('440305', '1988-11-20', 224)},保育员,中专,,,2026-09-01,,5200`,
        '郑伟,440304199001010000,教师,大专,,,2026-09-01,,7000',
      ].join('\n'),
    );
  });

  async function dryRun() {
    await page.goto('/staff');
    await page.getByTestId('staff-table').waitFor(soon);
    await page.getByRole('link', { name: 'Import a roster' }).click();
    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByTestId('import-report').waitFor(soon);
  }

  it('shows each faulty row in the dry run and imports only the valid rows', async () => {
    await dryRun();

    const errorRows = page.getByTestId('import-error-row');
    expect(await errorRows.count()).toBe(1);
    expect(await errorRows.first().textContent()).toContain('Invalid identity number');
    expect(await page.getByRole('button', { name: 'Import all rows' }).isDisabled()).toBe(true);
    await screenshot(page, 'staff-import-dry-run-en');

    await page.getByRole('button', { name: 'Import only the 2 valid rows' }).click();
    await expect
      .poll(() => page.locator('[data-testid="import-report"] h2').textContent(), soon)
      .toBe('Imported');
    expect(await page.getByTestId('import-counts').textContent()).toContain('Added2');
  });

  it('shows that nothing changes when the same file comes again, and lists the new people', async () => {
    await dryRun();

    await page.getByTestId('import-nothing-changes').waitFor(soon);
    await screenshot(page, 'staff-import-again-en');

    await page.goto('/staff');
    const table = page.getByTestId('staff-table');
    await table.waitFor(soon);
    expect(await table.textContent()).toContain('欧阳思远');
    expect(await table.textContent()).toContain('Waiting for hiring check');
    expect(await table.textContent()).toMatch(/440304\*+1\d{2}[\dX]/);
  });

  it('keeps every version of a record and shows the history', async () => {
    const row = page.getByTestId('staff-row').filter({ hasText: '欧阳思远' });
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.locator('input[name="monthlyPay"]').fill('8600');
    await page.locator('form[aria-label^="Change the record"] button[type="submit"]').click();
    await expect.poll(() => row.textContent(), soon).toContain('8,600');

    await row.getByRole('button', { name: 'Versions' }).click();
    const history = page.getByTestId('staff-history');
    await history.waitFor(soon);
    expect(await history.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'staff-registry-history-en');
  });
});

describe('blacklist', () => {
  it('is open to the city administrator, with full numbers and the appeal history', async () => {
    const page = await pageAs('city-admin', { locale: 'zh-CN' });
    expect(await navLinks(page)).toContain('/blacklist');
    await page.goto('/blacklist');
    const table = page.getByTestId('blacklist-table');
    await table.waitFor(soon);

    expect(await page.getByTestId('blacklist-row').count()).toBe(3);
    expect(await table.textContent()).toContain(barredNumber);
    await page
      .getByTestId('blacklist-row')
      .filter({ hasText: '韦某' })
      .getByRole('button', { name: '历史与操作' })
      .click();
    await page.getByTestId('blacklist-history').waitFor(soon);
    await screenshot(page, 'staff-blacklist-admin-zh');
  });

  it('is refused to anyone else with a plain message', async () => {
    const page = await pageAs('district-reviewer');
    expect(await navLinks(page)).not.toContain('/blacklist');
    await page.goto('/blacklist');

    await page.getByTestId('not-allowed').waitFor(soon);
    expect(await page.getByTestId('blacklist-table').count()).toBe(0);
    await screenshot(page, 'staff-blacklist-refused-en');
  });
});

describe('dashboards (district reviewer)', () => {
  it('lists the kindergarten below the 90% target and draws the charts', async () => {
    const page = await pageAs('district-reviewer', { locale: 'zh-CN' });
    await page.goto('/staff-dashboards');
    const below = page.getByTestId('below-target-list');
    await below.waitFor(soon);

    expect(await below.textContent()).toContain(BELOW_TARGET);
    expect(await page.locator('canvas').count()).toBe(2);
    expect(await page.getByTestId('share-by-kindergarten').textContent()).toContain('未达标');
    await page.getByTestId('pay-dashboard').locator('canvas').waitFor(soon);
    await screenshot(page, 'staff-dashboards-reviewer-zh');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'staff-dashboards-print-zh');
    expect(await page.locator('.side-nav').isVisible()).toBe(false);
  });
});
