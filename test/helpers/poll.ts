/**
 * Polls `probe` every 200 ms until `done` accepts its value or `timeoutMs` passes, and answers the last value
 * either way: the caller's expectation on it says what was wrong.
 */
export async function eventually<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
