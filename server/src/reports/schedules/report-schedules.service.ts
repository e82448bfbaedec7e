import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import { User } from '../../auth/entities/user.entity';
import { permissionsOf } from '../../auth/permission-set';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../common/docket-error';
import { DOCKET_CONFIG } from '../../config/config.module';
import type { DocketConfig } from '../../config/docket-config';
import { enqueueMails } from '../../notifications/outbox';
import { enqueueAttachment, MAX_ATTACHMENT_BYTES } from '../../notifications/outbox-attachments';
import type { ScheduledJob } from '../../scheduler/entities/scheduled-job.entity';
import { SchedulerService } from '../../scheduler/scheduler.service';
import { ReportDefinition } from '../definitions/report-definition.entity';
import { renderReport } from '../export/report-export';
import type { CreateScheduleDto, UpdateScheduleDto } from '../reports.dto';
import { runReport } from '../run/report-runner';
import { ReportReader } from '../report-reader';
import { ReportSchedule } from './report-schedule.entity';
import { cancelScheduleJobs, nextOccurrence, REPORT_JOB, scheduleOccurrence } from './schedule-jobs';

const AUDITED: (keyof ReportSchedule)[] = ['definitionId', 'format', 'recipients', 'cron', 'timeZone', 'active'];

/**
 * Reports mailed on a recurrence. Each schedule has one pending timer, for its `nextRunAt`; firing it runs the
 * report with the owner's permissions as they are then, queues one mail per recipient with the file attached
 * (event key: schedule and occurrence, so a replayed timer sends nothing twice) and schedules the next
 * occurrence, all in the timer's transaction. A schedule is seen and changed by its owner only, so nobody
 * redirects another's report (and the requests it shows) to other addresses.
 */
@Injectable()
export class ReportSchedulesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly scheduler: SchedulerService,
    private readonly audit: AuditService,
    private readonly reader: ReportReader,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(REPORT_JOB, (job, manager, now) => this.fire(job, manager, now));
  }

  list(actor: Principal): Promise<ReportSchedule[]> {
    return this.dataSource.getRepository(ReportSchedule).find({ where: { ownerId: actor.userId }, order: { id: 'ASC' } });
  }

  async create(actor: Principal, body: CreateScheduleDto, now = new Date()): Promise<ReportSchedule> {
    const timeZone = body.timeZone ?? 'UTC';
    const nextRunAt = nextOccurrence(body.cron, timeZone, now);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(ReportDefinition, { id: body.definitionId }))) throw notFound('Report', body.definitionId);
      const active = body.active ?? true;
      const created = await manager.save(manager.create(ReportSchedule, { definitionId: body.definitionId, ownerId: actor.userId, format: body.format, recipients: lowerCased(body.recipients), cron: body.cron.trim(), timeZone, active, nextRunAt: active ? nextRunAt : null, lastRunAt: null, createdAt: now, updatedAt: now }));
      if (active) await scheduleOccurrence(manager, created.id, nextRunAt, now);
      await this.audit.record(manager, actor, { entityType: 'report_schedule', entityId: created.id, action: 'create', changes: changesBetween(null, created, AUDITED) }, now);
      return created;
    });
  }

  async update(actor: Principal, id: number, body: UpdateScheduleDto, now = new Date()): Promise<ReportSchedule> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.owned(manager, actor, id);
      const after: ReportSchedule = { ...before, format: body.format ?? before.format, recipients: body.recipients ? lowerCased(body.recipients) : before.recipients, cron: body.cron?.trim() ?? before.cron, timeZone: body.timeZone ?? before.timeZone, active: body.active ?? before.active, updatedAt: now };
      // A changed recurrence replaces the pending timer; the old one is cancelled, so it cannot fire as well.
      await cancelScheduleJobs(manager, id, now);
      after.nextRunAt = after.active ? nextOccurrence(after.cron, after.timeZone, now) : null;
      if (after.nextRunAt) await scheduleOccurrence(manager, id, after.nextRunAt, now);
      await manager.save(ReportSchedule, after);
      await this.audit.record(manager, actor, { entityType: 'report_schedule', entityId: id, action: 'update', changes: changesBetween(before, after, AUDITED) }, now);
      return after;
    });
  }

  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.owned(manager, actor, id);
      await cancelScheduleJobs(manager, id, now);
      await manager.delete(ReportSchedule, { id });
      await this.audit.record(manager, actor, { entityType: 'report_schedule', entityId: id, action: 'delete', changes: changesBetween(before, {}, AUDITED) }, now);
    });
  }

  /** One occurrence, in the timer's transaction. A timer for an instant the schedule no longer expects does nothing. */
  private async fire(job: ScheduledJob, manager: EntityManager, now: Date): Promise<void> {
    const occurrence = new Date(String(job.payload?.occurrence));
    const schedule = await manager.findOneBy(ReportSchedule, { id: job.subjectId ?? 0 });
    if (!schedule?.active || schedule.nextRunAt?.getTime() !== occurrence.getTime()) return;
    const definition = await manager.findOneBy(ReportDefinition, { id: schedule.definitionId });
    const owner = await ownerPrincipal(manager, schedule.ownerId);
    // An owner who left or lost reports.read gets no more reports sent in their name; the recurrence goes on.
    if (definition && owner?.permissions.has('reports.read')) await this.mail(manager, schedule, definition, owner, occurrence, now);
    const nextRunAt = nextOccurrence(schedule.cron, schedule.timeZone, now > occurrence ? now : occurrence);
    await manager.update(ReportSchedule, { id: schedule.id }, { lastRunAt: occurrence, nextRunAt, updatedAt: now });
    await scheduleOccurrence(manager, schedule.id, nextRunAt, now);
  }

  private async mail(manager: EntityManager, schedule: ReportSchedule, definition: ReportDefinition, owner: Principal, occurrence: Date, now: Date): Promise<void> {
    const result = await runReport(this.reader.dataSource.manager, owner, definition.definition, occurrence);
    const file = await renderReport(result, definition, schedule.format);
    const eventKey = `report:${schedule.id}:${occurrence.toISOString()}`;
    const attached = file.content.length <= MAX_ATTACHMENT_BYTES;
    const text = [
      `The report "${definition.name}" as of ${result.generatedAt}: ${result.rows.length} rows${result.truncated ? ` (only the first ${result.limit})` : ''}.`,
      attached ? `It is attached as ${file.filename}.` : `It is too large to attach (over ${MAX_ATTACHMENT_BYTES} bytes); narrow its filters or run it in the console.`,
      `Sent for ${owner.name} by schedule ${schedule.id} (${schedule.cron}, ${schedule.timeZone}).`,
    ].join('\n\n');
    if (attached) await enqueueAttachment(manager, eventKey, file);
    await enqueueMails(manager, schedule.recipients.map((recipient) => ({ eventKey, recipient, subject: `Report: ${definition.name}`, text })), now, this.config.mail.domain);
  }

  private async owned(manager: EntityManager, actor: Principal, id: number): Promise<ReportSchedule> {
    const found = await manager.findOneBy(ReportSchedule, { id, ownerId: actor.userId });
    if (!found) throw notFound('Report schedule', id);
    return found;
  }
}

/** The owner as a principal with their current roles; null when they are gone or deactivated. */
async function ownerPrincipal(manager: EntityManager, userId: number): Promise<Principal | null> {
  const user = await manager.findOne(User, { where: { id: userId }, relations: { roles: true } });
  if (!user?.active) return null;
  return { userId: user.id, login: user.login, name: user.name, permissions: permissionsOf(user.roles, user.partnerId, user.clientId), via: 'schedule' };
}

function lowerCased(recipients: string[]): string[] {
  return [...new Set(recipients.map((recipient) => recipient.trim().toLowerCase()))];
}
