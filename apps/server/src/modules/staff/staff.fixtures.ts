import { randomUUID } from 'node:crypto';
import type { Actor, EducationLevel, Role, StaffRole } from '@gardenwatch/contracts';
import { seedTestOrg, type TestOrg } from '../../../test/sign-in.ts';
import {
  createTestPlatform,
  type Backend,
  type TestPlatform,
} from '../../../test/test-platform.ts';
import type { BusMessage } from '../../platform/bus.ts';
import { AuditService } from '../audit/audit.service.ts';
import { makeIdentityNumber } from './identity-number.ts';
import type { StaffContext } from './staff-access.ts';
import { createStaffServices, type StaffServices } from './staff.services.ts';

/** A test database with the org of `seedTestOrg`, the staff services and a bus recorder. */
export interface StaffKit {
  test: TestPlatform;
  org: TestOrg;
  s: StaffServices;
  messages: BusMessage[];
  cityAdmin: StaffContext;
  principal: StaffContext;
  otherPrincipal: StaffContext;
  reviewer: StaffContext;
  close(): Promise<void>;
}

export function actor(
  role: Role,
  scope: { districtId?: string; kindergartenId?: string } = {},
): StaffContext {
  const a: Actor = {
    id: randomUUID(),
    username: `${role}-${Math.random().toString(36).slice(2, 8)}`,
    displayName: role,
    role,
    districtId: scope.districtId ?? null,
    kindergartenId: scope.kindergartenId ?? null,
    maintainedKindergartenIds: [],
  };
  return { actor: a, requestId: randomUUID(), ip: '127.0.0.1' };
}

export async function createStaffKit(backend: Backend): Promise<StaffKit> {
  const test = await createTestPlatform(backend);
  const org = await seedTestOrg(test.platform);
  const audit = new AuditService({ db: test.platform.db, now: test.platform.now });
  const messages: BusMessage[] = [];
  test.platform.bus.subscribe('>', (m) => {
    messages.push(m);
  });
  return {
    test,
    org,
    s: createStaffServices(test.platform, audit),
    messages,
    cityAdmin: actor('city_admin'),
    principal: actor('principal', {
      districtId: org.districtId,
      kindergartenId: org.kindergartenId,
    }),
    otherPrincipal: actor('principal', {
      districtId: org.otherDistrictId,
      kindergartenId: org.otherKindergartenId,
    }),
    reviewer: actor('district_reviewer', { districtId: org.districtId }),
    close: () => test.close(),
  };
}

let sequence = 0;

/** A fresh valid identity number. */
export const newIdentityNumber = (): string =>
  makeIdentityNumber(
    '440305',
    `19${80 + (sequence % 20)}-0${1 + (sequence % 9)}-1${sequence % 9}`,
    ++sequence,
  );

export const teacher = (kindergartenId: string, identityNumber = newIdentityNumber()) => ({
  kindergartenId,
  identityNumber,
  name: '李老师',
  role: 'teacher' as StaffRole,
  education: 'bachelor' as EducationLevel,
  certificateNumber: '20194400000001',
  certificateValidUntil: '2030-08-31',
  hiredOn: '2020-09-01',
  leftOn: null,
  monthlyPayFen: 850_000,
  activate: false,
});

/** The audit rows written, oldest first. */
export async function auditRows(kit: StaffKit) {
  return kit.test.platform.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

/** Another kindergarten in the first district, with its principal. */
export async function newKindergarten(kit: StaffKit) {
  const row = await kit.test.platform.db
    .insertInto('kindergartens')
    .values({
      district_id: kit.org.districtId,
      name: `Kindergarten ${randomUUID().slice(0, 8)}`,
      address: '2 Test Road',
      type: 'inclusive_private',
      children_count: 90,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    kindergartenId: row.id,
    principal: actor('principal', { districtId: kit.org.districtId, kindergartenId: row.id }),
  };
}
