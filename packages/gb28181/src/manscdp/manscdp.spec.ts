import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildCatalogResponses, type CatalogItem } from './catalog.ts';
import { parseManscdp, parseQuery } from './manscdp-message.ts';
import { buildAlarmNotify, buildKeepalive, buildMediaStatusNotify } from './notifies.ts';
import { buildDeviceInfoResponse, buildRecordInfoResponses } from './responses.ts';

const platform = '44030500112000000001';

function query(cmd: string, extra = '', encoding = 'GB2312'): string {
  return `<?xml version="1.0" encoding="${encoding}"?>\r\n<Query>\r\n<CmdType>${cmd}</CmdType>\r\n<SN>17430</SN>\r\n<DeviceID>${platform}</DeviceID>\r\n${extra}</Query>\r\n`;
}

function camera(n: number): CatalogItem {
  return {
    deviceId: `4403050011131000${String(n).padStart(4, '0')}`,
    name: `活动室 ${n} 号摄像机`,
    manufacturer: 'Gardenwatch',
    model: 'GW-1',
    owner: 'Owner',
    civilCode: '440305',
    address: '深圳市南山区 & <幼儿园>',
    parental: 0,
    parentId: platform,
    status: n % 2 ? 'ON' : 'OFF',
  };
}

describe('MANSCDP queries', () => {
  it('parses the four queries in GB2312 and UTF-8', () => {
    const recordInfo =
      '<StartTime>2026-12-01T08:00:00</StartTime><EndTime>2026-12-01T09:00:00</EndTime><Type>all</Type>';
    const gb = iconv.encode(query('Catalog', '<Name>目录</Name>'), 'gbk');
    expect(parseQuery(gb)).toEqual({
      ok: true,
      value: { cmdType: 'Catalog', sn: 17430, deviceId: platform },
    });
    for (const cmd of ['DeviceInfo', 'DeviceStatus']) {
      const parsed = parseQuery(Buffer.from(query(cmd, '', 'UTF-8')));
      expect(parsed.ok && parsed.value.cmdType).toBe(cmd);
    }
    const record = parseQuery(Buffer.from(query('RecordInfo', recordInfo, 'UTF-8')));
    expect(record.ok && record.value).toMatchObject({
      cmdType: 'RecordInfo',
      startTime: '2026-12-01T08:00:00',
      type: 'all',
    });
  });

  it('decodes an undeclared GBK body by falling back from UTF-8', () => {
    const text = query('Catalog')
      .replace(' encoding="GB2312"', '')
      .replace('<Query>', '<Query><Note>幼儿园</Note>');
    const parsed = parseManscdp(iconv.encode(text, 'gbk'));
    expect(parsed.ok && parsed.value.fields.Note).toBe('幼儿园');
  });

  it.each([
    [
      'external entity',
      '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]><Query><CmdType>&x;</CmdType><SN>1</SN></Query>',
      'XML_DECLARATION_REFUSED',
    ],
    [
      'entity expansion',
      '<!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Query><CmdType>&b;</CmdType><SN>1</SN></Query>',
      'XML_DECLARATION_REFUSED',
    ],
    ['malformed', '<Query><CmdType>Catalog</Query>', 'XML_MALFORMED'],
    ['unknown encoding', '<?xml version="1.0" encoding="Shift_JIS"?><Query/>', 'XML_UNSUPPORTED'],
    ['no root', '<Foo><CmdType>Catalog</CmdType><SN>1</SN></Foo>', 'XML_UNSUPPORTED'],
    ['unknown query', query('Teleport', '', 'UTF-8'), 'XML_UNSUPPORTED'],
    ['bad device id', query('Catalog', '', 'UTF-8').replace(platform, '123'), 'XML_MALFORMED'],
  ])('refuses %s', (_name, xml, code) => {
    const parsed = parseQuery(Buffer.from(xml));
    expect(!parsed.ok && parsed.error.code).toBe(code);
  });

  it('refuses oversized bodies', () => {
    const parsed = parseQuery(Buffer.from(query('Catalog', `<Pad>${'x'.repeat(2000)}</Pad>`)), {
      maxBytes: 1000,
    });
    expect(!parsed.ok && parsed.error.code).toBe('XML_TOO_LARGE');
  });
});

describe('MANSCDP responses and notifies', () => {
  it('splits a large catalog, each part carrying SumNum, and round-trips every item', () => {
    const items = Array.from({ length: 45 }, (_, i) => camera(i + 1));
    const bodies = buildCatalogResponses({
      sn: 7,
      deviceId: platform,
      items,
      maxItemsPerMessage: 10,
    });
    expect(bodies).toHaveLength(5);
    const seen: string[] = [];
    for (const body of bodies) {
      const parsed = parseManscdp(body);
      if (!parsed.ok) throw parsed.error;
      expect(parsed.value).toMatchObject({ root: 'Response', cmdType: 'Catalog', sn: 7 });
      expect(parsed.value.fields.SumNum).toBe('45');
      const list = parsed.value.fields.DeviceList as {
        Item: Array<Record<string, string>>;
        '@Num': string;
      };
      expect(Number(list['@Num'])).toBe(list.Item.length);
      seen.push(...list.Item.map((item) => item.DeviceID!));
      expect(list.Item[0]!.Address).toBe('深圳市南山区 & <幼儿园>');
    }
    expect(seen).toEqual(items.map((item) => item.deviceId));
  });

  it('splits by encoded size too and sends an empty catalog as one message', () => {
    const items = Array.from({ length: 12 }, (_, i) => camera(i));
    const bodies = buildCatalogResponses({
      sn: 1,
      deviceId: platform,
      items,
      maxBodyBytes: 1500,
      encoding: 'UTF-8',
    });
    expect(bodies.length).toBeGreaterThan(2);
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(1500);
    const empty = buildCatalogResponses({ sn: 1, deviceId: platform, items: [] });
    expect(empty).toHaveLength(1);
    expect(empty[0]!.toString()).toContain('<DeviceList Num="0">');
  });

  it('builds keepalive, alarm, media status, device info and record info bodies', () => {
    const keepalive = parseManscdp(buildKeepalive({ sn: 3, deviceId: platform }));
    expect(keepalive.ok && keepalive.value).toMatchObject({
      root: 'Notify',
      cmdType: 'Keepalive',
      fields: { Status: 'OK' },
    });
    const alarm = parseManscdp(
      buildAlarmNotify({
        sn: 4,
        deviceId: camera(1).deviceId,
        alarm: {
          priority: 1,
          method: 5,
          time: '2026-12-03T10:00:00',
          description: '跌倒',
          type: 2,
        },
      }),
    );
    expect(alarm.ok && alarm.value.fields).toMatchObject({
      AlarmPriority: '1',
      AlarmMethod: '5',
      AlarmDescription: '跌倒',
      Info: { AlarmType: '2' },
    });
    const media = parseManscdp(buildMediaStatusNotify({ sn: 5, deviceId: camera(1).deviceId }));
    expect(media.ok && media.value.fields.NotifyType).toBe('121');
    const info = parseManscdp(buildDeviceInfoResponse({ sn: 6, deviceId: platform, info: null }));
    expect(info.ok && info.value.fields.Result).toBe('ERROR');
    const records = buildRecordInfoResponses({
      sn: 8,
      deviceId: camera(1).deviceId,
      name: 'cam',
      items: [
        {
          deviceId: camera(1).deviceId,
          name: 'cam',
          startTime: '2026-12-01T08:00:00',
          endTime: '2026-12-01T09:00:00',
          type: 'time',
        },
      ],
    });
    const record = parseManscdp(records[0]!);
    expect(record.ok && record.value.fields.RecordList).toMatchObject({
      '@Num': '1',
      Item: [{ Type: 'time' }],
    });
  });
});
