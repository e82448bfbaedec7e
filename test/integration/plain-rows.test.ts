import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { insertRows } from '../../server/src/database/plain-rows';
import { isDuplicateKey } from '../../server/src/requests/processing/duplicate-key';
import { RequestValue } from '../../server/src/requests/entities/request-value.entity';
import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import { migratedScratchDatabase, testDatabases, type ScratchDatabase } from '../helpers/databases';

/** insertRows writes as TypeORM would (on MariaDB as prepared statements): what it wrote reads back the same. */
describe.each(testDatabases())('multi-row inserts on %s', (database) => {
  let scratch: ScratchDatabase;
  let source: DataSource;

  beforeAll(async () => ({ scratch, dataSource: source } = await migratedScratchDatabase(database)));
  afterAll(async () => {
    await source?.destroy();
    await scratch?.drop();
  });

  it('stores instants to the millisecond, decimals, booleans, nulls, long and non-Latin text as given', async () => {
    const instant = new Date('2026-03-29T00:59:58.123Z');
    const rows: Partial<RequestValue>[] = [
      { requestId: 1, attributeId: 1, ord: 0, queueId: 7, isOpen: true, valueString: 'Псков — «вода»', valueText: null, valueNumber: null, valueInstant: null },
      { requestId: 1, attributeId: 2, ord: 0, queueId: null, isOpen: false, valueString: null, valueText: 'x'.repeat(20_000), valueNumber: -12345.678901, valueInstant: instant },
      { requestId: 1, attributeId: 3, ord: 1, queueId: 7, isOpen: true, valueString: "O'Brien \\ 100% _", valueText: null, valueNumber: 0, valueInstant: null },
    ];
    await source.transaction((manager) => insertRows(manager, RequestValue, rows));
    const stored = await source.getRepository(RequestValue).find({ order: { attributeId: 'ASC' } });
    expect(stored.map((row) => ({ ...row, valueNumber: row.valueNumber === null ? null : Number(row.valueNumber) }))).toEqual(rows);
  });

  it('writes more rows than one statement holds, skips duplicates with ignore, and refuses them without, as TypeORM does', async () => {
    const mail = (index: number): Partial<OutboxMessage> => ({ eventKey: `test:${index}`, recipient: 'a@example.com', subject: `Mail ${index}`, text: 'text', html: null, messageId: `<m${index}@test>`, references: [], state: 'pending', dueAt: new Date(), attempts: 0, createdAt: new Date() });
    await insertRows(source.manager, OutboxMessage, Array.from({ length: 1_200 }, (_, index) => mail(index)));
    expect(await source.getRepository(OutboxMessage).count()).toBe(1_200);
    await insertRows(source.manager, OutboxMessage, [mail(5), mail(1_200)], { ignore: true });
    expect(await source.getRepository(OutboxMessage).count()).toBe(1_201);
    const refused = await insertRows(source.manager, OutboxMessage, [mail(6)]).catch((error: unknown) => error);
    expect(isDuplicateKey(refused)).toBe(true);
  });
});
