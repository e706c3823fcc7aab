import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitsWidth, inPage, phone, screenshot } from './browser.ts';
import { useDemoConsole } from './demo-console.ts';

const demo = useDemoConsole();
const { pageAs } = demo;

/** How long a condition may take to come true on a busy machine. */
const soon = { timeout: 30_000 };
const HONGLI = '深圳市福田区红荔幼儿园';
const PILLAR_ROOM = '小二班活动室';

const treeSchema = z.object({
  cities: z.array(
    z.object({
      districts: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kindergartens: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
      ),
    }),
  ),
});
const kgPageSchema = z.object({
  buildings: z.array(
    z.object({
      name: z.string(),
      floors: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          areas: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
      ),
    }),
  ),
});
const coverageSchema = z.object({ deadZones: z.array(z.object({ areaId: z.string() })) });

async function getJson<T>(page: Page, url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return schema.parse(await response.json());
}

/**
 * Where a plan point (metres) is on the screen, through the drawing's own transform; a long
 * floor scrolls sideways in its box, so the point is first scrolled to the middle of it.
 */
function screenPoint(page: Page, x: number, y: number) {
  return inPage(
    page,
    `(() => {
      const svg = document.querySelector('[data-testid="plan-canvas"]');
      const box = svg.parentElement;
      const at = () => new DOMPoint(${x}, ${y}).matrixTransform(svg.getScreenCTM());
      const frame = box.getBoundingClientRect();
      box.scrollLeft += at().x - frame.left - frame.width / 2;
      const p = at();
      return { x: p.x, y: p.y };
    })()`,
    z.object({ x: z.number(), y: z.number() }),
  );
}

describe('floor plan (principal)', () => {
  let page: Page;
  let floorId: string;
  let pillarRoomId: string;

  beforeAll(async () => {
    page = await pageAs('principal');
    const tree = await getJson(page, '/api/org/tree', treeSchema);
    const kg = tree.cities[0]!.districts.flatMap((d) => d.kindergartens).find(
      (k) => k.name === HONGLI,
    )!;
    const kgPage = await getJson(page, `/api/kindergartens/${kg.id}/page`, kgPageSchema);
    const floor = kgPage.buildings
      .find((b) => b.name === '教学楼')!
      .floors.find((f) => f.name === '1层')!;
    floorId = floor.id;
    pillarRoomId = floor.areas.find((a) => a.name === PILLAR_ROOM)!.id;
  });

  it('shows what the cameras see, the DORI bands and the dead zone behind the pillar', async () => {
    await page.goto(`/floors/${floorId}/plan`);
    await page.getByTestId('plan-summary').waitFor(soon);
    expect(await page.getByTestId('plan-camera').count()).toBeGreaterThan(10);
    expect(await page.locator('.band-identify').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('dead-zone').count()).toBeGreaterThan(0);
    const before = await getJson(page, `/api/coverage/floors/${floorId}/coverage`, coverageSchema);
    expect(before.deadZones.some((z) => z.areaId === pillarRoomId)).toBe(true);
    await screenshot(page, 'coverage-plan-principal');
  });

  it('draws a wall and undoes it, then adds a camera that closes the dead zone and saves', async () => {
    await page.getByRole('button', { name: 'Edit plan' }).click();
    await page.getByTestId('plan-editor').waitFor(soon);
    const walls = await page.locator('.plan-wall').count();

    await page.getByRole('button', { name: 'Draw wall' }).click();
    for (const [x, y] of [
      [38, 1],
      [38, 4],
    ] as const) {
      const p = await screenPoint(page, x, y);
      await page.mouse.click(p.x, p.y);
    }
    expect(await page.locator('.plan-wall').count()).toBe(walls + 1);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await page.locator('.plan-wall').count()).toBe(walls);

    await page.getByRole('button', { name: 'Add camera' }).click();
    const at = await screenPoint(page, 45.5, 5.5);
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('camera-panel').waitFor(soon);
    await page.locator('input[name="x"]').fill('45.89');
    await page.locator('input[name="y"]').fill('5.89');
    await page.locator('input[name="direction"]').fill('-135');
    await screenshot(page, 'coverage-editor-principal');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByTestId('plan-summary').waitFor(soon);
    const after = await getJson(page, `/api/coverage/floors/${floorId}/coverage`, coverageSchema);
    expect(after.deadZones.some((z) => z.areaId === pillarRoomId)).toBe(false);
    await screenshot(page, 'coverage-plan-after-edit');
  });

  it('puts a scaled background drawing under the plan', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="90">' +
      '<rect x="0" y="0" width="1000" height="90" fill="#fffbe6" stroke="#999"/></svg>';
    await page.locator('.background-form summary').click();
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/background'));
    await page.locator('.background-form input[type="file"]').setInputFiles({
      name: 'plan.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from(svg),
    });
    expect((await uploaded).status()).toBe(200);
    const inputs = page.locator('.scale-form input');
    await inputs.nth(2).fill('1000');
    await inputs.nth(4).fill('100');
    await page.getByRole('button', { name: 'Save scale' }).click();
    await page.locator('[data-testid="plan-canvas"] image').waitFor({ state: 'attached', ...soon });
    const plan = await getJson(
      page,
      `/api/coverage/floors/${floorId}/plan`,
      z.object({ metresPerPixel: z.number(), background: z.object({ contentType: z.string() }) }),
    );
    expect(plan).toMatchObject({
      metresPerPixel: 0.1,
      background: { contentType: 'image/svg+xml' },
    });
  });
});

describe('compliance report (district reviewer)', () => {
  let page: Page;

  beforeAll(async () => {
    page = await pageAs('district-reviewer', { locale: 'zh-CN' });
  });

  it('opens the district report and, from it, the kindergarten report with its dead zones', async () => {
    const tree = await getJson(page, '/api/org/tree', treeSchema);
    const district = tree.cities[0]!.districts[0]!;
    await page.goto(`/districts/${district.id}`);
    await page.getByRole('link', { name: '覆盖达标报告' }).click();
    await page.getByTestId('district-kindergartens').waitFor(soon);
    expect(await page.locator('[data-testid="district-kindergartens"] tbody tr').count()).toBe(2);
    await screenshot(page, 'coverage-district-report');

    await page.getByTestId('district-kindergartens').getByRole('link', { name: HONGLI }).click();
    await page.getByTestId('dead-zone-table').waitFor(soon);
    const text = await page.getByTestId('dead-zone-table').innerText();
    expect(text).toContain('2层走廊');
    await screenshot(page, 'coverage-kindergarten-report');
  });

  it('fits a phone and shows the acceptance checklist', async () => {
    const small = await pageAs('district-reviewer', { locale: 'zh-CN', size: phone });
    const tree = await getJson(small, '/api/org/tree', treeSchema);
    const kg = tree.cities[0]!.districts[0]!.kindergartens.find((k) => k.name === HONGLI)!;
    await small.goto(`/kindergartens/${kg.id}/compliance`);
    await small.getByTestId('compliance-totals').waitFor(soon);
    expect(await fitsWidth(small)).toBe(true);
    await screenshot(small, 'coverage-kindergarten-report-phone');
    await small.goto(`/kindergartens/${kg.id}/programme`);
    await small.getByTestId('checklist').waitFor(soon);
    expect(await small.locator('.check').count()).toBe(4);
    await screenshot(small, 'coverage-programme-phone');
  });
});

describe('programme progress (city administrator)', () => {
  it('shows every district with its kindergartens by stage', async () => {
    const page = await pageAs('city-admin');
    await page.goto('/programme');
    await page.getByTestId('programme-page').waitFor(soon);
    expect(await page.locator('[data-testid="programme-page"] tbody tr').count()).toBe(2);
    await screenshot(page, 'coverage-programme-city');
  });
});
