import type {
  Programme,
  ProgrammeProgress,
  ProgrammeStage,
  StageCounts,
  programmeStageUpdate,
  signOffInput,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import { conflict, notFound } from '../../platform/errors.ts';
import {
  kindergartenResource,
  type CoverageAccess,
  type CoverageContext,
} from '../coverage/coverage-access.ts';
import type { ProgrammeChecklist } from './programme-checklist.ts';
import type { KindergartenPlace, ProgrammeRepository, StatusRow } from './programme.repository.ts';

export interface ProgrammeDeps {
  repo: ProgrammeRepository;
  access: CoverageAccess;
  checklist: ProgrammeChecklist;
}

/**
 * The construction programme: each kindergarten moves from surveyed through designed and
 * installing to accepted; acceptance is the district inspector's sign-off, given only when no
 * item of the checklist the system fills in has failed.
 */
export class ProgrammeService {
  constructor(private readonly deps: ProgrammeDeps) {}

  async get(ctx: CoverageContext, id: string): Promise<Programme> {
    const kg = await this.kindergarten(ctx, id, 'report.read');
    return this.view(ctx, kg);
  }

  async setStage(
    ctx: CoverageContext,
    id: string,
    body: z.output<typeof programmeStageUpdate>,
  ): Promise<Programme> {
    const kg = await this.kindergarten(ctx, id, 'programme.manage');
    const [current] = await this.deps.repo.statuses([id]);

    await this.deps.repo.transaction(async (tx) => {
      // Leaving acceptance withdraws the sign-off: it was given for the installation as it was.
      await this.deps.repo.save(tx, id, {
        stage: body.stage,
        signed_off_by: null,
        signed_off_at: null,
        sign_off_note: null,
      });
      await this.deps.access.changed(ctx, tx, {
        action: 'programme.stage.set',
        target: { type: 'kindergarten', id },
        details: { from: current?.stage ?? null, to: body.stage },
      });
    });
    return this.view(ctx, kg);
  }

  async signOff(
    ctx: CoverageContext,
    id: string,
    body: z.output<typeof signOffInput>,
  ): Promise<Programme> {
    const kg = await this.kindergarten(ctx, id, 'programme.sign_off');
    const [current] = await this.deps.repo.statuses([id]);
    if (current?.stage !== 'installing') {
      throw conflict('Only a kindergarten at the installing stage can be accepted', {
        field: 'stage',
        stage: current?.stage ?? null,
      });
    }
    const items = await this.deps.checklist.items(ctx, kg);
    const open = items.filter((i) => i.state !== 'passed').map((i) => i.key);
    if (open.length > 0) {
      throw conflict(`The checklist is not complete: ${open.join(', ')}`, { items: open });
    }

    await this.deps.repo.transaction(async (tx) => {
      await this.deps.repo.save(tx, id, {
        stage: 'accepted',
        signed_off_by: ctx.actor.id,
        signed_off_at: new Date(),
        sign_off_note: body.note,
      });
      await this.deps.access.changed(ctx, tx, {
        action: 'programme.sign_off',
        target: { type: 'kindergarten', id },
        details: { checklist: items.map((i) => i.key) },
      });
    });
    return this.view(ctx, kg);
  }

  async district(ctx: CoverageContext, id: string): Promise<ProgrammeProgress> {
    const district = await this.deps.repo.district(id);
    if (!district) throw notFound('district', id);
    const resource = { kind: 'district' as const, districtId: id };
    await this.deps.access.require(ctx, 'report.read_district', resource, { type: 'district', id });

    const kgs = await this.deps.repo.kindergartens(id);
    const stages = await this.stagesOf(kgs);
    return {
      counts: countStages(kgs.map((k) => stages.get(k.id) ?? null)),
      groups: kgs.map((k) => {
        const stage = stages.get(k.id) ?? null;
        return { id: k.id, name: k.name, counts: countStages([stage]), stage };
      }),
    };
  }

  async city(ctx: CoverageContext): Promise<ProgrammeProgress> {
    await this.deps.access.require(
      ctx,
      'report.read_district',
      { kind: 'city' },
      {
        type: 'city',
        id: null,
      },
    );
    const kgs = await this.deps.repo.kindergartens(null);
    const stages = await this.stagesOf(kgs);
    const districts = [...new Map(kgs.map((k) => [k.districtId, k.districtName])).entries()];
    return {
      counts: countStages(kgs.map((k) => stages.get(k.id) ?? null)),
      groups: districts.map(([districtId, name]) => ({
        id: districtId,
        name,
        counts: countStages(
          kgs.filter((k) => k.districtId === districtId).map((k) => stages.get(k.id) ?? null),
        ),
        stage: null,
      })),
    };
  }

  private async stagesOf(kgs: KindergartenPlace[]): Promise<Map<string, ProgrammeStage>> {
    const rows = await this.deps.repo.statuses(kgs.map((k) => k.id));
    return new Map(rows.map((r) => [r.kindergarten_id, r.stage]));
  }

  private async kindergarten(
    ctx: CoverageContext,
    id: string,
    action: 'report.read' | 'programme.manage' | 'programme.sign_off',
  ): Promise<KindergartenPlace> {
    const kg = await this.deps.repo.kindergarten(id);
    if (!kg) throw notFound('kindergarten', id);
    const resource = kindergartenResource(kg.districtId, kg.id);
    await this.deps.access.require(ctx, action, resource, { type: 'kindergarten', id });
    return kg;
  }

  private async view(ctx: CoverageContext, kg: KindergartenPlace): Promise<Programme> {
    const [row] = await this.deps.repo.statuses([kg.id]);
    return {
      kindergartenId: kg.id,
      name: kg.name,
      districtId: kg.districtId,
      stage: row?.stage ?? null,
      checklist: await this.deps.checklist.items(ctx, kg),
      signOff: signOffOf(row),
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    };
  }
}

function signOffOf(row: StatusRow | undefined): Programme['signOff'] {
  if (!row?.signed_off_by || !row.signed_off_at) return null;
  return {
    by: row.signed_off_by,
    byName: row.signed_off_name ?? '',
    at: new Date(row.signed_off_at).toISOString(),
    note: row.sign_off_note ?? '',
  };
}

export function countStages(stages: (ProgrammeStage | null)[]): StageCounts {
  const counts: StageCounts = {
    notStarted: 0,
    surveyed: 0,
    designed: 0,
    installing: 0,
    accepted: 0,
    total: stages.length,
  };
  for (const stage of stages) counts[stage ?? 'notStarted'] += 1;
  return counts;
}
