import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DocketError } from '../../server/src/common/docket-error';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { RequestValue } from '../../server/src/requests/entities/request-value.entity';
import { RequestListQuery } from '../../server/src/requests/list/request-list.query';
import type { StoredAttribute } from '../../server/src/requests/list/request-list.types';
import { ListSlotAllocator } from '../../server/src/requests/storage/list-slot-allocator';
import { slotIndexName } from '../../server/src/requests/storage/list-slots';
import { moveValueBucket, writeRequestValues } from '../../server/src/requests/storage/request-values.writer';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { generateRequest, insertRequests, registerSampleSlots, seededRandom } from '../helpers/request-data';

const REGION_ATTRIBUTE = 4;
const SCORE_ATTRIBUTE = 5;

describe.each(testDatabases())('list-column slots and value writes on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  const random = seededRandom(11);
  const requests = Array.from({ length: 12_000 }, (_, index) => generateRequest(index + 1, random, { weights: [1, 1], openShare: 0.5 }));

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    await insertRequests(dataSource, requests);
    await registerSampleSlots(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  const slotOf = async (id: number, column: string) => (await dataSource.query(`SELECT ${column} AS value FROM requests WHERE id = ?`, [id]))[0].value;

  it('fills a newly assigned slot from every existing value, indexes it, and lists through it', async () => {
    const allocator = new ListSlotAllocator(dataSource);
    const slot = await allocator.assign(REGION_ATTRIBUTE, 'string');
    expect(slot).toBe('listText2'); // the sample's city attribute holds listText1
    const withRegion = requests.filter((request) => request.values.region !== null);
    const [{ copied }] = await dataSource.query(`SELECT COUNT(*) AS copied FROM requests WHERE ${slot} IS NOT NULL`);
    expect(Number(copied)).toBe(withRegion.length);
    expect(await slotOf(requests[9_999].id, slot)).toBe(requests[9_999].values.region);
    const runner = dataSource.createQueryRunner();
    expect((await runner.getTable('requests'))?.indices.map((index) => index.name)).toContain(slotIndexName(slot));
    await runner.release();

    const viaSlot: StoredAttribute = { attributeId: REGION_ATTRIBUTE, code: 'region', kind: 'string', slot };
    const viaValues: StoredAttribute = { ...viaSlot, slot: null };
    const spec = { queueIds: [1], open: true, filters: [{ field: 'attr.region', op: 'eq' as const, value: 'north' }], sort: [{ field: 'attr.region', direction: 'asc' as const }], page: 1, pageSize: 25 };
    const ids = async (attribute: StoredAttribute) =>
      (await new RequestListQuery(new Map([['region', attribute]])).apply(dataSource.getRepository(CustomerRequest).createQueryBuilder('r'), spec).getMany()).map((request) => request.id);
    expect(await ids(viaSlot)).toEqual(await ids(viaValues));
    expect((await ids(viaSlot)).length).toBe(25);
  });

  it('keeps the slot in step with value writes, multiple values and clearing', async () => {
    const slots = await ListSlotAllocator.slotsFor(dataSource.manager);
    const slot = slots.get(REGION_ATTRIBUTE)!.slot;
    const bucket = { requestId: 5, queueId: 2, isOpen: true };
    await dataSource.transaction((manager) =>
      writeRequestValues(manager, bucket, [{ attributeId: REGION_ATTRIBUTE, kind: 'string', values: ['volga', 'urals'] }, { attributeId: SCORE_ATTRIBUTE, kind: 'number', values: [42] }], slots),
    );
    expect(await slotOf(5, slot)).toBe('volga');
    const rows = await dataSource.getRepository(RequestValue).find({ where: { requestId: 5, attributeId: REGION_ATTRIBUTE }, order: { ord: 'ASC' } });
    expect(rows.map((row) => [row.ord, row.valueString, row.queueId])).toEqual([
      [0, 'volga', 2],
      [1, 'urals', 2],
    ]);
    await dataSource.transaction((manager) => writeRequestValues(manager, bucket, [{ attributeId: REGION_ATTRIBUTE, kind: 'string', values: [] }], slots));
    expect(await slotOf(5, slot)).toBeNull();
    expect(await dataSource.getRepository(RequestValue).countBy({ requestId: 5, attributeId: REGION_ATTRIBUTE })).toBe(0);
  });

  it('moves value rows with their request when it changes queue or closes', async () => {
    await dataSource.transaction((manager) => moveValueBucket(manager, { requestId: 5, queueId: 1, isOpen: false }));
    const rows = await dataSource.getRepository(RequestValue).findBy({ requestId: 5 });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.queueId === 1 && row.isOpen === false)).toBe(true);
  });

  it('refuses long text and a full slot family, and empties a released slot', async () => {
    const allocator = new ListSlotAllocator(dataSource);
    await expect(allocator.assign(7, 'text')).rejects.toMatchObject({ code: 'not_a_list_column' });
    for (let attributeId = 100; attributeId < 105; attributeId++) await allocator.assign(attributeId, 'instant');
    const refusal = await allocator.assign(105, 'instant').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DocketError);
    expect(refusal).toMatchObject({ status: 409, code: 'no_free_list_slot' });

    const slot = (await ListSlotAllocator.slotsFor(dataSource.manager)).get(REGION_ATTRIBUTE)!.slot;
    await allocator.release(REGION_ATTRIBUTE);
    const [{ remaining }] = await dataSource.query(`SELECT COUNT(*) AS remaining FROM requests WHERE ${slot} IS NOT NULL`);
    expect(Number(remaining)).toBe(0);
    expect((await ListSlotAllocator.slotsFor(dataSource.manager)).has(REGION_ATTRIBUTE)).toBe(false);
  });
});
