import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv-export.ts';

describe('csvField', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+86 1234', "'+86 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['张三', '张三'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    [' padded', '" padded"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers, including negative ones, as numbers and empty values as nothing', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(650000)).toBe('650000');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [['=1', 2]])).toBe("\uFEFFa,b\r\n'=1,2\r\n");
  });
});
