/** Digits of the yearly sequence; a year with more requests simply gets longer numbers. */
const SEQUENCE_DIGITS = 6;

/** `REQ-2026-000123`: the year the request was registered (UTC) and its place in that year (`PRB-…` for problems). */
export function formatRequestNumber(year: number, sequence: number, prefix = 'REQ'): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`year ${year} is out of range`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`sequence ${sequence} must be a positive integer`);
  return `${prefix}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

export function numberingYear(at: Date): number {
  return at.getUTCFullYear();
}
