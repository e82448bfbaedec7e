import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where attachment bytes live. Keys are opaque strings Docket makes itself; a store writes a blob whole
 * or not at all (a failed or aborted `put` leaves nothing behind). Local disk now; an S3-compatible
 * store implements the same four calls.
 */
export interface BlobStore {
  /** Streams `source` to a new blob; on any error nothing stays stored. */
  put(key: string, source: Readable): Promise<void>;
  get(key: string): Readable;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** A key for a new blob, spread over month folders. */
export function newBlobKey(now: Date): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

const KEY = /^[0-9]{4}\/[0-9]{2}\/[0-9a-f-]{36}$/;

/** Blobs as files under one directory; a blob is written under `.partial/` and renamed into place when complete. */
export class LocalBlobStore implements BlobStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, source: Readable): Promise<void> {
    const target = this.pathOf(key);
    const partial = join(this.root, '.partial', `${randomUUID()}.part`);
    // The source can fail before the pipeline listens (a body over the limit already in memory fails the
    // meter while the folder is made); unheard, that 'error' would end the process.
    let early: unknown;
    source.on('error', (error) => (early ??= error));
    await mkdir(dirname(partial), { recursive: true });
    try {
      if (early !== undefined) throw early;
      await pipeline(source, createWriteStream(partial, { flags: 'wx' }));
      await mkdir(dirname(target), { recursive: true });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  get(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  /** Keys come from newBlobKey; anything else (a path, `..`) is refused rather than resolved. */
  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a blob key: ${key}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`blob key outside the store: ${key}`);
    return path;
  }
}
