import {
  blacklistSubjects,
  notEligibleMessage,
  type hiringCheckAnswerSchema,
  type hiringCheckSchema,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { parseIdentityNumber } from '../staff/identity-number.ts';
import {
  kindergartenResource,
  type StaffAccess,
  type StaffContext,
} from '../staff/staff-access.ts';
import type { HiringGate } from '../staff/staff.service.ts';
import { barredAmong, dayOf } from './blacklist.repository.ts';

type CheckInput = z.output<typeof hiringCheckSchema>;
type CheckAnswer = z.output<typeof hiringCheckAnswerSchema>;

/** How long a passed check allows a person to become active staff. */
export const CHECK_VALID_DAYS = 30;
const CHUNK = 1000;

export interface HiringCheckDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
}

/**
 * The hiring check answers a kindergarten eligible or not eligible and nothing else: no
 * reason, no entry, no dates. Both outcomes are audited with the purpose; a hit also tells the
 * district on the bus.
 */
export class HiringCheckService implements HiringGate {
  constructor(private readonly deps: HiringCheckDeps) {}

  async check(ctx: StaffContext, input: CheckInput): Promise<CheckAnswer> {
    const kg = await this.deps.access.kindergarten(input.kindergartenId);
    await this.deps.access.require(
      ctx,
      'hiring.check',
      kindergartenResource(kg),
      kg.kindergartenId,
    );
    const now = this.deps.platform.now();
    const parsed = parseIdentityNumber(input.identityNumber, now);
    if (!parsed.ok) {
      throw badRequest('The identity number is not valid', {
        field: 'identityNumber',
        problem: parsed.problem,
      });
    }

    const hash = this.deps.platform.secrets.keyedHash(parsed.value);
    const barred = (await barredAmong(this.deps.platform.db, [hash], dayOf(now))).has(hash);
    const result = barred ? 'not_eligible' : 'eligible';
    const checkId = await this.deps.platform.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('hiring_checks')
        .values({
          kindergarten_id: kg.kindergartenId,
          candidate_hash: hash,
          consent_reference: input.consentReference,
          purpose: input.purpose,
          result,
          checked_by: ctx.actor.id,
          checked_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action: 'hiring.check',
          resourceType: 'hiring_check',
          resourceId: row.id,
          purpose: input.purpose,
          outcome: 'succeeded',
          details: {
            kindergartenId: kg.kindergartenId,
            result,
            consentReference: input.consentReference,
          },
        }),
        tx,
      );
      return row.id;
    });

    if (barred) {
      // The notices module turns this into a notice for the district reviewers.
      await this.deps.platform.bus.publish(blacklistSubjects.hiringHit, {
        checkId,
        kindergartenId: kg.kindergartenId,
        districtId: kg.districtId,
        checkedBy: ctx.actor.id,
        at: now.toISOString(),
      });
      this.deps.platform.logger.info(
        { checkId, kindergartenId: kg.kindergartenId },
        'hiring.check.hit',
      );
    }
    return barred
      ? { checkId, result, message: notEligibleMessage }
      : { checkId, result, message: 'Eligible.' };
  }

  /** Hashes whose latest check here in the last 30 days passed and who are not barred now. */
  async passedRecently(kindergartenId: string, idHashes: string[]): Promise<Set<string>> {
    const now = this.deps.platform.now();
    const since = new Date(now.getTime() - CHECK_VALID_DAYS * 86_400_000);
    const passed = new Set<string>();
    for (let i = 0; i < idHashes.length; i += CHUNK) {
      const chunk = idHashes.slice(i, i + CHUNK);
      const rows = await this.deps.platform.db
        .selectFrom('hiring_checks')
        .distinctOn('candidate_hash')
        .select(['candidate_hash', 'result'])
        .where('kindergarten_id', '=', kindergartenId)
        .where('candidate_hash', 'in', chunk)
        .where('checked_at', '>=', since)
        .orderBy('candidate_hash')
        .orderBy('checked_at', 'desc')
        .execute();
      const eligible = rows.filter((r) => r.result === 'eligible').map((r) => r.candidate_hash);
      const barred = await barredAmong(this.deps.platform.db, eligible, dayOf(now));
      for (const hash of eligible) if (!barred.has(hash)) passed.add(hash);
    }
    return passed;
  }
}
