import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, notFound } from '../../common/docket-error';
import { insertRows, updateByIds } from '../../database/plain-rows';
import type { CreateReportDto, UpdateReportDto } from '../reports.dto';
import { ReportSchedule } from '../schedules/report-schedule.entity';
import { cancelScheduleJobs } from '../schedules/schedule-jobs';
import { BUILT_IN_REPORTS } from './built-in-reports';
import { ReportDefinition } from './report-definition.entity';
import { unknownReportFields } from './report-fields';
import { checkReportSpec } from './report-spec';
import type { ReportSpec } from './report-vocabulary';

const AUDITED: (keyof ReportDefinition)[] = ['code', 'name', 'description', 'definition'];

/** Report definitions: the built-in ones (read-only) and those users define with `reports.manage`. */
@Injectable()
export class ReportDefinitionsService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Adds the built-in reports an installation lacks and brings those it has to this release's definitions (nobody
   * can edit them); any number of processes may start at once.
   */
  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await insertRows(manager, ReportDefinition, BUILT_IN_REPORTS.map((report) => ({ ...report, builtIn: true, ownerId: null, createdAt: now, updatedAt: now })), { ignore: true });
      const ids = new Map((await manager.find(ReportDefinition, { where: { builtIn: true }, select: { id: true, code: true } })).map((row) => [row.code, row.id]));
      for (const { code, name, description, definition } of BUILT_IN_REPORTS) await updateByIds(manager, ReportDefinition, [ids.get(code) ?? 0], { name, description, definition });
    });
  }

  list(): Promise<ReportDefinition[]> {
    return this.dataSource.getRepository(ReportDefinition).find({ order: { builtIn: 'DESC', name: 'ASC' } });
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<ReportDefinition> {
    const found = await manager.findOneBy(ReportDefinition, { id });
    if (!found) throw notFound('Report', id);
    return found;
  }

  async create(actor: Principal, body: CreateReportDto, now = new Date()): Promise<ReportDefinition> {
    const definition = checkReportSpec(body.definition);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(ReportDefinition, { code: body.code })) throw conflict('code_taken', `A report with code ${body.code} exists`, [{ path: 'code', message: 'taken' }]);
      await refuseUnknownFields(manager, definition);
      const created = await manager.save(manager.create(ReportDefinition, { code: body.code, name: body.name, description: body.description ?? null, definition, builtIn: false, ownerId: actor.userId, createdAt: now, updatedAt: now }));
      await this.audit.record(manager, actor, { entityType: 'report', entityId: created.id, action: 'create', changes: changesBetween(null, created, AUDITED) }, now);
      return created;
    });
  }

  async update(actor: Principal, id: number, body: UpdateReportDto, now = new Date()): Promise<ReportDefinition> {
    const definition = body.definition === undefined ? undefined : checkReportSpec(body.definition);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.editable(manager, id);
      if (definition) await refuseUnknownFields(manager, definition);
      const after = { ...before, name: body.name ?? before.name, description: body.description === undefined ? before.description : body.description, definition: definition ?? before.definition, updatedAt: now };
      await manager.save(ReportDefinition, after);
      await this.audit.record(manager, actor, { entityType: 'report', entityId: id, action: 'update', changes: changesBetween(before, after, AUDITED) }, now);
      return after;
    });
  }

  /** Removes the report with its schedules (their pending timers cancelled). */
  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.editable(manager, id);
      for (const schedule of await manager.findBy(ReportSchedule, { definitionId: id })) await cancelScheduleJobs(manager, schedule.id, now);
      await manager.delete(ReportSchedule, { definitionId: id });
      await manager.delete(ReportDefinition, { id });
      await this.audit.record(manager, actor, { entityType: 'report', entityId: id, action: 'delete', changes: changesBetween(before, {}, AUDITED) }, now);
    });
  }

  private async editable(manager: EntityManager, id: number): Promise<ReportDefinition> {
    const found = await this.get(id, manager);
    if (found.builtIn) throw conflict('built_in', 'Built-in reports cannot be changed; define your own from it instead');
    return found;
  }
}

/** 400 `invalid_report` when a condition names what no request has, as `checkReportSpec` answers its other problems. */
async function refuseUnknownFields(manager: EntityManager, definition: ReportSpec): Promise<void> {
  const unknown = await unknownReportFields(manager, definition);
  if (unknown.length) throw badRequest('invalid_report', 'The report definition is not valid', unknown);
}
