import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a resource tree as `dotted.key` → value. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('console translations', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('keep each top-level section in one feature file, every file listed', () => {
    for (const [language, merged] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      const folder = path.join(import.meta.dirname, 'locales', language);
      const sections = readdirSync(folder).flatMap((file) =>
        Object.keys(JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Tree),
      );
      expect(new Set(sections).size, language).toBe(sections.length);
      expect(sections.sort(), language).toEqual(Object.keys(merged).sort());
    }
  });

  it('have exactly the same keys in both languages', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty value', () => {
    for (const [key, value] of [...english, ...chinese]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of english) {
      expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('use the words of the domain for roles and key areas', () => {
    expect(zhCN.roles.city_admin).toBe('市教育局管理员');
    expect(zhCN.roles.police).toBe('公安民警');
    expect(zhCN.layout.keyArea).toBe('重点区域');
    expect(zhCN.audit.title).toBe('审计日志');
  });
});
