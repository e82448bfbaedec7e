import { phoneDigits } from '../contact-normalise';

/**
 * Caller-id arrives in many shapes (+7 812…, 8 812…, 812…). Numbers are compared by their last ten digits
 * (a national number without its country or trunk prefix), or whole when shorter.
 */
export const SIGNIFICANT_DIGITS = 10;

export function callerKey(phone: string): string | null {
  const digits = phoneDigits(phone);
  if (digits.length < 5) return null;
  return digits.slice(-SIGNIFICANT_DIGITS);
}
