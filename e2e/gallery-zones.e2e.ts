import path from 'node:path';
import { sharedMediaDir } from '@gardenwatch/vision/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitsWidth, inPage, phone, screenshot } from './browser.ts';
import { useDemoConsole } from './demo-console.ts';

const demo = useDemoConsole();
const { pageAs } = demo;

const media = sharedMediaDir();

describe.skipIf(!media)('face gallery and zones in the console', () => {
  it('refuses a group photo with the reason, then enrols a principal’s staff member', async () => {
    const page = await pageAs('principal');
    await page.goto('/gallery');
    await page.getByTestId('gallery-page').waitFor();
    const select = page.locator('[data-testid="enrol-form"] select');
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    await select.selectOption((await select.locator('option').nth(1).getAttribute('value')) ?? '');
    const faces = (files: string[]) => files.map((f) => path.join(media ?? '', 'faces', f));
    const lisa = (n: number) => `identities/wmr_lisa/lisa${n}.jpg`;
    const submit = page.locator('[data-testid="enrol-form"] button[type="submit"]');

    await page
      .locator('input[type="file"]')
      .setInputFiles(faces([lisa(1), 'group/faceapi_sample1.jpg', lisa(2)]));
    await submit.click();
    await page.getByText(/Photo 2: several faces were found/).waitFor({ timeout: 90_000 });
    await page.locator('input[type="file"]').setInputFiles(faces([lisa(1), lisa(2), lisa(3)]));
    await submit.click();
    await page.getByTestId('gallery-entry').waitFor({ timeout: 60_000 });
    await screenshot(page, 'gallery');
  });

  it('draws a perimeter zone over a camera and keeps it', async () => {
    const page = await pageAs('principal', { size: phone });
    await page.goto('/video');
    const ids = await inPage(
      page,
      `fetch('/api/cameras').then((r) => r.json()).then((b) => b.items.map((c) => c.id))`,
      z.array(z.string()),
    );
    await page.goto(`/video/cameras/${ids[0] ?? ''}/zones`);
    const canvas = page.getByTestId('zone-canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    for (const [fx, fy] of [
      [0.1, 0.6],
      [0.6, 0.6],
      [0.5, 0.95],
    ] as const)
      await page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
    await page.getByRole('button', { name: 'Add zone' }).click();
    await page.getByRole('button', { name: 'Save zones' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await fitsWidth(page)).toBe(true);

    await page.reload();
    await page.getByTestId('zone').first().waitFor();
    expect(await page.getByTestId('zone').count()).toBe(1);
    await screenshot(page, 'zone-editor-phone', false);
  });
});
