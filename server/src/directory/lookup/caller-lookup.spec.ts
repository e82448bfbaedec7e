import { callerKey } from './caller-lookup';

describe('callerKey', () => {
  it('gives the same key for one number written with different prefixes', () => {
    expect(callerKey('+7 (812) 300-20-10')).toBe('8123002010');
    expect(callerKey('8 812 300 20 10')).toBe('8123002010');
    expect(callerKey('812-300-20-10')).toBe('8123002010');
  });

  it('keeps short internal numbers whole and refuses fragments', () => {
    expect(callerKey('12-34-5')).toBe('12345');
    expect(callerKey('123')).toBeNull();
  });
});
