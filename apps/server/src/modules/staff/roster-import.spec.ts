import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../../test/test-platform.ts';
import { makeIdentityNumber } from './identity-number.ts';
import type { StaffContext } from './staff-access.ts';
import {
  createStaffKit,
  newIdentityNumber,
  newKindergarten,
  type StaffKit,
} from './staff.fixtures.ts';

const HEADER = '姓名,身份证号,岗位,学历,教师资格证号,资格证有效期至,入职日期,离职日期,月工资(元)';

const good = (n: number) => makeIdentityNumber('440305', '1990-05-20', n);
const badChecksum = () => {
  const valid = good(999);
  return `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
};

function roster(): string {
  return [
    HEADER,
    `王芳,${good(1)},教师,本科,2019440001,2029-08-31,2019-09-01,,8500`,
    `李娜,${good(2)},保育员,大专,,,2021/3/1,,"5,200.50"`,
    `张伟,${badChecksum()},教师,大专,,,2020-09-01,,7000`,
    `赵敏,${good(3)},园丁,本科,,,2020-09-01,,7000`,
    `刘洋,${good(1)},厨师,初中,,,2020-09-01,,4000`,
    `陈静,${good(4)},教师,本科,,,2020-02-30,,7000`,
    `"=HYPERLINK(""http://x"")",${good(5)},保安,高中,,,2018-01-01,,4500`,
  ].join('\r\n');
}

describe.each(backends)('roster import on %s', (backend) => {
  let kit: StaffKit;
  let kindergartenId: string;
  let principal: StaffContext;
  beforeAll(async () => {
    kit = await createStaffKit(backend);
  });
  afterAll(async () => kit.close());
  // Each test imports into a kindergarten of its own.
  beforeEach(async () => {
    ({ kindergartenId, principal } = await newKindergarten(kit));
  });

  const run = (bytes: Buffer, mode: 'dry_run' | 'all' | 'valid_only') =>
    kit.s.imports.run(principal, { kindergartenId, mode, bytes });
  const versions = async () =>
    Number(
      (
        await kit.test.platform.db
          .selectFrom('staff_versions')
          .innerJoin('staff', 'staff.id', 'staff_versions.staff_id')
          .where('staff.kindergarten_id', '=', kindergartenId)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('reports every row error with its row number on a dry run and writes nothing', async () => {
    const report = await run(Buffer.from(roster(), 'utf8'), 'dry_run');

    expect(report).toMatchObject({
      encoding: 'utf-8',
      rowsTotal: 7,
      rowsValid: 3,
      written: false,
      created: 3,
    });
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'bad_identity_number'],
      [5, 'unknown_role'],
      [6, 'duplicate'],
      [7, 'bad_date'],
    ]);
    expect(report.errors.find((e) => e.row === 6)?.message).toContain('row 2');
    expect(await versions()).toBe(0);
  });

  it('refuses mode all while any row has an error, and imports the valid rows on request', async () => {
    const bytes = Buffer.from(roster(), 'utf8');

    const refused = await run(bytes, 'all');
    expect(refused.written).toBe(false);
    expect(await versions()).toBe(0);

    const done = await run(bytes, 'valid_only');
    expect(done).toMatchObject({ written: true, created: 3, updated: 0 });
    const list = await kit.s.staff.list(principal, {
      kindergartenId,
      limit: 100,
      offset: 0,
    });
    expect(list.items.map((i) => i.name).sort()).toEqual(
      ['=HYPERLINK("http://x")', '李娜', '王芳'].sort(),
    );
    expect(list.items.find((i) => i.name === '李娜')).toMatchObject({
      role: 'assistant',
      education: 'associate',
      hiredOn: '2021-03-01',
      monthlyPayFen: 520_050,
      status: 'pending_check',
    });
  });

  it('changes nothing when the same file is imported again, and versions a changed row', async () => {
    const bytes = Buffer.from(roster(), 'utf8');
    await run(bytes, 'valid_only');
    const before = await versions();

    const again = await run(bytes, 'valid_only');
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await versions()).toBe(before);

    const raised = roster().replace(',8500', ',9000');
    const changed = await run(Buffer.from(raised, 'utf8'), 'valid_only');
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await versions()).toBe(before + 1);
  });

  it('reads UTF-8 with a BOM and GB 18030 (GBK) the same way', async () => {
    const text = [HEADER, `王芳,${good(1)},教师,本科,,,2019-09-01,,8500`].join('\n');
    const bom = await run(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'dry_run',
    );
    const gbk = await run(iconv.encode(text, 'gbk'), 'dry_run');

    expect(bom).toMatchObject({ encoding: 'utf-8-bom', rowsValid: 1, errors: [] });
    expect(gbk).toMatchObject({ encoding: 'gb18030', rowsValid: 1, errors: [] });
    await run(iconv.encode(text, 'gbk'), 'all');
    const [person] = (
      await kit.s.staff.list(principal, {
        kindergartenId,
        limit: 10,
        offset: 0,
      })
    ).items;
    expect(person?.name).toBe('王芳');
  });

  it('refuses a header without the required columns and a file over the row limit', async () => {
    await expect(run(Buffer.from('姓名,身份证号\n王芳,1'), 'dry_run')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      details: { missing: ['role', 'education', 'hiredOn', 'monthlyPay'] },
    });
    const line = `王芳,${good(1)},教师,本科,,,2019-09-01,,8500`;
    const huge = [HEADER, ...Array.from({ length: 20_001 }, () => line)].join('\n');
    await expect(run(Buffer.from(huge), 'dry_run')).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('reads XLSX: cached formula values, formulas without one, merged cells, a title row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['2026 年教职工花名册']);
    sheet.mergeCells('A1:I1');
    sheet.addRow(HEADER.split(','));
    const idA = newIdentityNumber();
    const idB = newIdentityNumber();
    const idC = newIdentityNumber();
    sheet.addRow([
      '周红',
      idA,
      '教师',
      { formula: 'D4', result: '本科' },
      null,
      null,
      '2019-09-01',
      null,
      8000,
    ]);
    sheet.addRow([
      '吴刚',
      idB,
      null,
      '本科',
      null,
      null,
      new Date(Date.UTC(2020, 8, 1)),
      null,
      7600,
    ]);
    sheet.addRow([
      '郑洁',
      idC,
      null,
      '大专',
      null,
      null,
      '2021-09-01',
      null,
      { formula: 'I3*0.9' },
    ]);
    sheet.mergeCells('C3:C5');
    const bytes = Buffer.from(await book.xlsx.writeBuffer());

    const report = await run(bytes, 'valid_only');

    expect(report.format).toBe('xlsx');
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 5, column: 'monthlyPay', code: 'formula_without_value' }),
    ]);
    expect(report).toMatchObject({ rowsTotal: 3, rowsValid: 2, created: 2, written: true });
    const list = await kit.s.staff.list(principal, {
      kindergartenId,
      limit: 10,
      offset: 0,
    });
    expect(list.items.map((i) => [i.name, i.role, i.education, i.hiredOn]).sort()).toEqual(
      [
        ['吴刚', 'teacher', 'bachelor', '2020-09-01'],
        ['周红', 'teacher', 'bachelor', '2019-09-01'],
      ].sort(),
    );
  });

  it('refuses a file that is not a workbook though it looks like a zip, without crashing', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    await expect(run(bytes, 'dry_run')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lets only those who manage staff of the kindergarten import', async () => {
    const bytes = Buffer.from(roster(), 'utf8');
    await expect(
      kit.s.imports.run(kit.otherPrincipal, {
        kindergartenId,
        mode: 'dry_run',
        bytes,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
