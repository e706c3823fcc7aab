import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const visibleAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt']);
const hasLetters = (text: string) => /\p{L}/u.test(text);

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** Text between JSX tags, and user-visible attributes given as plain strings. */
function bareStrings(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      visibleAttributes.has(node.name.getText(source)) &&
      node.initializer !== undefined &&
      ts.isStringLiteral(node.initializer) &&
      hasLetters(node.initializer.text)
    ) {
      found.push(node.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${path.relative(srcDir, file)}: ${text}`);
}

describe('console components', () => {
  const files = componentFiles(srcDir);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('show no text that bypasses translation', () => {
    expect(files.flatMap((file) => bareStrings(file))).toEqual([]);
  });

  it('would catch a bare string', () => {
    const probe = path.join(srcDir, 'probe.tsx');
    expect(bareStrings(probe, '<p title="Hello" className="x">Save {count} ⊘</p>')).toEqual([
      'probe.tsx: title="Hello"',
      'probe.tsx: Save',
    ]);
  });
});
