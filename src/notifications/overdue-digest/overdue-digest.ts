import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { MAX_OVERDUE, OverdueFiles } from '../../audit/reports/deadlines/overdue-files.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { InquiriesReadModel } from '../../inquiries/inquiries.read-model.js';
import { MunicipalitiesReadModel } from '../../identity/municipalities/municipalities.read-model.js';
import { systemActor } from '../../identity/principal.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { overdueInspections } from '../../permits/list-inspections/inspection-worklist.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { newId } from '../../shared/ids.js';
import { periodically, type PeriodicTask } from '../../shared/periodically.js';
import { tehranTime } from '../../shared/tehran-date.js';
import type { OverdueItem } from '../notification-topics.js';
import { Notifier } from '../notify/notifier.js';
import { digestsOf, type OverdueInspection, type OverdueRow, type StaffMember } from './digest-recipients.js';

const CHECK_EVERY_MS = 60_000;
/** Files one digest lists; the rest are counted. */
const LISTED = 10;
const PAGE = 1_000;

/**
 * Once a day, at DAFTAR_DIGEST_TIME (Tehran), each clerk, surveyor and inspector with overdue files or
 * stage inspections hears of them in one message, the most overdue first. The day is the cause, so a
 * restart that runs it again queues nothing twice.
 */
@Injectable()
export class OverdueDigest implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OverdueDigest');
  private timer: PeriodicTask | undefined;
  private sentFor: string | undefined;

  constructor(
    private readonly overdue: OverdueFiles,
    private readonly users: UsersReadModel,
    private readonly municipalities: MunicipalitiesReadModel,
    private readonly permits: PermitsReadModel,
    private readonly inquiries: InquiriesReadModel,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = periodically(
      CHECK_EVERY_MS,
      () => this.runIfDue(new Date()),
      (error) => this.logger.error(`The overdue digest failed: ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer?.stop();
  }

  private async runIfDue(now: Date): Promise<void> {
    const { day, minuteOfDay } = tehranTime(now);
    if (this.sentFor === day || minuteOfDay < this.config.notifications.digestAtMinute) return;
    await this.run(now);
    this.sentFor = day;
  }

  /** Queues today's digest for every member of staff with overdue files; answers how many. */
  async run(now: Date): Promise<number> {
    const at = now.toISOString();
    const { day } = tehranTime(now);
    const context = {
      actor: systemActor('overdue-digest'),
      correlationId: newId(),
      causationId: `digest:${day}`,
      now: at,
    };
    let queued = 0;
    for (const { code } of this.municipalities.list({ limit: PAGE }).items) {
      const rows = [...this.overdue.rows([{ municipality: code }], at).rows, ...this.inspectionsOf(code, at)];
      if (rows.length === 0) continue;
      rows.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      for (const [userId, files] of digestsOf(rows, this.staffOf(code))) {
        await this.notifier.notify(
          {
            to: { userId },
            municipality: code,
            item: {
              topic: 'overdue_digest',
              cause: `overdue-digest-${day}-${code}`,
              at,
              facts: {
                files: files.slice(0, LISTED).map((row) => this.item(row)),
                more: Math.max(0, files.length - LISTED),
              },
            },
          },
          context,
          { alone: true },
        );
        queued += 1;
      }
    }
    return queued;
  }

  private staffOf(municipality: string): StaffMember[] {
    return this.users
      .list({ some: { path: 'grants', where: { municipality } }, limit: PAGE })
      .items.filter((user) => !user.disabled);
  }

  /** The municipality's stage inspections past their deadline, through the inspectors' worklist filter. */
  private inspectionsOf(municipality: string, now: string): OverdueInspection[] {
    return this.permits
      .list({
        where: { municipality, ...overdueInspections(now) },
        orderBy: 'inspectionDueBy',
        limit: MAX_OVERDUE,
      })
      .items.map((permit) => ({
        process: 'inspection',
        id: permit.permitId,
        municipality,
        region: permit.region,
        stage: permit.inspectionStage!,
        dueAt: permit.inspectionDueBy!,
        ...(permit.inspectorId === undefined ? {} : { holderId: permit.inspectorId }),
      }));
  }

  private item(row: OverdueRow): OverdueItem {
    const file = row.process === 'inquiry' ? this.inquiries.get(row.id) : this.permits.get(row.id);
    const { process, stage, dueAt } = row;
    return {
      // Both ways alike, but checked: an inspection's stage is one of the construction stages.
      ...(process === 'inspection' ? { process, stage } : { process, stage }),
      dueAt,
      ...(file?.trackingNumber ? { trackingNumber: file.trackingNumber } : {}),
    };
  }
}
