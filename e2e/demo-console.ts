import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newContext, signIn } from './browser.ts';
import { startDemoServer, type DemoServer } from './server.ts';

export interface DemoConsole {
  server: () => DemoServer;
  /** A fresh browser profile signed in as a demo user. */
  pageAs: (username: string, locale?: 'zh-CN' | 'en-US') => Promise<Page>;
}

/** Starts the demo server and Chromium for a test file, and closes both after it. */
export function useDemoConsole(): DemoConsole {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => server,
    pageAs: async (username, locale = 'en-US') => {
      const context = await newContext(browser, { baseURL: server.url, locale });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, username, server.password);
      return page;
    },
  };
}
