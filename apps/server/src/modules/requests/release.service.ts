import {
  APPEAL_DAYS,
  type FootageDecision,
  type FootageRequest,
  type Release,
} from '@gardenwatch/contracts';
import { stat } from 'node:fs/promises';
import type { Platform } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { HoldService } from '../recording/hold.service.ts';
import type { RedactionService } from './redaction/redaction.service.ts';
import { toRedactionItem } from './redaction/redaction-view.ts';
import { watermarkText } from './redaction/watermark.ts';
import { mayReview, type RequestContext, type RequestsService } from './requests.service.ts';

const DAY_MS = 86_400_000;

export interface ReleaseDeps {
  platform: Platform;
  requests: RequestsService;
  redaction: RedactionService;
  holds: HoldService;
}

/**
 * The release of a request: the reviewer's decision to release starts the rendering; the
 * applicant alone watches the clips until the link expires or is revoked; the footage stays
 * held until the request closes and the appeal period has passed.
 */
export class ReleaseService {
  constructor(private readonly deps: ReleaseDeps) {}

  /** A decision; a release needs every item tracked, and starts the watermarked rendering. */
  async decide(
    ctx: RequestContext,
    id: string,
    decision: FootageDecision,
  ): Promise<FootageRequest> {
    const { requests, redaction, platform } = this.deps;
    if (decision.outcome === 'release') {
      const row = await requests.reviewable(ctx.actor, id);
      if (row.status === 'pending' && !(await redaction.readyToRelease(id))) {
        throw conflict('Find the faces first and wait until every clip is ready', {
          field: 'outcome',
        });
      }
    }
    const decided = await requests.decide(ctx, id, decision);
    if (decision.outcome !== 'release') return decided;

    const now = platform.now();
    await platform.db
      .insertInto('footage_releases')
      .values({
        request_id: id,
        allow_download: decision.allowDownload,
        expires_at: new Date(now.getTime() + decision.days * DAY_MS),
      })
      .execute();
    const applicant = await platform.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', decided.applicantId)
      .executeTakeFirstOrThrow();
    const text = watermarkText({
      applicant: applicant.display_name,
      number: decided.number,
      date: now,
    });
    await redaction.render(id, text);
    return decided;
  }

  async get(ctx: RequestContext, id: string): Promise<Release> {
    const row = await this.deps.requests.readable(ctx.actor, id);
    if (row.applicant_id !== ctx.actor.id && !mayReview(ctx.actor, row)) {
      throw notFound('release', id);
    }
    return this.view(id);
  }

  /** The released clip for its applicant only, while the release is open (audited). */
  async video(
    ctx: RequestContext,
    ids: { requestId: string; itemId: string },
    download: boolean,
  ): Promise<{ path: string; bytes: number; attachment: boolean }> {
    const { requests, redaction } = this.deps;
    const row = await requests.readable(ctx.actor, ids.requestId);
    if (row.applicant_id !== ctx.actor.id)
      throw forbidden('Only the applicant watches the release');
    const release = await this.view(ids.requestId);
    if (!release.viewable) throw forbidden('The release has expired or was revoked');
    if (download && !release.allowDownload)
      throw forbidden('The reviewer did not allow a download');
    const item = await redaction.row(ids.requestId, ids.itemId);
    if (item.status !== 'done') throw notFound('released clip', ids.itemId);
    const file = redaction.outputOf(ids.requestId, ids.itemId);
    const info = await stat(file).catch(() => null);
    if (!info) throw notFound('released clip', ids.itemId);
    await requests.audit(ctx, {
      action: download ? 'footage_release.download' : 'footage_release.view',
      requestId: ids.requestId,
      details: { itemId: ids.itemId, cameraId: item.camera_id },
    });
    return { path: file, bytes: info.size, attachment: download };
  }

  async revoke(ctx: RequestContext, id: string): Promise<Release> {
    await this.deps.requests.reviewable(ctx.actor, id);
    const now = this.deps.platform.now();
    const updated = await this.deps.platform.db
      .updateTable('footage_releases')
      .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
      .where('request_id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound('release', id);
    await this.deps.requests.audit(ctx, {
      action: 'footage_release.revoke',
      requestId: id,
      details: {},
    });
    return this.view(id);
  }

  /**
   * Closes the requests that are over (rejected, viewed on site, release expired or revoked)
   * and, once the appeal period after closing has passed, releases the holds no open request
   * shares. Returns how many requests closed and how many holds were released.
   */
  async sweep(): Promise<{ closed: number; holdsReleased: number }> {
    const { db } = this.deps.platform;
    const now = this.deps.platform.now();
    const over = await db
      .selectFrom('footage_requests as r')
      .leftJoin('footage_releases as l', 'l.request_id', 'r.id')
      .select('r.id')
      .where('r.status', 'in', ['rejected', 'on_site', 'released'])
      .where((eb) =>
        eb.or([
          eb('r.status', '=', 'rejected'),
          eb.and([eb('r.status', '=', 'on_site'), eb('r.on_site_at', '<', now)]),
          eb.and([eb('r.status', '=', 'released'), eb('l.expires_at', '<', now)]),
          eb.and([eb('r.status', '=', 'released'), eb('l.revoked_at', 'is not', null)]),
        ]),
      )
      .execute();
    for (const { id } of over) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('footage_requests')
          .set({ status: 'closed', closed_at: now })
          .where('id', '=', id)
          .execute();
        await this.deps.requests.repo.addEvent(tx, {
          requestId: id,
          status: 'closed',
          at: now,
          actorId: null,
        });
      });
    }
    return { closed: over.length, holdsReleased: await this.releaseHolds(now) };
  }

  private async releaseHolds(now: Date): Promise<number> {
    const { db } = this.deps.platform;
    const appealOver = new Date(now.getTime() - APPEAL_DAYS * DAY_MS);
    const links = await db
      .selectFrom('footage_request_holds as h')
      .innerJoin('footage_requests as r', 'r.id', 'h.request_id')
      .select(['h.hold_id', 'r.status', 'r.closed_at'])
      .execute();
    const keep = new Set(
      links
        .filter((l) => l.status !== 'closed' || (l.closed_at ?? now) > appealOver)
        .map((l) => l.hold_id),
    );
    const done = [...new Set(links.map((l) => l.hold_id))].filter((id) => !keep.has(id));
    let released = 0;
    for (const holdId of done) if (await this.deps.holds.releaseIfHeld(holdId)) released++;
    return released;
  }

  private async view(requestId: string): Promise<Release> {
    const release = await this.deps.platform.db
      .selectFrom('footage_releases')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    if (!release) throw notFound('release', requestId);
    const items = (await this.deps.redaction.rows(requestId)).map(toRedactionItem);
    const now = this.deps.platform.now();
    const open = !release.revoked_at && new Date(release.expires_at) > now;
    return {
      requestId,
      allowDownload: release.allow_download,
      expiresAt: new Date(release.expires_at).toISOString(),
      revokedAt: release.revoked_at ? new Date(release.revoked_at).toISOString() : null,
      viewable: open && items.length > 0 && items.every((i) => i.status === 'done'),
      items: items.map(({ tracks: _tracks, ...item }) => item),
    };
  }
}
