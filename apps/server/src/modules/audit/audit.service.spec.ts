import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { AuditService } from './audit.service.ts';

describe.each(backends)('audit chain on %s', (backend) => {
  let test: TestPlatform;
  afterEach(async () => test.close());

  const seed = async (count: number) => {
    test = await createTestPlatform(backend);
    const audit = new AuditService({ db: test.platform.db, now: () => new Date() });
    const actor = { id: '00000000-0000-4000-8000-000000000001', username: 'a', role: 'city_admin' };
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        audit.record({
          actor,
          action: 'org.kindergarten.update',
          resourceType: 'kindergarten',
          resourceId: `k${i}`,
          outcome: 'succeeded',
          details: { b: 1, a: [i, { z: 1, y: 2 }] },
        }),
      ),
    );
    return audit;
  };

  it('links concurrent writers into one intact chain', async () => {
    await seed(25);

    const result = await verifyAuditChain(test.platform.db);

    expect(result).toMatchObject({ ok: true, rows: 25, headSeq: 25 });
  });

  it('refuses updates and deletes through the database', async () => {
    await seed(2);

    await expect(
      sql`update audit_log set action = 'x' where seq = 1`.execute(test.platform.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_log where seq = 2`.execute(test.platform.db),
    ).rejects.toThrow(/append-only/);
  });

  it('names the first row whose content was edited behind its back', async () => {
    await seed(5);
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(
      test.platform.db,
    );
    await sql`update audit_log set outcome = 'denied' where seq = 3`.execute(test.platform.db);

    const result = await verifyAuditChain(test.platform.db);

    expect(result).toMatchObject({
      ok: false,
      brokenSeq: 3,
      reason: 'content does not match its hash',
    });
  });

  it('names a row removed from the middle', async () => {
    await seed(5);
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(
      test.platform.db,
    );
    await sql`delete from audit_log where seq = 2`.execute(test.platform.db);

    const result = await verifyAuditChain(test.platform.db);

    expect(result).toMatchObject({ ok: false, brokenSeq: 2, reason: 'row 2 is missing' });
  });
});
