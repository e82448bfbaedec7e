import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { Notification } from '../../server/src/notifications/entities/notification.entity';
import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import type { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { fireSlaTimer, fireSlaTimers, type BreachEffects } from '../../server/src/sla/breach-handler';
import { SlaBreach } from '../../server/src/sla/entities/sla-breach.entity';
import { SLA_WARNING, SlaClocks } from '../../server/src/sla/sla-clocks';
import { createScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { insertRequest, insertSlaSetup, insertUser, insertWorkgroup } from './sla-fixtures';

const at = (iso: string) => new Date(iso);
const effects: BreachEffects = {
  mailDomain: 'docket.test',
  audit: async (manager, record, now) => {
    await manager.insert(AuditEntry, { at: now, actorId: null, actorLogin: 'system', entityType: record.entityType, entityId: String(record.entityId), action: record.action, changes: record.changes as never });
  },
};

/**
 * A batch of SLA timers must do for each timer exactly what firing it alone does: the same breach, audit
 * line, mails (with the breach's own id in their event key) and in-app rows, and nothing for stale or replayed timers.
 */
describe.each(testDatabases())('SLA timers fired as one batch on %s', (database) => {
  let scratch: ScratchDatabase;
  let source: DataSource;
  const requests: CustomerRequest[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(database);
    source = new DataSource(dataSourceOptions({ databaseUrl: scratch.url, driver: database === 'sqlite' ? 'sqlite' : 'mysql' }));
    await source.initialize();
    await source.runMigrations();
    await insertSlaSetup(source.manager);
    const anna = await insertUser(source.manager, 'anna', 'ru');
    const boris = await insertUser(source.manager, 'boris');
    const lead = await insertUser(source.manager, 'lead');
    const director = await insertUser(source.manager, 'director');
    const top = await insertWorkgroup(source.manager, 'support', director, null);
    await insertWorkgroup(source.manager, 'line2', lead, top, [anna, boris]);
    // Monday 10:00 Moscow, VIP: each reaction clock's warning falls due at 07:45 UTC, its deadline at 08:00.
    for (const assigneeId of [anna, boris, anna, boris]) {
      const request = await insertRequest(source.manager, { topicId: 7, priority: 2, queueId: 3, assigneeId, status: 'new' });
      await source.transaction((manager) => new SlaClocks().startClocks(manager, request, { client: { category: 'VIP' } }, at('2026-03-02T07:00:00Z')));
      requests.push(request);
    }
  });

  afterAll(async () => {
    await source?.destroy();
    await scratch?.drop();
  });

  const warningOf = async (request: CustomerRequest) => {
    const jobs = await source.getRepository(ScheduledJob).findBy({ kind: SLA_WARNING, subjectId: request.id });
    return jobs.find((job) => (job.payload as { clock: string }).clock === 'reaction')!;
  };

  /** Everything one request's warning did, with the request's own number and ids written out of it. */
  async function effectsOf(request: CustomerRequest) {
    const breaches = await source.getRepository(SlaBreach).findBy({ requestId: request.id });
    // Told apart by the timer that fired them.
    const key = `request:${request.id}:sla.warning:${(await warningOf(request)).id}`;
    const neutral = (text: string | null) => (text ?? '').split(request.number).join('#');
    const mails = await source.getRepository(OutboxMessage).find({ where: { eventKey: key }, order: { id: 'ASC' } });
    const inApp = await source.getRepository(Notification).find({ where: { eventKey: key }, order: { userId: 'ASC' } });
    return {
      breaches: breaches.map((breach) => [breach.kind, breach.clock, breach.deadline.toISOString(), breach.occurredAt.toISOString(), breach.assigneeId, breach.queueId]),
      audit: (await source.getRepository(AuditEntry).findBy({ entityType: 'request', entityId: String(request.id) })).map((entry) => [entry.action, entry.changes]),
      mails: mails.map((mail) => [mail.recipient, neutral(mail.subject), neutral(mail.text), neutral(mail.html), mail.references.length]),
      inApp: inApp.map((row) => [row.userId, row.event, neutral(row.title), neutral(row.body)]),
    };
  }

  it('gives each timer of a batch the effects it has when fired alone', async () => {
    const now = at('2026-03-02T07:50:00Z');
    const [first, second, third, fourth] = requests;
    await source.transaction(async (manager) => fireSlaTimers('warning', [await warningOf(first), await warningOf(second), await warningOf(third)], manager, now, effects));
    await source.transaction(async (manager) => fireSlaTimer('warning', await warningOf(fourth), manager, now, effects));

    // The fourth (boris's, fired alone) against the second (boris's, in the batch).
    const alone = await effectsOf(fourth);
    expect(alone.breaches).toHaveLength(1);
    expect(alone.mails.map((mail) => mail[0])).toEqual(['boris@example.com', 'lead@example.com', 'director@example.com']);
    expect(alone.inApp).toHaveLength(3);
    expect(alone.audit).toEqual([['sla.warning', [{ field: 'reaction.warning', old: null, new: '2026-03-02T08:00:00.000Z' }]]]);
    expect(await effectsOf(second)).toEqual(alone);
    expect(await effectsOf(first)).toEqual(await effectsOf(third));
    expect((await effectsOf(first)).mails.map((mail) => mail[0])).toEqual(['anna@example.com', 'lead@example.com', 'director@example.com']);
    expect(await source.getRepository(OutboxMessage).count()).toBe(12);
  });

  it('does nothing for replayed and stale timers in a batch', async () => {
    const replayed = await warningOf(requests[0]);
    const stale = { ...(await warningOf(requests[1])), payload: { clock: 'reaction', deadline: '2026-03-02T09:00:00.000Z' } } as unknown as ScheduledJob;
    const counts = async () => [await source.getRepository(SlaBreach).count(), await source.getRepository(AuditEntry).count(), await source.getRepository(OutboxMessage).count(), await source.getRepository(Notification).count()];
    const before = await counts();
    await source.transaction((manager) => fireSlaTimers('warning', [replayed, stale, replayed], manager, at('2026-03-02T07:55:00Z'), effects));
    expect(await counts()).toEqual(before);
  });
});
