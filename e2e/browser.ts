import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { z } from 'zod';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = path.join(root, 'test-results', 'screenshots');

export const desktop = { width: 1280, height: 800 } as const;
export const phone = { width: 390, height: 844 } as const;

/** Debian's Chromium, headless, with nothing that phones home or slows the start. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface ContextOptions {
  baseURL: string;
  locale: 'zh-CN' | 'en-US';
  size?: { width: number; height: number };
}

/** A fresh browser profile: its own cookies and storage, a language, a screen size. */
export function newContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const size = options.size ?? desktop;
  const isPhone = size.width < 600;
  return browser.newContext({
    baseURL: options.baseURL,
    locale: options.locale,
    viewport: size,
    isMobile: isPhone,
    hasTouch: isPhone,
    deviceScaleFactor: 1,
    timezoneId: 'Europe/London',
  });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
}

/** Saves a screenshot as a test artefact: the whole page, or what a phone screen shows. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

/**
 * Runs an expression in the page. Written as text because this project's type check has no DOM
 * library; the answer is checked against a zod schema instead.
 */
export async function inPage<T>(page: Page, expression: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await page.evaluate(expression));
}

/** Link targets in the main navigation, e.g. ['/', '/users', '/audit', '/password']. */
export function navLinks(page: Page): Promise<string[]> {
  return inPage(
    page,
    `[...document.querySelectorAll('.nav-links a')].map((a) => a.getAttribute('href'))`,
    z.array(z.string()),
  );
}

/** Whether the page fits the window's width, with no sideways scrolling. */
export function fitsWidth(page: Page): Promise<boolean> {
  return inPage(page, 'document.documentElement.scrollWidth <= window.innerWidth', z.boolean());
}
