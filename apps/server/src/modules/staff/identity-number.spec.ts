import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  makeIdentityNumber,
  maskIdentityNumber,
  parseIdentityNumber,
} from './identity-number.ts';

const today = new Date('2026-12-03T00:00:00Z');
const parse = (value: string) => parseIdentityNumber(value, today);

describe('parseIdentityNumber', () => {
  it('accepts the example number of GB 11643 and reads its birth date', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(parse(' 11010519491231002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it.each([
    ['', 'format'],
    ['11010519491231002', 'format'],
    ['11010519491231002XX', 'format'],
    ['1101051949123100X2', 'format'],
    ['11010519491231002Y', 'format'],
    ['１１０１０５１９４９１２３１００２Ｘ', 'format'],
    ['00010519491231002X', 'area'],
    ['99010519491231002X', 'area'],
    ['110000194912310021', 'area'],
  ])('refuses %j as %s', (value, problem) => {
    expect(parse(value)).toEqual({ ok: false, problem });
  });

  it('computes every check character from 0 to X over real sequences', () => {
    const seen = new Set<string>();
    for (let sequence = 0; sequence < 200; sequence++) {
      const number = makeIdentityNumber('440305', '1990-06-15', sequence);
      expect(parse(number).ok).toBe(true);
      seen.add(number[17] ?? '');
    }
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it('detects every single-character substitution of a valid number', () => {
    const valid = makeIdentityNumber('440305', '1990-06-15', 123);
    for (let position = 0; position < 18; position++) {
      for (const digit of '0123456789X') {
        if (digit === valid[position] || (position < 17 && digit === 'X')) continue;
        const changed = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        expect(parse(changed).ok, changed).toBe(false);
      }
    }
  });

  it('detects every transposition of two adjacent different digits', () => {
    const valid = makeIdentityNumber('320102', '1985-11-27', 457);
    for (let i = 0; i < 17; i++) {
      const [a, b] = [valid[i], valid[i + 1]];
      if (a === b || b === 'X') continue;
      const swapped = `${valid.slice(0, i)}${b}${a}${valid.slice(i + 2)}`;
      expect(parse(swapped).ok, swapped).toBe(false);
    }
  });

  it.each([
    ['2000-02-29', true],
    ['2004-02-29', true],
    ['1900-02-28', true],
    ['1900-02-29', false],
    ['2001-02-29', false],
    ['1990-13-01', false],
    ['1990-00-10', false],
    ['1990-04-31', false],
    ['1990-04-00', false],
    ['1899-12-31', false],
    ['2026-12-03', true],
    ['2026-12-04', false],
  ])('birth date %s valid: %s', (birth, valid) => {
    const result = parse(makeIdentityNumber('110105', birth, 1));
    expect(result.ok).toBe(valid);
    if (!valid) expect(result).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('names a checksum problem only when the rest is well formed', () => {
    const valid = makeIdentityNumber('110105', '1980-01-01', 10);
    const wrong = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    expect(parse(wrong)).toEqual({ ok: false, problem: 'checksum' });
  });
});

describe('checkCharacter', () => {
  it('follows ISO 7064 MOD 11-2 for the standard example', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });
});

describe('maskIdentityNumber', () => {
  it('keeps the first six and the last four characters', () => {
    expect(maskIdentityNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('hides short values entirely', () => {
    expect(maskIdentityNumber('123456')).toBe('******');
  });
});
