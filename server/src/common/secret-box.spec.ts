import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and a sealed value shows nothing of the secret', () => {
    const sealed = box.seal('pässword-1 with spaces', 'mailbox.password');
    expect(sealed).toMatch(/^sealed:v1:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('password-1');
    expect(box.open(sealed, 'mailbox.password')).toBe('pässword-1 with spaces');
  });

  it('seals the same secret differently each time', () => {
    expect(box.seal('same', 'p')).not.toBe(box.seal('same', 'p'));
  });

  it('refuses a sealed value changed by one bit, sealed for another purpose, or sealed under another key', () => {
    const sealed = box.seal('secret', 'mailbox.password');
    const bytes = Buffer.from(sealed.slice('sealed:v1:'.length), 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => box.open(`sealed:v1:${bytes.toString('base64')}`, 'mailbox.password')).toThrow(/cannot be opened with this server's secret key/);
    expect(() => box.open(sealed, 'webhook.secret')).toThrow(/cannot be opened/);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'mailbox.password')).toThrow(/cannot be opened/);
  });

  it('answers a value stored before sealing as it is', () => {
    expect(SecretBox.isSealed('plain')).toBe(false);
    expect(box.open('plain', 'mailbox.password')).toBe('plain');
  });

  it('takes only a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
