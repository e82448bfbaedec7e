import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { queueRoleColumns, queueRolesIn, queueRolesOf } from '../../server/src/queues/queue-access';
import { Queue } from '../../server/src/queues/queue.entity';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { insertUser, insertWorkgroup } from './sla-fixtures';

const CREATED = new Date(Date.UTC(2026, 10, 1));
/** Enough queues that their ids, comma-separated, pass MySQL's default GROUP_CONCAT limit of 1,024 bytes. */
const MANY = 320;

/** A user's queues, asked alone and as sign-in asks them (columns beside the user's row), on each database. */
describe.each(testDatabases())('which queues a user is in, on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  let queueIds: number[];
  const users: Record<'member' | 'grouped' | 'administrator' | 'busy' | 'nobody', number> = { member: 0, grouped: 0, administrator: 0, busy: 0, nobody: 0 };

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    const manager = dataSource.manager;
    const { identifiers } = await manager.insert(
      Queue,
      Array.from({ length: MANY }, (_, index) => ({ code: `Q${index}`, name: `Queue ${index}`, description: null, active: true, allowedSteps: [], createdAt: CREATED, updatedAt: CREATED })),
    );
    queueIds = identifiers.map((identifier) => Number(identifier.id));
    for (const name of Object.keys(users) as (keyof typeof users)[]) users[name] = await insertUser(manager, name);
    const [first, second, third] = queueIds;
    await manager.query('INSERT INTO queue_members (queueId, userId) VALUES (?, ?), (?, ?)', [second, users.member, first, users.member]);
    const group = await insertWorkgroup(manager, 'G', null, null, [users.grouped, users.member]);
    await manager.query('INSERT INTO queue_workgroups (queueId, workgroupId) VALUES (?, ?)', [third, group]);
    await manager.query('INSERT INTO queue_administrators (queueId, userId) VALUES (?, ?)', [third, users.administrator]);
    for (const queueId of queueIds) await manager.query('INSERT INTO queue_members (queueId, userId) VALUES (?, ?)', [queueId, users.busy]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  it('finds membership directly, through a workgroup and as administrator, each queue once and in order', async () => {
    const [first, second, third] = queueIds;
    const manager = dataSource.manager;
    expect(await queueRolesOf(manager, users.member)).toEqual({ member: [first, second, third], administrator: [] });
    expect(await queueRolesOf(manager, users.grouped)).toEqual({ member: [third], administrator: [] });
    expect(await queueRolesOf(manager, users.administrator)).toEqual({ member: [third], administrator: [third] });
    expect(await queueRolesOf(manager, users.nobody)).toEqual({ member: [], administrator: [] });
    expect(await queueRolesOf(manager, 999_999)).toEqual({ member: [], administrator: [] });
  });

  it('answers every queue of a user in hundreds of them, whole', async () => {
    expect((await queueRolesOf(dataSource.manager, users.busy)).member).toEqual([...queueIds].sort((a, b) => a - b));
  });

  it('answers the same beside the user’s row, as the sign-in statement reads them', async () => {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT u.id AS id, ${queueRoleColumns('u.id')} FROM users u ORDER BY u.id`);
    expect(rows).toHaveLength(Object.keys(users).length);
    for (const row of rows) expect(queueRolesIn(row)).toEqual(await queueRolesOf(dataSource.manager, Number(row.id)));
  });
});
