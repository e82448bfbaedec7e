/**
 * A rule that cannot be compiled or evaluated. `path` locates the offending node in the rule
 * ('/and/1/match'); `details` has the `{path, message}` shape the HTTP layer sends to clients.
 */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: string = '',
  ) {
    super(path ? `${message} (at ${path})` : message);
    this.name = 'RuleError';
  }

  get details(): { path: string; message: string }[] {
    return [{ path: this.path, message: this.message }];
  }
}

/** Any failure inside a rule as a RuleError, so callers handle one type. */
export function asRuleError(error: unknown, path = ''): RuleError {
  if (error instanceof RuleError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RuleError('rule_failed', `The rule failed: ${message}`, path);
}
