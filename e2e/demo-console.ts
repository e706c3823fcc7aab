import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newContext, signIn } from './browser.ts';
import { startDemoServer, type DemoServer } from './server.ts';

export interface PageOptions {
  locale?: 'zh-CN' | 'en-US';
  size?: { width: number; height: number };
}

export interface DemoConsole {
  server: () => DemoServer;
  /** A fresh browser profile signed in as a demo user (English at desktop size by default). */
  pageAs: (username: string, options?: PageOptions) => Promise<Page>;
}

/**
 * Starts the demo server and Chromium for a test file, and closes both after it. `analyse`
 * turns on the demo's camera analysis (model loading and inference cost a core).
 */
export function useDemoConsole(
  start: { logLevel?: 'warn' | 'info' | 'debug'; analyse?: boolean } = {},
): DemoConsole {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer(undefined, start.logLevel ?? 'warn', start.analyse ?? false),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => server,
    pageAs: async (username, options = {}) => {
      const context = await newContext(browser, {
        baseURL: server.url,
        locale: options.locale ?? 'en-US',
        ...(options.size && { size: options.size }),
      });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, username, server.password);
      return page;
    },
  };
}
