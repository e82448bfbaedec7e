import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { JobRunner } from '../../server/src/scheduler/job-runner';
import { fireSlaTimer, type BreachEffects } from '../../server/src/sla/breach-handler';
import { SlaBreach } from '../../server/src/sla/entities/sla-breach.entity';
import { SlaLedgerEntry } from '../../server/src/sla/entities/sla-ledger-entry.entity';
import { dueAtOf } from '../../server/src/sla/request-due';
import { SLA_BREACH, SLA_WARNING, SlaClocks } from '../../server/src/sla/sla-clocks';
import { createScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { insertRequest, insertSlaSetup, insertUser, insertWorkgroup } from './sla-fixtures';

const at = (iso: string) => new Date(iso);
const effects: BreachEffects = {
  mailDomain: 'docket.test',
  audit: async (manager, record, now) => {
    await manager.insert(AuditEntry, { at: now, actorId: null, actorLogin: 'system', entityType: record.entityType, entityId: String(record.entityId), action: record.action, changes: record.changes as never });
  },
};

describe.each(testDatabases())('SLA clocks, timers and breaches on %s', (database) => {
  let scratch: ScratchDatabase;
  let source: DataSource;
  const clocks = new SlaClocks();
  let requestId: number;
  let setup: Awaited<ReturnType<typeof insertSlaSetup>>;

  beforeAll(async () => {
    scratch = await createScratchDatabase(database);
    source = new DataSource(dataSourceOptions({ databaseUrl: scratch.url, driver: database === 'sqlite' ? 'sqlite' : 'mysql' }));
    await source.initialize();
    await source.runMigrations();
    setup = await insertSlaSetup(source.manager);
    const assignee = await insertUser(source.manager, 'anna', 'ru');
    const lead = await insertUser(source.manager, 'lead');
    const director = await insertUser(source.manager, 'director');
    const top = await insertWorkgroup(source.manager, 'support', director, null);
    await insertWorkgroup(source.manager, 'line2', lead, top, [assignee]);
    requestId = (await insertRequest(source.manager, { topicId: 7, priority: 2, queueId: 3, assigneeId: assignee, status: 'new' })).id;
  });

  afterAll(async () => {
    await source?.destroy();
    await scratch?.drop();
  });

  const pendingTimers = () => source.getRepository(ScheduledJob).find({ where: { state: 'pending' }, order: { dueAt: 'ASC' } });
  const byClock = <T extends { clock: string }>(views: T[], clock: string) => views.find((view) => view.clock === clock) as T;

  it('chooses the policy by rule, starts both clocks on its calendar and schedules their timers', async () => {
    // Monday 2 March 2026 10:00 Moscow (07:00 UTC), VIP priority 2 on office hours: reaction 60 min → 11:00,
    // resolution 480 min → 18:00; warnings at 75 %: 10:45 and 16:00 Moscow.
    const request = await source.manager.findOneByOrFail(CustomerRequest, { id: requestId });
    const views = await source.transaction((manager) => clocks.startClocks(manager, request, { client: { category: 'VIP' } }, at('2026-03-02T07:00:00Z')));
    expect(byClock(views!, 'reaction')).toMatchObject({ policyId: setup.vip.id, state: 'running', deadline: '2026-03-02T08:00:00.000Z', warningAt: '2026-03-02T07:45:00.000Z' });
    expect(byClock(views!, 'resolution')).toMatchObject({ state: 'running', deadline: '2026-03-02T15:00:00.000Z', warningAt: '2026-03-02T13:00:00.000Z' });
    expect((await pendingTimers()).map((job) => [job.kind, job.dueAt.toISOString(), (job.payload as { clock: string }).clock])).toEqual([
      [SLA_WARNING, '2026-03-02T07:45:00.000Z', 'reaction'],
      [SLA_BREACH, '2026-03-02T08:00:00.000Z', 'reaction'],
      [SLA_WARNING, '2026-03-02T13:00:00.000Z', 'resolution'],
      [SLA_BREACH, '2026-03-02T15:00:00.000Z', 'resolution'],
    ]);
    expect(dueAtOf(views!)?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });

  it('pauses on a status the policy names, with no timers and no due date while paused', async () => {
    const views = await source.transaction((manager) => clocks.onEvent(manager, requestId, { type: 'status', status: 'waiting_customer', previousStatus: 'new' }, at('2026-03-02T07:30:00Z')));
    expect(views.map((view) => [view.clock, view.state, view.deadline])).toEqual([
      ['reaction', 'paused', null],
      ['resolution', 'paused', null],
    ]);
    expect(await pendingTimers()).toEqual([]);
    expect(dueAtOf(views)).toBeNull();
  });

  it('stops the reaction clock and resumes resolution when work starts, then follows a priority change', async () => {
    // Tuesday 10:00 Moscow: 30 of 480 min used → 450 remain → 17:30 Moscow (14:30 UTC).
    const resumed = await source.transaction((manager) => clocks.onEvent(manager, requestId, { type: 'status', status: 'in_progress', previousStatus: 'waiting_customer' }, at('2026-03-03T07:00:00Z')));
    expect(byClock(resumed, 'reaction')).toMatchObject({ state: 'stopped', breached: false, elapsedMinutes: 30 });
    expect(byClock(resumed, 'resolution')).toMatchObject({ state: 'running', deadline: '2026-03-03T14:30:00.000Z', warningAt: '2026-03-03T12:30:00.000Z' });
    // Priority 1 at 11:00 Moscow: 90 of 240 min used → 13:30 Moscow; warning at 180 min → 12:30 Moscow.
    const raised = await source.transaction((manager) => clocks.onEvent(manager, requestId, { type: 'priority', priority: 1 }, at('2026-03-03T08:00:00Z')));
    expect(byClock(raised, 'resolution')).toMatchObject({ priority: 1, targetMinutes: 240, deadline: '2026-03-03T10:30:00.000Z', warningAt: '2026-03-03T09:30:00.000Z' });
    expect((await pendingTimers()).map((job) => [job.kind, job.dueAt.toISOString()])).toEqual([
      [SLA_WARNING, '2026-03-03T09:30:00.000Z'],
      [SLA_BREACH, '2026-03-03T10:30:00.000Z'],
    ]);
    expect(await source.getRepository(SlaLedgerEntry).countBy({ requestId })).toBe(7);
  });

  it('fires the warning and the breach once each: a record, an audit line and mail to the assignee and the manager chain', async () => {
    const runner = new JobRunner(source, new Map([[SLA_WARNING, (job, manager, now) => fireSlaTimer('warning', job, manager, now, effects)], [SLA_BREACH, (job, manager, now) => fireSlaTimer('breach', job, manager, now, effects)]]), { batchSize: 50, leaseMs: 60_000 });
    expect(await runner.sweep(() => at('2026-03-03T09:45:00Z'))).toEqual({ done: 1, failed: 0, lost: 0 });
    expect(await runner.sweep(() => at('2026-03-03T11:00:00Z'))).toEqual({ done: 1, failed: 0, lost: 0 });
    const breaches = await source.getRepository(SlaBreach).find({ order: { id: 'ASC' } });
    expect(breaches.map((breach) => [breach.kind, breach.clock, breach.deadline.toISOString(), breach.priority, breach.queueId, breach.topicId, breach.closedAt])).toEqual([
      ['warning', 'resolution', '2026-03-03T10:30:00.000Z', 1, 3, 7, null],
      ['breach', 'resolution', '2026-03-03T10:30:00.000Z', 1, 3, 7, null],
    ]);
    const mails = await source.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
    expect(mails.map((mail) => [mail.eventKey.split(':')[2], mail.recipient])).toEqual([
      ['sla.warning', 'anna@example.com'],
      ['sla.warning', 'lead@example.com'],
      ['sla.warning', 'director@example.com'],
      ['sla.breach', 'anna@example.com'],
      ['sla.breach', 'lead@example.com'],
      ['sla.breach', 'director@example.com'],
    ]);
    expect(mails[3].subject).toMatch(/^Нарушен срок решения: REQ-/);
    expect(mails[4].text).toContain("You manage the assignee's workgroup.");
    expect(await source.getRepository(AuditEntry).countBy({ entityType: 'request', entityId: String(requestId) })).toBe(2);

    // A replay of the same timer (a process that died after the effects but was retried) changes nothing.
    const job = await source.getRepository(ScheduledJob).findOneByOrFail({ kind: SLA_BREACH, state: 'done' });
    await source.transaction((manager) => fireSlaTimer('breach', job, manager, at('2026-03-03T11:05:00Z'), effects));
    expect(await source.getRepository(SlaBreach).count()).toBe(2);
    expect(await source.getRepository(OutboxMessage).count()).toBe(6);
  });

  it('closes current breaches when the clock stops, and drops a timer whose clock moved on', async () => {
    const resolved = await source.transaction((manager) => clocks.onEvent(manager, requestId, { type: 'status', status: 'resolved', previousStatus: 'in_progress' }, at('2026-03-03T11:30:00Z')));
    expect(byClock(resolved, 'resolution')).toMatchObject({ state: 'stopped', breached: true });
    expect((await source.getRepository(SlaBreach).find()).every((breach) => breach.closedAt?.toISOString() === '2026-03-03T11:30:00.000Z')).toBe(true);
    const stale = { id: 0, kind: SLA_BREACH, subjectId: requestId, payload: { clock: 'resolution', deadline: '2026-03-03T10:30:00.000Z' } } as unknown as ScheduledJob;
    await source.transaction((manager) => fireSlaTimer('breach', stale, manager, at('2026-03-03T12:00:00Z'), effects));
    expect(await source.getRepository(SlaBreach).count()).toBe(2);
  });

  it('starts a route step clock only where the policy limits that step, and leaves requests without clocks alone', async () => {
    const other = await insertRequest(source.manager, { topicId: 7, priority: 2, queueId: null, assigneeId: null });
    const started = await source.transaction((manager) => clocks.startClocks(manager, other, { client: { category: 'BIS' } }, at('2026-03-07T10:00:00Z')));
    // The catch-all policy on 24x7: reaction 240 min from Saturday 13:00 Moscow → 17:00 Moscow.
    expect(byClock(started!, 'reaction')).toMatchObject({ policyId: setup.standard.id, deadline: '2026-03-07T14:00:00.000Z' });
    const stepped = await source.transaction((manager) => clocks.onEvent(manager, other.id, { type: 'step_enter', stepId: 'triage' }, at('2026-03-07T10:00:00Z')));
    expect(byClock(stepped, 'step:triage')).toMatchObject({ state: 'running', targetMinutes: 120, deadline: '2026-03-07T12:00:00.000Z' });
    const unlimited = await source.transaction((manager) => clocks.onEvent(manager, other.id, { type: 'step_enter', stepId: 'repair' }, at('2026-03-07T10:00:00Z')));
    expect(unlimited.map((view) => view.clock).sort()).toEqual(['reaction', 'resolution', 'step:triage']);
    const bare = await insertRequest(source.manager, { topicId: 7, priority: 2 });
    expect(await source.transaction((manager) => clocks.onEvent(manager, bare.id, { type: 'priority', priority: 1 }, at('2026-03-07T10:00:00Z')))).toEqual([]);
  });
});
