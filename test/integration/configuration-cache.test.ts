import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { cachedConfiguration, CONFIGURATION_TABLES, revisionReadBefore } from '../../server/src/database/configuration-cache';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { Queue } from '../../server/src/queues/queue.entity';
import { createScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';

describe.each(testDatabases())('the configuration cache on %s', (database) => {
  let scratch: ScratchDatabase;
  /** Two data sources on one database stand for two server processes. */
  let here: DataSource;
  let there: DataSource;
  let loads = 0;

  const open = async () => {
    const source = new DataSource(dataSourceOptions({ databaseUrl: scratch.url, driver: database === 'sqlite' ? 'sqlite' : 'mysql' }));
    await source.initialize();
    return source;
  };
  const queueCodes = (source: DataSource, manager = source.manager) =>
    cachedConfiguration(manager, 'test.queues', async () => {
      loads++;
      return (await manager.find(Queue, { order: { id: 'ASC' } })).map((queue) => queue.code);
    });
  const revision = async (source: DataSource) => Number((await source.query('SELECT revision FROM configuration_revision WHERE id = 1'))[0].revision);
  const queue = (code: string) => ({ code, name: code, description: null, active: true, allowedSteps: [], createdAt: new Date(), updatedAt: new Date() });
  const addQueue = (source: DataSource, code: string) => source.getRepository(Queue).save(queue(code));

  beforeAll(async () => {
    scratch = await createScratchDatabase(database);
    here = await open();
    await here.runMigrations();
    there = await open();
  });
  afterAll(async () => {
    await there?.destroy();
    await here?.destroy();
    await scratch?.drop();
  });

  it('counts writes to tables that exist: each configuration table is an entity\'s', () => {
    const tables = here.entityMetadatas.map((metadata) => metadata.tableName);
    expect([...CONFIGURATION_TABLES].filter((table) => !tables.includes(table))).toEqual([]);
  });

  it('reads the configuration once per revision, and again after any write to a configuration table, from any process', async () => {
    await addQueue(here, 'FIRST');
    loads = 0;
    expect(await queueCodes(here)).toEqual(['FIRST']);
    expect(await queueCodes(here)).toEqual(['FIRST']);
    expect(loads).toBe(1);

    const before = await revision(here);
    await addQueue(there, 'SECOND');
    expect(await revision(here)).toBe(before + 1);
    expect(await queueCodes(here)).toEqual(['FIRST', 'SECOND']);
    await there.getRepository(Queue).update({ code: 'SECOND' }, { name: 'Second line' });
    await there.createQueryBuilder().delete().from(Queue).where('code = :code', { code: 'SECOND' }).execute();
    expect(await queueCodes(here)).toEqual(['FIRST']);
    expect(loads).toBe(3);
  });

  it('lets a transaction take the revision read just before it (with the sign-in) instead of reading it again', async () => {
    await queueCodes(here);
    const signedInAt = await revision(here);
    await addQueue(there, 'LATER');
    loads = 0;
    // Told the revision from before the write, the transaction trusts its copy of that revision: it read nothing itself.
    expect(await here.transaction((manager) => (revisionReadBefore(manager, signedInAt), queueCodes(here, manager)))).not.toContain('LATER');
    expect(await here.transaction((manager) => (revisionReadBefore(manager, signedInAt + 1), queueCodes(here, manager)))).toContain('LATER');
    expect(await here.transaction((manager) => (revisionReadBefore(manager, undefined), queueCodes(here, manager)))).toContain('LATER');
    expect(loads).toBe(1);
    await there.getRepository(Queue).delete({ code: 'LATER' });
  });

  it('counts a transaction that writes configuration once, reads it fresh inside, and keeps a rolled-back write out of the cache', async () => {
    expect(await queueCodes(here)).toEqual(['FIRST']);
    const start = await revision(here);
    await here.transaction(async (manager) => {
      await manager.save(Queue, queue('THIRD'));
      await manager.save(Queue, queue('FOURTH'));
      expect(await queueCodes(here, manager)).toEqual(['FIRST', 'THIRD', 'FOURTH']);
    });
    expect(await revision(here)).toBe(start + 1);
    expect(await queueCodes(here)).toEqual(['FIRST', 'THIRD', 'FOURTH']);

    await expect(
      here.transaction(async (manager) => {
        await manager.save(Queue, queue('GHOST'));
        expect(await queueCodes(here, manager)).toContain('GHOST');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await revision(here)).toBe(start + 1);
    expect(await queueCodes(here)).toEqual(['FIRST', 'THIRD', 'FOURTH']);
  });

  it('leaves the revision alone when only requests, not configuration, are written, and hands out frozen values', async () => {
    const start = await revision(here);
    await here.query("INSERT INTO request_counters (year, lastNumber) VALUES (2099, 1)");
    await here.getRepository('RequestCounter').update({ year: 2099 }, { lastNumber: 2 });
    expect(await revision(here)).toBe(start);
    const codes = await queueCodes(here);
    expect(Object.isFrozen(codes)).toBe(true);
    expect(() => (codes as string[]).push('MUTATED')).toThrow(TypeError);
  });
});
