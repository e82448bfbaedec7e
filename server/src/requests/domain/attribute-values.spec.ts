import { valuesFromRows, valueWrites, type ValueAttribute } from './attribute-values';

const ATTRIBUTES: ValueAttribute[] = [
  { id: 1, code: 'CITY', valueType: 'string', multiple: false },
  { id: 2, code: 'URGENT', valueType: 'boolean', multiple: false },
  { id: 3, code: 'VISIT', valueType: 'date', multiple: false },
  { id: 4, code: 'PHONES', valueType: 'string', multiple: true },
  { id: 5, code: 'AMOUNT', valueType: 'decimal', multiple: false },
];
const empty = { valueString: null, valueText: null, valueNumber: null, valueInstant: null };

describe('attribute values between the API and storage', () => {
  it('writes each value into the storage kind of its type; null clears', () => {
    expect(valueWrites(ATTRIBUTES, { CITY: 'Pskov', URGENT: true, PHONES: ['1', '2'], VISIT: null })).toEqual([
      { attributeId: 1, kind: 'string', values: ['Pskov'] },
      { attributeId: 2, kind: 'number', values: [true] },
      { attributeId: 4, kind: 'string', values: ['1', '2'] },
      { attributeId: 3, kind: 'instant', values: [] },
    ]);
  });

  it('refuses a code that was never validated', () => {
    expect(() => valueWrites(ATTRIBUTES, { NOPE: 1 })).toThrow('NOPE');
  });

  it('reads rows back in the shapes the form schema uses', () => {
    const rows = [
      { ...empty, attributeId: 4, ord: 1, valueString: '2' },
      { ...empty, attributeId: 4, ord: 0, valueString: '1' },
      { ...empty, attributeId: 2, ord: 0, valueNumber: 1 },
      { ...empty, attributeId: 3, ord: 0, valueInstant: new Date('2026-03-02T00:00:00Z') },
      { ...empty, attributeId: 5, ord: 0, valueNumber: '12.500000' as unknown as number },
      { ...empty, attributeId: 99, ord: 0, valueString: 'gone' },
    ];
    expect(valuesFromRows(ATTRIBUTES, rows)).toEqual({ PHONES: ['1', '2'], URGENT: true, VISIT: '2026-03-02', AMOUNT: 12.5 });
  });
});
