import { hash, randomBytes } from 'node:crypto';

/** Bearer secrets are random; only their SHA-256 is stored, so a database leak does not leak sessions. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}
