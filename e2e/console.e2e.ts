import { orgTreeSchema, type OrgTree } from '@gardenwatch/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fitsWidth,
  inPage,
  launchChromium,
  navLinks,
  newContext,
  phone,
  screenshot,
  signIn,
} from './browser.ts';
import { startDemoServer, type DemoServer } from './server.ts';

let server: DemoServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A signed-in page of one demo role, in its own browser profile. */
async function pageAs(
  username: string,
  options: { locale?: 'zh-CN' | 'en-US'; size?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await newContext(browser, {
    baseURL: server.url,
    locale: options.locale ?? 'en-US',
    ...(options.size ? { size: options.size } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, username, server.password);
  return page;
}

async function treeNames(page: Page) {
  await page.getByTestId('org-tree').waitFor();
  return {
    districts: await page.locator('[data-testid="tree-district"] > a').allTextContents(),
    kindergartens: await page.locator('[data-testid="tree-kindergarten"] a').allTextContents(),
  };
}

let tree: OrgTree;
const kgId = (name: string) => {
  const kg = tree.cities
    .flatMap((c) => c.districts.flatMap((d) => d.kindergartens))
    .find((k) => k.name === name);
  if (!kg) throw new Error(`no kindergarten ${name} in the demo`);
  return kg.id;
};
/** How long a condition may take to come true on a busy machine. */
const soon = { timeout: 15_000 };
const HONGLI = '深圳市福田区红荔幼儿园';
const BEILEI = '深圳市南山区蓓蕾双语幼儿园';

beforeAll(async () => {
  // The most talkative log level, so that the last test reads every line the server wrote.
  [server, browser] = await Promise.all([startDemoServer(undefined, 'debug'), launchChromium()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

describe('sign-in', () => {
  it('speaks the browser language and says when credentials are wrong', async () => {
    const context = await newContext(browser, { baseURL: server.url, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');

    await page.waitForURL('**/sign-in');
    expect(await page.locator('h1').textContent()).toBe('登录');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await screenshot(page, 'sign-in-desktop-zh');

    await page.locator('input[name="username"]').fill('city-admin');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent(), soon)
      .toBe('用户名或密码不正确。');
  });

  it('shows when to retry after too many attempts (429)', async () => {
    const context = await newContext(browser, { baseURL: server.url, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.locator('input[name="username"]').fill('nobody-e2e');
    const error = page.getByTestId('sign-in-error');

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.locator('input[name="password"]').fill(`wrong-${attempt}`);
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.locator('form button[type="submit"]').click(),
      ]);
      statuses.push(answer.status());
    }

    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    await expect
      .poll(() => error.textContent(), soon)
      .toMatch(/^Too many attempts\. Try again at \d\d:\d\d:\d\d \(in \d+ s\)\.$/);
  });

  it('switches language on request and remembers the choice', async () => {
    const context = await newContext(browser, { baseURL: server.url, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    expect(await page.locator('h1').textContent()).toBe('Sign in');

    await page.locator('.language-switch button[lang="zh-CN"]').click();
    await expect.poll(() => page.locator('h1').textContent(), soon).toBe('登录');
    await page.reload();

    expect(await page.locator('h1').textContent()).toBe('登录');
  });
});

describe('what each role may see', () => {
  it('the city administrator sees both districts, users and the audit log with the sign-ins', async () => {
    const page = await pageAs('city-admin');
    tree = await inPage(page, `fetch('/api/org/tree').then((r) => r.json())`, orgTreeSchema);

    expect(await navLinks(page)).toEqual(
      expect.arrayContaining(['/', '/users', '/audit', '/password']),
    );
    expect(await page.getByTestId('current-role').textContent()).toBe('City administrator');
    const names = await treeNames(page);
    expect(names.districts).toEqual(['福田区', '南山区']);
    expect(names.kindergartens).toHaveLength(3);

    await page.locator('.nav-links a[href="/audit"]').click();
    await page.getByTestId('audit-row').first().waitFor();
    const actions = await page
      .locator('[data-testid="audit-row"] td:nth-child(3)')
      .allTextContents();
    expect(actions).toContain('auth.login');
    const firstTime = page.locator('[data-testid="audit-row"] td').first();
    expect(await firstTime.textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await firstTime.getAttribute('title')).toBe('Asia/Shanghai');
    await expect.poll(() => page.locator('th').first().textContent()).toContain('UTC+8');
    await screenshot(page, 'audit-desktop-en');

    await page.locator('input[name="action"]').fill('auth.login');
    await page.locator('select[name="outcome"]').selectOption('failed');
    await page.locator('.filters form button[type="submit"]').click();
    await expect
      .poll(
        async () =>
          new Set(
            await page.locator('[data-testid="audit-row"] td:nth-child(5)').allTextContents(),
          ),
        soon,
      )
      .toEqual(new Set(['Failed']));

    await page.locator('.nav-links a[href="/users"]').click();
    await page.getByTestId('user-row').first().waitFor();
    const usernames = await page
      .locator('[data-testid="user-row"] td:first-child')
      .allTextContents();
    expect(usernames).toEqual(
      expect.arrayContaining([
        'city-admin',
        'district-reviewer',
        'principal',
        'security-officer',
        'police',
        'parent',
        'maintainer',
      ]),
    );
    await screenshot(page, 'users-desktop-en');
  });

  it('the city administrator manages buildings, floors and areas', async () => {
    const page = await pageAs('city-admin');
    await page.goto(`/kindergartens/${kgId(BEILEI)}`);
    await page.getByTestId('kindergarten-page').waitFor();
    expect(await page.getByTestId('fact-type').locator('dd').textContent()).toBe('Private');
    expect(await page.getByTestId('fact-size-grade').locator('dd').textContent()).toBe('Small');
    await screenshot(page, 'kindergarten-desktop-en');

    await page.getByRole('button', { name: 'Add building' }).click();
    await page.locator('form[aria-label="Add building"] input[name="name"]').fill('E2E building');
    await page.locator('form[aria-label="Add building"] button[type="submit"]').click();
    const building = page.getByTestId('building').filter({ hasText: 'E2E building' });
    await building.waitFor();

    await building.getByRole('button', { name: 'Add floor' }).click();
    await building.locator('input[name="name"]').fill('Ground');
    await building.locator('button[type="submit"]').click();
    await building.getByTestId('floor').waitFor();

    await building.getByRole('button', { name: 'Add area' }).click();
    await building.locator('input[name="name"]').fill('E2E toilet');
    await building.locator('select[name="kind"]').selectOption('toilet');
    await building.locator('button[type="submit"]').click();
    const area = building.getByTestId('area').filter({ hasText: 'E2E toilet' });
    await area.waitFor();
    expect(await area.locator('.badge').allTextContents()).toEqual(['Never filmed']);

    await building.locator('.card-header').getByRole('button', { name: 'Archive' }).click();
    await building.locator('.card-header').getByRole('button', { name: 'Confirm' }).click();
    await building.waitFor({ state: 'detached' });
  });

  it('the district reviewer sees one district and neither users nor audit', async () => {
    const page = await pageAs('district-reviewer');

    expectNoAdministration(await navLinks(page));
    const names = await treeNames(page);
    expect(names.districts).toEqual(['福田区']);
    expect(names.kindergartens).toHaveLength(2);

    await page.goto('/audit');
    await page.getByTestId('not-allowed').waitFor();
    await page.goto(`/kindergartens/${kgId(HONGLI)}`);
    await page.getByTestId('kindergarten-page').waitFor();
    expect(await page.getByRole('button', { name: 'Add building' }).count()).toBe(0);
  });

  it('the principal sees one kindergarten only, manages its layout, officers and parents', async () => {
    const page = await pageAs('principal', { locale: 'zh-CN' });

    const principalNav = await navLinks(page);
    expect(principalNav).toEqual(expect.arrayContaining(['/', '/users', '/password']));
    expect(principalNav).not.toContain('/audit');
    expect(await page.getByTestId('current-role').textContent()).toBe('园长');
    const names = await treeNames(page);
    expect(names.kindergartens).toEqual([HONGLI]);

    await page.locator('[data-testid="tree-kindergarten"] a').click();
    await page.getByTestId('kindergarten-page').waitFor();
    expect(await page.getByRole('button', { name: '新建楼栋' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '编辑幼儿园' }).count()).toBe(0);
    expect(
      await page
        .getByTestId('area')
        .filter({ hasText: '正门' })
        .locator('.badge')
        .allTextContents(),
    ).toEqual(['重点区域']);
    await screenshot(page, 'kindergarten-desktop-zh');

    await page.goto('/users');
    await page.getByTestId('user-row').first().waitFor();
    const usernames = await page
      .locator('[data-testid="user-row"] td:first-child')
      .allTextContents();
    expect(usernames).toContain('security-officer');
    expect(usernames).not.toContain('city-admin');
    await page.getByRole('button', { name: '新建用户' }).click();
    const roleChoices = await page
      .locator('form.form-card select[name="role"] option')
      .allTextContents();
    expect(roleChoices).toEqual(['安保人员', '家长']);
    await screenshot(page, 'users-desktop-zh');

    // Another kindergarten is out of sight: the server does not even say that it exists.
    await page.goto(`/kindergartens/${kgId(BEILEI)}`);
    await page.getByTestId('not-found').waitFor();
    await page.goto('/audit');
    await page.getByTestId('not-allowed').waitFor();
  });

  it('the security officer sees their kindergarten and nothing to manage', async () => {
    const page = await pageAs('security-officer');

    expectNoAdministration(await navLinks(page));
    expect((await treeNames(page)).kindergartens).toEqual([HONGLI]);
    await page.goto(`/kindergartens/${kgId(HONGLI)}`);
    await page.getByTestId('kindergarten-page').waitFor();
    expect(await page.getByRole('button', { name: 'Add building' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
  });

  it('police see their district, without users or audit', async () => {
    const page = await pageAs('police');

    expectNoAdministration(await navLinks(page));
    expect((await treeNames(page)).districts).toEqual(['福田区']);
    await page.goto('/users');
    await page.getByTestId('not-allowed').waitFor();
  });

  it('the parent sees no users or audit link and is told plainly at /audit', async () => {
    const page = await pageAs('parent');

    expectNoAdministration(await navLinks(page));
    expect((await treeNames(page)).kindergartens).toEqual([HONGLI]);
    await page.goto('/audit');
    const notAllowed = page.getByTestId('not-allowed');
    await notAllowed.waitFor();
    expect(await notAllowed.locator('h1').textContent()).toBe('Not allowed');
    expect(await notAllowed.textContent()).toContain('Parent');
    await page.goto('/users');
    await notAllowed.waitFor();
  });

  it('the maintainer sees the kindergartens assigned, in both districts', async () => {
    const page = await pageAs('maintainer');

    expectNoAdministration(await navLinks(page));
    expect((await treeNames(page)).kindergartens.sort()).toEqual([BEILEI, HONGLI].sort());
  });
});

describe('phone width (390 px)', () => {
  it('folds the navigation into a drawer and fits the pages to the screen', async () => {
    const page = await pageAs('city-admin', { locale: 'zh-CN', size: phone });
    const nav = page.locator('#side-nav');
    const fits = () => fitsWidth(page);

    expect(await nav.isVisible()).toBe(false);
    expect(await fits()).toBe(true);
    await page.locator('.menu-button').click();
    await page.locator('[data-testid="tree-kindergarten"] a', { hasText: HONGLI }).click();
    await page.getByTestId('kindergarten-page').waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await fits()).toBe(true);
    await screenshot(page, 'kindergarten-phone-zh', false);

    await page.locator('.menu-button').click();
    expect(await page.getByTestId('org-tree').isVisible()).toBe(true);
    await screenshot(page, 'navigation-drawer-phone-zh', false);
    await page.locator('.nav-links a[href="/users"]').click();
    await page.getByTestId('user-row').first().waitFor();
    expect(await fits()).toBe(true);
    await screenshot(page, 'users-phone-zh', false);

    await page.locator('.menu-button').click();
    await page.locator('.nav-links a[href="/audit"]').click();
    await page.getByTestId('audit-row').first().waitFor();
    expect(await fits()).toBe(true);
    await screenshot(page, 'audit-phone-zh', false);
  });

  it('shows the sign-in page at phone width', async () => {
    const context = await newContext(browser, {
      baseURL: server.url,
      locale: 'en-US',
      size: phone,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.locator('input[name="username"]').waitFor();

    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'sign-in-phone-en', false);
  });
});

describe('personal data in the log', () => {
  const rowsSchema = z.object({
    items: z.array(z.object({ name: z.string(), identityNumber: z.string() })),
  });

  it('names none of the demo people after a run that read and checked them', async () => {
    const admin = await pageAs('city-admin');
    tree = orgTreeSchema.parse(await (await admin.request.get('/api/org/tree')).json());
    const people: { name: string; identityNumber: string }[] = [];
    for (const kg of tree.cities.flatMap((c) => c.districts.flatMap((d) => d.kindergartens))) {
      const staff = await admin.request.get(`/api/staff?kindergartenId=${kg.id}&limit=500`);
      expect(staff.status()).toBe(200);
      people.push(...rowsSchema.parse(await staff.json()).items);
    }
    const barred = await admin.request.get('/api/blacklist?limit=100');
    expect(barred.status()).toBe(200);
    const entries = rowsSchema.parse(await barred.json()).items;
    people.push(...entries);
    expect(people.length).toBeGreaterThan(20);
    const [entry] = entries;
    if (!entry) throw new Error('the demo has no blacklist entry');

    // A principal's hiring check sends a barred person's name and number through the server.
    const principal = await pageAs('principal');
    const me = z
      .object({ csrfToken: z.string() })
      .parse(await (await principal.request.get('/api/auth/me')).json());
    const check = await principal.request.post('/api/hiring-checks', {
      headers: { 'x-csrf-token': me.csrfToken, origin: server.url },
      data: {
        kindergartenId: kgId(HONGLI),
        identityNumber: entry.identityNumber,
        name: entry.name,
        consentReference: 'consent form 2026-001',
      },
    });
    expect(check.status()).toBe(201);
    expect(await check.json()).toMatchObject({ result: 'not_eligible' });

    const log = server.output();
    expect(log).toContain('"msg":');
    const leaked = people.filter(
      (p) => log.includes(p.name) || log.includes(p.identityNumber.slice(-8)),
    );
    expect(leaked.map((p) => p.name)).toEqual([]);
  });
});

/** Roles below the city and the principal get neither user management nor the audit log. */
function expectNoAdministration(links: string[]): void {
  expect(links).toEqual(expect.arrayContaining(['/', '/password']));
  expect(links).not.toContain('/users');
  expect(links).not.toContain('/audit');
}
