import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSecretKey } from './secret-key';

describe('loadSecretKey', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'docket-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('derives the same key from the same passphrase in every process, and refuses a short one', () => {
    const passphrase = 'correct horse battery staple, long enough';
    const file = join(dir, 'unused.key');
    expect(loadSecretKey({ key: passphrase, file }).equals(loadSecretKey({ key: passphrase, file }))).toBe(true);
    expect(loadSecretKey({ key: passphrase, file })).toHaveLength(32);
    expect(loadSecretKey({ key: `${passphrase}!`, file }).equals(loadSecretKey({ key: passphrase, file }))).toBe(false);
    expect(() => loadSecretKey({ key: 'short', file })).toThrow(/at least 32 characters/);
    expect(() => statSync(file)).toThrow();
  });

  it('writes a new random key file readable by its owner only, then keeps using it', () => {
    const file = join(dir, 'nested', 'secret.key');
    const first = loadSecretKey({ file });
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    expect(loadSecretKey({ file }).equals(first)).toBe(true);
  });

  it('leaves only the key file behind, and every later start reads the same key from it', () => {
    const file = join(dir, 'secret.key');
    const keys = Array.from({ length: 4 }, () => loadSecretKey({ file }).toString('hex'));
    expect(new Set(keys).size).toBe(1);
    expect(readdirSync(dir)).toEqual(['secret.key']);
  });

  it('refuses a key file that does not hold a key', () => {
    const file = join(dir, 'secret.key');
    writeFileSync(file, 'not a key\n');
    expect(() => loadSecretKey({ file })).toThrow(/64 hexadecimal digits/);
  });
});
