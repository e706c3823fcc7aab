import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitsWidth, inPage, phone, screenshot } from './browser.ts';
import { useDemoConsole } from './demo-console.ts';

const { pageAs } = useDemoConsole();

/** The id of the demo kindergarten with the most cameras, read through the API as the user. */
async function hongliId(page: Page): Promise<string> {
  const items = await inPage(
    page,
    `fetch('/api/kindergartens').then((r) => r.json()).then((b) => b.items)`,
    z.array(z.object({ id: z.string(), name: z.string() })),
  );
  return items.find((k) => k.name.includes('红荔'))!.id;
}

/** The demo cameras are encoded live; their first samples take a while on a busy machine. */
const soon = { timeout: 90_000 };

describe('camera health in the console', () => {
  it('shows the maintainer a tile per camera with its state, figures and 24 h strip', async () => {
    const page = await pageAs('maintainer');
    const id = await hongliId(page);
    await page.goto(`/kindergartens/${id}/health`);
    await page.getByTestId('health-page').waitFor();
    await page.getByTestId('health-tile').first().waitFor(soon);
    expect(await page.getByTestId('health-tile').count()).toBeGreaterThanOrEqual(4);
    await page.locator('.health-tile .badge-ok').first().waitFor(soon);
    await page.locator('.health-tile .slot:not(.slot-none)').first().waitFor(soon);
    await screenshot(page, 'health-page');
    await page.setViewportSize(phone);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'health-page-phone');

    await page.goto(`/kindergartens/${id}/storage`);
    await page.getByTestId('days-at-rate').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'storage-page-phone');
    await page.goto('/work-orders');
    await page.getByTestId('open-orders').waitFor();
    await screenshot(page, 'work-orders-maintainer-phone');
  });

  it('shows the district reviewer the overdue list and a parent no health at all', async () => {
    const reviewer = await pageAs('district-reviewer', { locale: 'zh-CN' });
    await reviewer.goto('/work-orders');
    await reviewer.getByTestId('overdue-orders').waitFor();
    expect(await reviewer.getByTestId('open-orders').count()).toBe(0);
    await screenshot(reviewer, 'work-orders-reviewer');

    const parent = await pageAs('parent');
    const id = await hongliId(parent);
    await parent.goto(`/kindergartens/${id}/health`);
    await parent.getByTestId('health-page').waitFor();
    expect(await parent.getByTestId('health-tile').count()).toBe(0);
    await parent.getByTestId('not-allowed').waitFor();
    expect(await parent.locator('.nav-links a[href="/work-orders"]').count()).toBe(0);
  });
});
