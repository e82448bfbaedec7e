import { atPath, EXTERNAL_LIMITS, ExternalSourceError, toItems } from './external-source';

const fields = { code: 'id', name: 'title', parent: 'group' };

describe('external source rows', () => {
  it('follows a dot path into the answer', () => {
    expect(atPath({ data: { items: [1] } }, 'data.items')).toEqual([1]);
    expect(atPath([1, 2], '')).toEqual([1, 2]);
    expect(atPath({ result: [{ values: 'x' }] }, 'result.0.values')).toBe('x');
    expect(atPath({ data: null }, 'data.items')).toBeUndefined();
  });

  it('turns rows into items, reading numbers as codes and defaulting the name to the code', () => {
    expect(toItems([{ id: 7, group: '' }, { id: 'A', title: 'Alpha', group: 7 }], fields)).toEqual([
      { code: '7', name: '7', parentCode: null },
      { code: 'A', name: 'Alpha', parentCode: '7' },
    ]);
  });

  it.each([
    ['a row that is not an object', [42], 'not an object'],
    ['a row without a code', [{ title: 'x' }], 'has no "id"'],
    ['a code used twice', [{ id: 'A' }, { id: 'A' }], 'appears twice'],
    ['an overlong code', [{ id: 'x'.repeat(EXTERNAL_LIMITS.maxCodeLength + 1) }], 'longer than'],
    ['too many rows', Array.from({ length: EXTERNAL_LIMITS.maxItems + 1 }, (_, i) => ({ id: i })), 'at most'],
  ])('refuses %s', (_what, rows, message) => {
    expect(() => toItems(rows, fields)).toThrow(ExternalSourceError);
    expect(() => toItems(rows, fields)).toThrow(message);
  });
});
