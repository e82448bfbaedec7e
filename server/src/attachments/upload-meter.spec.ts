import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UploadMeter, UploadTooLarge } from './upload-meter';

function sink(received: Buffer[]): Writable {
  return new Writable({ write: (chunk: Buffer, _encoding, callback) => (received.push(chunk), callback()) });
}

describe('UploadMeter', () => {
  it('hashes, counts and keeps the head while passing every byte on', async () => {
    const data = Buffer.from('x'.repeat(10_000) + 'end');
    const meter = new UploadMeter(20_000, 100);
    const received: Buffer[] = [];
    await pipeline(Readable.from([data.subarray(0, 7), data.subarray(7, 5000), data.subarray(5000)]), meter, sink(received));
    expect(Buffer.concat(received).equals(data)).toBe(true);
    expect(meter.bytes).toBe(data.length);
    expect(meter.sha256()).toBe(createHash('sha256').update(data).digest('hex'));
    expect(meter.head().equals(data.subarray(0, 100))).toBe(true);
  });

  it('fails the stream at the first chunk past the limit, before that chunk is passed on', async () => {
    const meter = new UploadMeter(1000, 10);
    const received: Buffer[] = [];
    let produced = 0;
    const endless = new Readable({ read() { produced += 400; this.push(Buffer.alloc(400)); } });
    await expect(pipeline(endless, meter, sink(received))).rejects.toBeInstanceOf(UploadTooLarge);
    expect(Buffer.concat(received).length).toBeLessThanOrEqual(1000);
    expect(produced).toBeLessThan(100_000);
  });

  it('lets a file of exactly the limit through', async () => {
    const meter = new UploadMeter(1000, 10);
    await pipeline(Readable.from([Buffer.alloc(1000)]), meter, sink([]));
    expect(meter.bytes).toBe(1000);
  });
});
