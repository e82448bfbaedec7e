import { ALL_SLOT_COLUMNS, slotKindOf } from './list-slots';
import { MAX_INDEXED_STRING, toStoredValue } from './value-columns';

describe('stored attribute values', () => {
  it('sets exactly the typed column of the value kind', () => {
    expect(toStoredValue('number', '12.5')).toEqual({ valueString: null, valueText: null, valueNumber: 12.5, valueInstant: null });
    expect(toStoredValue('number', true).valueNumber).toBe(1);
    expect(toStoredValue('instant', '2026-03-29T01:30:00Z').valueInstant?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toStoredValue('text', 'long story')).toEqual({ valueString: null, valueText: 'long story', valueNumber: null, valueInstant: null });
  });

  it('cuts strings to what an index can hold, leaving long text whole', () => {
    const long = 'я'.repeat(500);
    expect(toStoredValue('string', long).valueString).toHaveLength(MAX_INDEXED_STRING);
    expect(toStoredValue('text', long).valueText).toHaveLength(500);
  });

  it('knows the family of every slot column and of nothing else', () => {
    expect(ALL_SLOT_COLUMNS).toHaveLength(22);
    expect(slotKindOf('listText10')).toBe('text');
    expect(slotKindOf('listNumber6')).toBe('number');
    expect(slotKindOf('listInstant1')).toBe('instant');
    expect(slotKindOf('listNumber7')).toBeUndefined();
    expect(slotKindOf('status')).toBeUndefined();
  });
});
