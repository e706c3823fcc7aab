import type { Camera, ChecklistItem, KindergartenCompliance } from '@gardenwatch/contracts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { CoverageContext } from '../coverage/coverage-access.ts';
import type { ComplianceService } from '../coverage/compliance.service.ts';
import type { GatewayServices } from '../gateway/gateway.services.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { MINIMUM_RETENTION_DAYS } from '../recording/retention.service.ts';
import type { KindergartenPlace } from './programme.repository.ts';

/** A camera whose last segment closed longer ago than this is not recording (stall is 20 s). */
const RECORDING_FRESH_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Shares are sums of polygon areas; a covered share this close to 1 is full coverage. */
const FULL = 1 - 1e-6;

export interface ChecklistDeps {
  compliance: ComplianceService;
  cameras: CamerasService;
  recording: RecordingService;
  gateway: GatewayServices;
  now: () => Date;
}

/** The acceptance items the system can answer itself, from the modules that know them. */
export class ProgrammeChecklist {
  constructor(private readonly deps: ChecklistDeps) {}

  async items(ctx: CoverageContext, kg: KindergartenPlace): Promise<ChecklistItem[]> {
    const [report, cameras] = await Promise.all([
      this.deps.compliance.of(kg),
      this.deps.cameras.list(ctx, { kindergartenId: kg.id, includeArchived: false }),
    ]);
    const spans = await Promise.all(cameras.map((c) => this.deps.recording.footageSpan(c.id)));
    return [
      coverageItem(report),
      recordingItem(spans, this.deps.now()),
      retentionItem(cameras, spans, this.deps.now()),
      await this.policeItem(kg, report),
    ];
  }

  /** Every key area drawn on a plan has a camera among the gateway's shared channels. */
  private async policeItem(
    kg: KindergartenPlace,
    report: KindergartenCompliance,
  ): Promise<ChecklistItem> {
    const config = await this.deps.gateway.settings.config();
    const keyAreas = new Set(report.areas.filter((a) => a.isKey).map((a) => a.areaId));
    if (!config) {
      return item('police_sharing', 'unknown', { keyAreas: keyAreas.size, keyAreasShared: 0 });
    }
    const channels = await this.deps.gateway.channels.list(config.deviceId);
    const shared = new Set(
      channels.filter((c) => c.camera.kindergartenId === kg.id).map((c) => c.camera.areaId),
    );
    const keyAreasShared = [...keyAreas].filter((id) => shared.has(id)).length;
    const facts = {
      keyAreas: keyAreas.size,
      keyAreasShared,
      gatewayEnabled: config.enabled ? 1 : 0,
    };
    const passed = config.enabled && keyAreas.size > 0 && keyAreasShared === keyAreas.size;
    return item('police_sharing', passed ? 'passed' : 'failed', facts);
  }
}

type Span = { oldestStart: Date | null; newestEnd: Date | null };

function coverageItem(report: KindergartenCompliance): ChecklistItem {
  const facts = {
    share: report.share ?? 0,
    keyShare: report.keyShare ?? 0,
    deadZoneM2: Math.round(report.deadZoneM2 * 10) / 10,
    violations: report.violationCount,
    unplannedFloors: report.floors.filter((f) => !f.planned).length,
  };
  if (report.share === null) return item('coverage', 'unknown', facts);
  const full = report.share >= FULL && (report.keyShare ?? 1) >= FULL;
  const passed = full && report.violationCount === 0 && facts.unplannedFloors === 0;
  return item('coverage', passed ? 'passed' : 'failed', facts);
}

function recordingItem(spans: Span[], now: Date): ChecklistItem {
  const recording = spans.filter(
    (s) => s.newestEnd !== null && now.getTime() - s.newestEnd.getTime() <= RECORDING_FRESH_MS,
  ).length;
  const facts = { cameras: spans.length, recording };
  if (spans.length === 0) return item('recording', 'unknown', facts);
  return item('recording', recording === spans.length ? 'passed' : 'failed', facts);
}

/** Retention set to at least 30 days, and footage actually kept that far back. */
function retentionItem(cameras: Camera[], spans: Span[], now: Date): ChecklistItem {
  const due = now.getTime() - MINIMUM_RETENTION_DAYS * DAY_MS;
  const reached = spans.filter((s) => s.oldestStart !== null && s.oldestStart.getTime() <= due);
  const oldestDays = spans.reduce((best, s) => {
    if (!s.oldestStart) return best;
    return Math.max(best, Math.floor((now.getTime() - s.oldestStart.getTime()) / DAY_MS));
  }, 0);
  const facts = {
    cameras: cameras.length,
    reached: reached.length,
    configuredBelowMinimum: cameras.filter((c) => c.retentionDays < MINIMUM_RETENTION_DAYS).length,
    oldestDays,
  };
  if (cameras.length === 0) return item('retention', 'unknown', facts);
  const passed = reached.length === cameras.length && facts.configuredBelowMinimum === 0;
  return item('retention', passed ? 'passed' : 'failed', facts);
}

function item(
  key: ChecklistItem['key'],
  state: ChecklistItem['state'],
  facts: Record<string, number>,
): ChecklistItem {
  return { key, state, facts };
}
