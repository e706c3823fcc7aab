import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitsWidth, inPage, phone, screenshot } from './browser.ts';
import { useDemoConsole } from './demo-console.ts';

const demo = useDemoConsole();
const { pageAs } = demo;

const playhead = (page: Page, testId: string) =>
  inPage(
    page,
    `document.querySelector('[data-testid="${testId}"]')?.currentTime ?? -1`,
    z.number(),
  );

/** How long a condition may take on a busy machine (the demo cameras are encoded live). */
const soon = { timeout: 60_000 };

describe('watching video in the console', () => {
  it('lets the security officer watch live: the video element advances', async () => {
    const page = await pageAs('security-officer');
    await page.goto('/video?layout=1');
    await page.getByTestId('live-grid-page').waitFor();
    await page.waitForFunction(
      `(document.querySelector('[data-testid="live-video"]')?.currentTime ?? 0) > 1`,
      undefined,
      soon,
    );
    const first = await playhead(page, 'live-video');
    await page.waitForTimeout(2000);
    expect(await playhead(page, 'live-video')).toBeGreaterThan(first);
    await screenshot(page, 'video-live-grid');
    await page.setViewportSize(phone);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'video-live-grid-phone');
  });

  it('plays back recorded footage from the timeline, with the keyboard', async () => {
    const page = await pageAs('security-officer');
    await page.goto('/video?layout=1');
    const link = page.locator('.video-tile-bar a').nth(1);
    await link.click();
    await page.getByTestId('playback-page').waitFor();
    await page.getByTestId('timeline').waitFor(soon);
    await page.getByTestId('playback-video').waitFor();
    await page.waitForFunction(
      `document.querySelector('[data-testid="playback-video"]')?.readyState >= 2`,
      undefined,
      soon,
    );
    await page.keyboard.press('Space');
    await page.waitForFunction(
      `!document.querySelector('[data-testid="playback-video"]')?.paused`,
      undefined,
      soon,
    );
    const first = await playhead(page, 'playback-video');
    await page.waitForTimeout(2000);
    expect(await playhead(page, 'playback-video')).toBeGreaterThan(first);
    await page.keyboard.press('l');
    expect(
      await inPage(
        page,
        `document.querySelector('[data-testid="playback-video"]').playbackRate`,
        z.number(),
      ),
    ).toBe(2);
    await expect(page.getByTestId('playback-time').textContent()).resolves.toMatch(
      /\d{2}:\d{2}:\d{2}/,
    );
    await page.getByRole('button', { name: '10 minutes' }).click();
    await page.locator('.timeline-span').first().waitFor();
    await screenshot(page, 'video-playback');
  });

  it('plays the cameras of one area in sync on one timeline', async () => {
    const page = await pageAs('security-officer');
    await page.goto('/video?layout=4');
    await page.getByTestId('live-grid-page').waitFor();
    await page.getByLabel('Area').selectOption({ label: '正门' });
    await page.waitForFunction(
      `document.querySelectorAll('.video-tile').length === 2`,
      undefined,
      soon,
    );
    await page.getByRole('link', { name: 'Whole area in sync' }).click();
    await page.getByTestId('area-playback-page').waitFor();
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="synced-tile"] video')].filter((v) => v.readyState >= 2).length === 2`,
      undefined,
      soon,
    );
    expect(await page.locator('.timeline-row').count()).toBe(2);
    // Placed at the moment asked for once both playlists are read: the clock shows a time.
    await page.waitForFunction(
      `/\\d{2}:\\d{2}:\\d{2}/.test(document.querySelector('[data-testid="sync-time"]')?.textContent ?? '')`,
      undefined,
      soon,
    );
    await page.getByTestId('sync-play').click();
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="synced-tile"] video')].every((v) => !v.paused)`,
      undefined,
      soon,
    );
    await page.waitForTimeout(4000);
    const walls = await inPage(
      page,
      `[...document.querySelectorAll('[data-testid="synced-tile"] video')].map((v) => ({ wall: Number(v.dataset.wall), paused: v.paused }))`,
      z.array(z.object({ wall: z.number(), paused: z.boolean() })),
    );
    expect(walls.map((w) => w.paused)).toEqual([false, false]);
    expect(Math.abs(walls[0]!.wall - walls[1]!.wall)).toBeLessThan(1000);
    await screenshot(page, 'video-area-playback');
  });

  it('tells a parent plainly that live video is not for parents, in both languages', async () => {
    const page = await pageAs('parent');
    await page.goto('/video');
    const refusal = page.getByTestId('video-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('footage request');
    expect(await page.locator('video').count()).toBe(0);
    await screenshot(page, 'video-parent-refused');

    const zh = await pageAs('parent', { locale: 'zh-CN' });
    await zh.goto('/video/cameras/00000000-0000-4000-8000-000000000000/playback');
    await zh.getByTestId('video-refusal').waitFor();
    expect(await zh.getByTestId('video-refusal').textContent()).toContain('录像调阅申请');
    await screenshot(zh, 'video-parent-refused-zh');
  });
});
