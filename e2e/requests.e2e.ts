import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitsWidth, inPage, phone, screenshot } from './browser.ts';
import { useDemoConsole } from './demo-console.ts';

const demo = useDemoConsole();
const { pageAs } = demo;

/** `YYYY-MM-DDTHH:mm:ss` in UTC, as the browser (Europe/London in December) shows it. */
const local = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const slow = { timeout: 240_000 };

describe('footage request in the console: apply, review, redact, watch the release', () => {
  let requestUrl = '';

  it('a parent applies for the class rooms of the last half minute', async () => {
    // The demo cameras record from the server's start; let a few segments close first.
    await new Promise((resolve) => setTimeout(resolve, 40_000));
    const page = await pageAs('parent');
    await page.goto('/requests');
    await page.getByTestId('requests-page').waitFor();
    const now = Date.now();
    await page.locator('input[name="from"]').fill(local(now - 30_000));
    await page.locator('input[name="to"]').fill(local(now - 2_000));
    await page.locator('select[name="reason"]').selectOption('child_conflict');
    await page.locator('textarea[name="description"]').fill('Pushed near the door at snack time');
    await screenshot(page, 'requests-apply');
    await page.getByRole('button', { name: 'Apply' }).last().click();
    await page.getByTestId('request-page').waitFor();
    requestUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId('request-status').textContent()).toContain('Waiting for review');
    // A medical note as a PNG: the server checks the type from its first bytes.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await page
      .getByLabel('Add an attachment')
      .setInputFiles({ name: 'medical-note.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('attachments').getByText('medical-note.png').waitFor();
    await screenshot(page, 'request-pending');

    const mobile = await pageAs('parent', { size: phone });
    await mobile.goto('/requests');
    await mobile.getByTestId('my-requests').waitFor();
    expect(await fitsWidth(mobile)).toBe(true);
    await screenshot(mobile, 'requests-phone', false);
  }, 180_000);

  it('the district reviewer finds the faces, unmasks one track if any, and releases', async () => {
    const page = await pageAs('district-reviewer');
    await page.goto('/requests');
    await page.getByTestId('request-queue').waitFor();
    await screenshot(page, 'requests-queue');
    await page.goto(requestUrl);
    await page.getByRole('button', { name: 'Find and track faces' }).click();
    await page.getByText('Faces tracked').first().waitFor(slow);
    const tracks = page.getByTestId('track');
    if ((await tracks.count()) > 0) {
      // The choice is saved on the server; the box shows it once the answer is back.
      await tracks.first().locator('input').click();
      await page.locator('[data-testid="track"] input:checked').first().waitFor();
    }
    await screenshot(page, 'request-review');
    await page.getByRole('button', { name: 'Decide' }).click();
    await page.getByTestId('release-viewer').waitFor(slow);
  }, 300_000);

  it('the parent watches the redacted, watermarked clip', async () => {
    const page = await pageAs('parent');
    await page.goto(requestUrl);
    await page.getByTestId('release-video').first().waitFor(slow);
    await page.waitForFunction(
      `(document.querySelector('[data-testid="release-video"]')?.readyState ?? 0) >= 2`,
      undefined,
      { timeout: 60_000 },
    );
    const width = await inPage(
      page,
      `document.querySelector('[data-testid="release-video"]').videoWidth`,
      z.number(),
    );
    expect(width).toBeGreaterThan(0);
    await screenshot(page, 'request-release');
  }, 300_000);
});

describe('police case in the console: key areas at once, a classroom after approval', () => {
  it('an officer registers a case and a district reviewer approves the classroom', async () => {
    const police = await pageAs('police');
    await police.goto('/police-cases');
    await police.getByTestId('police-cases-page').waitFor();
    const form = police.getByRole('form', { name: 'Register a case' });
    await form.getByLabel('Case number').fill('FT-2026-0042');
    await form.getByLabel('Kindergarten').selectOption({ label: '深圳市福田区红荔幼儿园' });
    const now = Date.now();
    await form.getByLabel('From', { exact: true }).fill(local(now - 3_600_000).slice(0, 16));
    await form.getByLabel('To', { exact: true }).fill(local(now).slice(0, 16));
    await form.getByLabel('Reason').fill('Report of an injured child at the gate');
    await form.getByLabel(/正门 \(key area\)/).check();
    await form.getByLabel('小一班活动室').check();
    await form.getByRole('button', { name: 'Register', exact: true }).click();
    const areas = police.getByTestId('case-area');
    await areas.nth(1).waitFor();
    const texts = await areas.allTextContents();
    expect(texts.some((text) => /^正门 open/.test(text))).toBe(true);
    expect(texts.some((text) => /^小一班活动室 waiting for approval/.test(text))).toBe(true);
    await screenshot(police, 'police-case-registered');

    const reviewer = await pageAs('district-reviewer', { locale: 'zh-CN' });
    await reviewer.goto('/police-cases');
    await reviewer.getByTestId('police-case').first().waitFor();
    await reviewer.getByRole('button', { name: '批准' }).first().click();
    await reviewer.getByText('已批准').first().waitFor();
    await screenshot(reviewer, 'police-case-approved-zh');

    await police.reload();
    await police.getByText('approved').first().waitFor();
    const card = police.getByTestId('police-case');
    expect(await card.getByRole('link', { name: 'Watch', exact: true }).count()).toBe(2);
  }, 120_000);
});
