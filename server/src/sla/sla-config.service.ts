import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { calendarIssues } from '../../../rules/index';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound } from '../common/docket-error';
import { definedFields } from '../common/defined-fields';
import { SlaCalendar } from './entities/sla-calendar.entity';
import { SlaPolicy } from './entities/sla-policy.entity';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { policyIssues } from './policy-rules';
import { keepDueAt } from './request-due';
import { SlaClocks } from './sla-clocks';
import type { CreateCalendarDto, CreatePolicyDto, UpdateCalendarDto, UpdatePolicyDto } from './sla.dto';

const CALENDAR_FIELDS: (keyof SlaCalendar)[] = ['code', 'name', 'definition'];
const POLICY_FIELDS: (keyof SlaPolicy)[] = ['code', 'name', 'active', 'rank', 'condition', 'calendarId', 'targets', 'stepLimits', 'clockRules', 'warningPercent'];

/** Business calendars and SLA policies: validated before they are stored, every change audited. */
@Injectable()
export class SlaConfigService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clocks: SlaClocks,
  ) {}

  listCalendars(): Promise<SlaCalendar[]> {
    return this.dataSource.getRepository(SlaCalendar).find({ order: { code: 'ASC' } });
  }

  async getCalendar(id: number): Promise<SlaCalendar> {
    const calendar = await this.dataSource.getRepository(SlaCalendar).findOneBy({ id });
    if (!calendar) throw notFound('Calendar', id);
    return calendar;
  }

  async createCalendar(actor: Principal, body: CreateCalendarDto, now = new Date()): Promise<SlaCalendar> {
    checkCalendar(body.definition);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(SlaCalendar, { code: body.code })) throw conflict('duplicate', `The calendar code "${body.code}" is taken`, [{ path: 'code', message: 'already taken' }]);
      const calendar = await manager.save(manager.create(SlaCalendar, { ...body, createdAt: now, updatedAt: now }));
      await this.audit.record(manager, actor, { entityType: 'sla_calendar', entityId: calendar.id, action: 'create', changes: changesBetween(null, calendar, CALENDAR_FIELDS) }, now);
      return calendar;
    });
  }

  async updateCalendar(actor: Principal, id: number, body: UpdateCalendarDto, now = new Date()): Promise<SlaCalendar> {
    if (body.definition !== undefined) checkCalendar(body.definition);
    return this.dataSource.transaction(async (manager) => {
      const calendar = await manager.findOneBy(SlaCalendar, { id });
      if (!calendar) throw notFound('Calendar', id);
      const before = { ...calendar };
      const after = await manager.save(Object.assign(calendar, definedFields(body), { updatedAt: now }));
      await this.audit.record(manager, actor, { entityType: 'sla_calendar', entityId: id, action: 'update', changes: changesBetween(before, after, CALENDAR_FIELDS) }, now);
      if (body.definition !== undefined) await this.followCalendar(manager, id, now);
      return after;
    });
  }

  /**
   * A calendar's new hours or holidays apply to every clock that counts on it and still runs: the ledger
   * is replayed on the new definition, the timers and due dates follow (each request's version steps, as
   * for any change of the request). The replay covers the clock's whole life, so a holiday added for a
   * day already counted is taken out of the time used too.
   */
  private async followCalendar(manager: EntityManager, calendarId: number, now: Date): Promise<void> {
    const rows: { requestId: number | string }[] = await manager.query(
      `SELECT DISTINCT c.requestId AS requestId FROM sla_clocks c WHERE c.state IN ('running', 'paused') AND EXISTS (SELECT 1 FROM sla_ledger l WHERE l.requestId = c.requestId AND l.clock = c.clock AND l.calendarId = ?) ORDER BY c.requestId`,
      [calendarId],
    );
    for (const { requestId } of rows) {
      const request = await manager.findOneBy(CustomerRequest, { id: Number(requestId) });
      if (request) await keepDueAt(manager, request, await this.clocks.recompute(manager, request.id, now), now, true);
    }
  }

  listPolicies(): Promise<SlaPolicy[]> {
    return this.dataSource.getRepository(SlaPolicy).find({ order: { rank: 'ASC', id: 'ASC' } });
  }

  async getPolicy(id: number): Promise<SlaPolicy> {
    const policy = await this.dataSource.getRepository(SlaPolicy).findOneBy({ id });
    if (!policy) throw notFound('Policy', id);
    return policy;
  }

  async createPolicy(actor: Principal, body: CreatePolicyDto, now = new Date()): Promise<SlaPolicy> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(SlaPolicy, { code: body.code })) throw conflict('duplicate', `The policy code "${body.code}" is taken`, [{ path: 'code', message: 'already taken' }]);
      const policy = manager.create(SlaPolicy, { active: true, rank: 100, condition: null, stepLimits: {}, clockRules: [], warningPercent: 80, ...definedFields(body), createdAt: now, updatedAt: now });
      await checkPolicy(manager, policy);
      await manager.save(policy);
      await this.audit.record(manager, actor, { entityType: 'sla_policy', entityId: policy.id, action: 'create', changes: changesBetween(null, policy, POLICY_FIELDS) }, now);
      return policy;
    });
  }

  async updatePolicy(actor: Principal, id: number, body: UpdatePolicyDto, now = new Date()): Promise<SlaPolicy> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await manager.findOneBy(SlaPolicy, { id });
      if (!policy) throw notFound('Policy', id);
      const before = { ...policy };
      Object.assign(policy, definedFields(body), { updatedAt: now });
      await checkPolicy(manager, policy);
      await manager.save(policy);
      await this.audit.record(manager, actor, { entityType: 'sla_policy', entityId: id, action: 'update', changes: changesBetween(before, policy, POLICY_FIELDS) }, now);
      return policy;
    });
  }
}

function checkCalendar(definition: unknown): void {
  const issues = calendarIssues(definition);
  if (issues.length) throw badRequest('invalid_calendar', 'The calendar is not valid', issues.map((issue) => ({ path: issue.path ? `definition.${issue.path}` : 'definition', message: issue.message })));
}

async function checkPolicy(manager: EntityManager, policy: SlaPolicy): Promise<void> {
  const issues = policyIssues(policy);
  if (!(await manager.existsBy(SlaCalendar, { id: policy.calendarId }))) issues.push({ path: 'calendarId', message: `calendar ${policy.calendarId} does not exist` });
  if (issues.length) throw badRequest('invalid_policy', 'The SLA policy is not valid', issues);
}
