import { formatRequestNumber, numberingYear } from './request-number';

describe('request numbers', () => {
  it('pads the yearly sequence to six digits', () => {
    expect(formatRequestNumber(2026, 123)).toBe('REQ-2026-000123');
    expect(formatRequestNumber(2026, 1)).toBe('REQ-2026-000001');
  });

  it('numbers other records with their own prefix', () => {
    expect(formatRequestNumber(2026, 12, 'PRB')).toBe('PRB-2026-000012');
  });

  it('grows past six digits instead of wrapping', () => {
    expect(formatRequestNumber(2026, 1_234_567)).toBe('REQ-2026-1234567');
  });

  it('refuses sequences and years that cannot be numbers', () => {
    expect(() => formatRequestNumber(2026, 0)).toThrow('positive');
    expect(() => formatRequestNumber(2026, 1.5)).toThrow('positive');
    expect(() => formatRequestNumber(99, 1)).toThrow('out of range');
  });

  it('takes the year in UTC, so a request near midnight on 31 December counts in one year everywhere', () => {
    expect(numberingYear(new Date('2026-12-31T23:30:00-05:00'))).toBe(2027);
    expect(numberingYear(new Date('2026-12-31T23:30:00Z'))).toBe(2026);
  });
});
