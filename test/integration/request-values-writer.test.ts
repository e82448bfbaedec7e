import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { RequestValue } from '../../server/src/requests/entities/request-value.entity';
import { ListSlotAllocator } from '../../server/src/requests/storage/list-slot-allocator';
import { writeRequestValues } from '../../server/src/requests/storage/request-values.writer';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { generateRequest, insertRequests, registerSampleSlots, seededRandom } from '../helpers/request-data';

// The sample attributes with list-column slots (see registerSampleSlots).
const REGION_ATTRIBUTE = 1;
const SCORE_ATTRIBUTE = 2;
const TAGS_ATTRIBUTE = 901;
const NOTE_ATTRIBUTE = 902;

/** writeRequestValues writes all attributes in a few statements: it must still rewrite only what it is given. */
describe.each(testDatabases())('batched attribute value writes on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  const random = seededRandom(7);

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    await insertRequests(dataSource, Array.from({ length: 3 }, (_, index) => generateRequest(index + 1, random, { weights: [1], openShare: 1 })));
    await registerSampleSlots(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  const valuesOf = async (requestId: number) =>
    (await dataSource.getRepository(RequestValue).find({ where: { requestId }, order: { attributeId: 'ASC', ord: 'ASC' } }))
      .filter((row) => [REGION_ATTRIBUTE, SCORE_ATTRIBUTE, TAGS_ATTRIBUTE, NOTE_ATTRIBUTE].includes(row.attributeId))
      .map((row) => [row.attributeId, row.ord, row.valueString ?? row.valueText ?? (row.valueNumber === null ? null : Number(row.valueNumber))]);

  it('rewrites only the attributes it is given, keeps the others, and keeps the slots in step', async () => {
    const slots = await ListSlotAllocator.slotsFor(dataSource.manager);
    const regionSlot = slots.get(REGION_ATTRIBUTE)!.slot;
    const scoreSlot = slots.get(SCORE_ATTRIBUTE)!.slot;
    const bucket = { requestId: 2, queueId: 1, isOpen: true };
    const othersOf = async (requestId: number) => (await dataSource.getRepository(RequestValue).find({ where: { requestId }, order: { attributeId: 'ASC', ord: 'ASC' } })).filter((row) => row.attributeId > SCORE_ATTRIBUTE && row.attributeId < TAGS_ATTRIBUTE);
    const others = await othersOf(2);
    // More rows than one INSERT takes, so the batching is exercised too.
    const tags = Array.from({ length: 150 }, (_, index) => `tag ${index}`);
    await dataSource.transaction((manager) =>
      writeRequestValues(manager, bucket, [
        { attributeId: REGION_ATTRIBUTE, kind: 'string', values: ['volga'] },
        { attributeId: SCORE_ATTRIBUTE, kind: 'number', values: [7] },
        { attributeId: TAGS_ATTRIBUTE, kind: 'string', values: tags },
        { attributeId: NOTE_ATTRIBUTE, kind: 'text', values: ['a long note'] },
      ], slots),
    );
    expect(await valuesOf(2)).toEqual([[REGION_ATTRIBUTE, 0, 'volga'], [SCORE_ATTRIBUTE, 0, 7], ...tags.map((tag, ord) => [TAGS_ATTRIBUTE, ord, tag]), [NOTE_ATTRIBUTE, 0, 'a long note']]);

    // The last write of an attribute wins; an empty list clears it and its slot; unnamed attributes stay.
    await dataSource.transaction((manager) =>
      writeRequestValues(manager, bucket, [
        { attributeId: REGION_ATTRIBUTE, kind: 'string', values: ['urals'] },
        { attributeId: TAGS_ATTRIBUTE, kind: 'string', values: ['only'] },
        { attributeId: REGION_ATTRIBUTE, kind: 'string', values: ['ob', 'irtysh'] },
        { attributeId: SCORE_ATTRIBUTE, kind: 'number', values: [] },
      ], slots),
    );
    expect(await valuesOf(2)).toEqual([[REGION_ATTRIBUTE, 0, 'ob'], [REGION_ATTRIBUTE, 1, 'irtysh'], [TAGS_ATTRIBUTE, 0, 'only'], [NOTE_ATTRIBUTE, 0, 'a long note']]);
    const [row] = await dataSource.query(`SELECT ${regionSlot} AS region, ${scoreSlot} AS score FROM requests WHERE id = 2`);
    expect([row.region, row.score]).toEqual(['ob', null]);
    // The sample values of attributes not written stay as they were, and another request's values are untouched.
    expect(await othersOf(2)).toEqual(others);
    expect((await valuesOf(3)).filter(([attributeId]) => attributeId === TAGS_ATTRIBUTE)).toEqual([]);
  });

  it('writes nothing for no writes, and rolls back with its transaction', async () => {
    const slots = await ListSlotAllocator.slotsFor(dataSource.manager);
    const before = await valuesOf(1);
    await dataSource.transaction((manager) => writeRequestValues(manager, { requestId: 1, queueId: 1, isOpen: true }, [], slots));
    await expect(
      dataSource.transaction(async (manager) => {
        await writeRequestValues(manager, { requestId: 1, queueId: 1, isOpen: true }, [{ attributeId: TAGS_ATTRIBUTE, kind: 'string', values: ['x'] }], slots, { fresh: true });
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await valuesOf(1)).toEqual(before);
  });
});
