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
});
