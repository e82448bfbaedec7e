import { clockName, deadlineText } from './breach-mail';

describe('SLA notification facts', () => {
  it('names clocks in the recipient language', () => {
    expect([clockName('en', 'reaction'), clockName('ru', 'resolution'), clockName('ru', 'step:Repair'), clockName('en', 'step:Repair'), clockName('de', 'custom')]).toEqual(['reaction', 'решения', 'этапа Repair', 'step Repair', 'custom']);
  });

  it("writes the deadline in the recipient's time zone, UTC when the zone is unknown", () => {
    const deadline = new Date('2026-03-03T10:30:00Z');
    expect(deadlineText(deadline, 'Europe/Moscow')).toBe('2026-03-03 13:30 Europe/Moscow');
    expect(deadlineText(deadline, 'UTC')).toBe('2026-03-03 10:30 UTC');
    expect(deadlineText(deadline, 'Mars/Olympus')).toBe('2026-03-03 10:30 UTC');
    expect(deadlineText(new Date('2026-03-03T23:05:00Z'), 'Asia/Tokyo')).toBe('2026-03-04 08:05 Asia/Tokyo');
  });

  it('gives every instant of a minute that minute, though texts are kept per minute and zone', () => {
    expect(deadlineText(new Date('2026-03-03T10:30:00Z'), 'Europe/Moscow')).toBe('2026-03-03 13:30 Europe/Moscow');
    expect(deadlineText(new Date('2026-03-03T10:30:59.999Z'), 'Europe/Moscow')).toBe('2026-03-03 13:30 Europe/Moscow');
    expect(deadlineText(new Date('2026-03-03T10:31:00Z'), 'Europe/Moscow')).toBe('2026-03-03 13:31 Europe/Moscow');
    expect(deadlineText(new Date('2026-03-03T10:30:30Z'), 'Asia/Tokyo')).toBe('2026-03-03 19:30 Asia/Tokyo');
    expect(deadlineText(new Date('1969-12-31T23:59:30Z'), 'UTC')).toBe('1969-12-31 23:59 UTC');
  });
});
