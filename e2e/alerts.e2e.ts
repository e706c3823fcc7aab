import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitsWidth, inPage, navLinks, phone, screenshot } from './browser.ts';
import { useDemoConsole } from './demo-console.ts';

const demo = useDemoConsole({ analyse: true });
const { pageAs } = demo;

/** Model loading and the first analysed frames take a while on a loaded 2-core machine. */
const analysis = { timeout: 110_000 };

describe('alerts in the console', () => {
  it('shows the analysed alert in the inbox, opens it and acknowledges it', async () => {
    const page = await pageAs('security-officer');
    await page.goto('/alerts');
    await page.getByTestId('alerts-page').waitFor();
    // The inbox is open before the analysis raises anything: the row arrives over the socket.
    await page.getByTestId('alert-row').first().waitFor(analysis);
    await screenshot(page, 'alerts-inbox');

    await page.getByTestId('alert-row').first().locator('a').click();
    await page.getByTestId('alert-page').waitFor();
    await page.waitForFunction(
      `document.querySelector('[data-testid="alert-snapshot"]')?.naturalWidth > 0`,
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.getByTestId('alert-clip').count()).toBe(1);

    await page.getByRole('button', { name: 'False alarm' }).click();
    await page.getByText('Write a note first.').waitFor();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('button', { name: 'Acknowledge' }).waitFor({ state: 'detached' });
    await page.locator('textarea').fill('Walked over: a member of staff resting, all well.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('alert-actions').waitFor({ state: 'detached' });
    const notes = await page.locator('.alert-notes li').allTextContents();
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('Acknowledged');
    expect(notes[1]).toContain('Resolved');
    expect(notes[1]).toContain('a member of staff resting');
    await screenshot(page, 'alert-page');
  });

  it('fits a phone screen', async () => {
    const page = await pageAs('security-officer', { locale: 'zh-CN', size: phone });
    await page.goto('/alerts');
    await page.getByTestId('alerts-page').waitFor();
    await page.locator('select').first().selectOption('');
    await page.getByTestId('alert-row').first().waitFor(analysis);
    expect(await fitsWidth(page)).toBe(true);
    await page.getByTestId('alert-row').first().locator('a').click();
    await page.getByTestId('alert-page').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'alert-page-phone');
  });

  it('gives a parent no alerts link and no alerts', async () => {
    const page = await pageAs('parent');
    expect(await navLinks(page)).not.toContain('/alerts');
    const items = await inPage(
      page,
      `fetch('/api/alerts').then((r) => r.json()).then((b) => b.items.length)`,
      z.number(),
    );
    expect(items).toBe(0);
  });
});
