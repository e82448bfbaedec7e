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

/**
 * Runs a write the test makes into a running server's SQLite file, again when SQLite refused it as locked: a
 * transaction that read before the server wrote cannot write (SQLITE_BUSY without waiting), and it rolled back.
 */
export async function retriedWhenLocked<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !String(error).includes('database is locked')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
