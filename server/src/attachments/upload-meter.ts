import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Raised inside the upload pipeline the moment a file passes the size limit. */
export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes`);
    this.name = 'UploadTooLarge';
  }
}

/**
 * Sits between the incoming file and the blob store: counts bytes and fails the stream as soon as the
 * limit is passed (so nothing beyond the limit reaches the disk), hashes (SHA-256) and keeps the head
 * for sniffing, all in the one pass.
 */
export class UploadMeter extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly headBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return callback(new UploadTooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (this.headLength < this.headBytes) {
      const part = chunk.subarray(0, this.headBytes - this.headLength);
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
    }
    callback(null, chunk);
  }

  /** Valid once the stream has ended. */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks);
  }
}
