import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes, scryptSync } from 'node:crypto';
import { dirname } from 'node:path';

export interface SecretKeySource {
  /** DOCKET_SECRET_KEY: a passphrase of at least 32 characters, the same on every server process of an installation. */
  readonly key?: string;
  /** Where the key is kept when no passphrase is given; written once, with a new random key, on first start. */
  readonly file: string;
}

const MIN_PASSPHRASE = 32;
/** A fixed salt: the key must come out the same in every process from the same passphrase. */
const SALT = 'docket secret key';

/** The installation's 32-byte secret key: from the passphrase, else from the key file, created when missing. */
export function loadSecretKey({ key, file }: SecretKeySource): Buffer {
  if (key !== undefined) {
    if (key.length < MIN_PASSPHRASE) throw new Error(`DOCKET_SECRET_KEY must be at least ${MIN_PASSPHRASE} characters long`);
    return scryptSync(key, SALT, 32);
  }
  try {
    return keyIn(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const fresh = randomBytes(32).toString('hex');
  // Written aside, then linked into place: of two processes starting at once, one puts its whole key there and
  // the other, finding the name taken, reads that key (never a half-written file).
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(aside, file);
    return Buffer.from(fresh, 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return keyIn(readFileSync(file, 'utf8'), file);
  } finally {
    unlinkSync(aside);
  }
}

function keyIn(text: string, file: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} must hold a secret key of 64 hexadecimal digits`);
  return Buffer.from(hex, 'hex');
}
