import { addDuration } from './duration';

describe('addDuration', () => {
  const start = new Date('2026-01-31T22:30:00Z');
  it.each([
    ['PT4H', '2026-02-01T02:30:00.000Z'],
    ['P2D', '2026-02-02T22:30:00.000Z'],
    ['P1W', '2026-02-07T22:30:00.000Z'],
    ['P1M', '2026-02-28T22:30:00.000Z'],
    ['P2M', '2026-03-31T22:30:00.000Z'],
    ['P1Y', '2027-01-31T22:30:00.000Z'],
    ['P1DT1H30M15S', '2026-02-02T00:00:15.000Z'],
  ])('%s after %s', (duration, expected) => {
    expect(addDuration(start, duration).toISOString()).toBe(expected);
  });

  it.each(['', 'P', 'PT', '14 days', 'P1.5D'])('refuses %j', (duration) => {
    expect(() => addDuration(start, duration)).toThrow('is not an ISO 8601 duration');
  });
});
