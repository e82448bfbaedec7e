import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { badRequest, DocketError } from '../common/docket-error';
import { AttachmentAttributes, parseAttachmentAttributes } from './attachment-attributes';
import type { BlobStore } from './blob-store';
import { normaliseType, sniffContentType, SNIFF_BYTES, typeConflict } from './content-sniff';
import { safeFileName } from './file-name';
import { AttachmentScanner, ScanFailed } from './scanner';
import { UploadMeter, UploadTooLarge } from './upload-meter';

export interface StoredUpload {
  fileName: string;
  declaredType: string;
  contentType: string;
  size: number;
  sha256: string;
  attributes: AttachmentAttributes;
  scannedBy: string;
}

/**
 * The first file of a multipart request (`attributes`, if sent, must come before it): checked, streamed
 * into the store under `key` through the meter, sniffed, matched against its declared type and scanned.
 * Whatever fails, the blob is gone when this throws.
 */
export async function receiveUpload({ request }: { request: FastifyRequest }, store: BlobStore, scanner: AttachmentScanner, key: string, maxBytes: number): Promise<StoredUpload> {
  if (!request.isMultipart()) throw new DocketError(415, 'unsupported_media_type', 'Send the file as multipart/form-data', [{ path: 'file', message: 'missing' }]);
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10, fileSize: maxBytes + 1 }, throwFileSizeLimit: false });
  } catch (error) {
    throw badRequest('invalid_upload', 'The multipart body could not be read', [{ path: 'file', message: error instanceof Error ? error.message : 'unreadable' }]);
  }
  if (!part) throw badRequest('invalid_upload', 'The form has no file', [{ path: 'file', message: 'missing' }]);
  const field = part.fields.attributes;
  const parsed = parseAttachmentAttributes(field && !Array.isArray(field) && field.type === 'field' ? field.value : undefined);
  if ('issues' in parsed) {
    abandon(part, request);
    throw badRequest('invalid_attributes', 'The attachment attributes are not valid', parsed.issues);
  }

  const meter = new UploadMeter(maxBytes, SNIFF_BYTES);
  part.file.on('error', (error) => meter.destroy(error));
  try {
    await store.put(key, part.file.pipe(meter));
  } catch (error) {
    abandon(part, request);
    if (error instanceof UploadTooLarge) throw new DocketError(413, 'payload_too_large', `The file is larger than the limit of ${maxBytes} bytes`, [{ path: 'file', message: `at most ${maxBytes} bytes` }]);
    throw badRequest('invalid_upload', 'The upload did not complete', [{ path: 'file', message: error instanceof Error ? error.message : 'interrupted' }]);
  }
  try {
    return await checkStored(store, scanner, key, part, meter, parsed.attributes);
  } catch (error) {
    await store.delete(key);
    throw error;
  }
}

/**
 * How much of a refused upload's rest is read and thrown away. Closing with unread bytes makes the kernel
 * reset the connection, and a client still sending then loses the answer; so, as web servers do, the
 * rest is drained for a while, and the connection is cut only past these bounds.
 */
const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 5_000;

/** Keeps none of the rest of the body: drains it within the lingering bounds. */
function abandon(part: MultipartFile, request: FastifyRequest): void {
  const incoming = request.raw;
  const cut = () => incoming.socket?.destroy();
  const deadline = setTimeout(cut, LINGER_MS).unref();
  let discarded = 0;
  incoming.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) cut();
  });
  incoming.once('close', () => clearTimeout(deadline));
  part.file.resume();
}

/** A file that came another way than an upload (a mail), checked and stored exactly as an upload is. */
export async function keepFile(store: BlobStore, scanner: AttachmentScanner, key: string, file: DeclaredFile & { content: Buffer }, maxBytes: number): Promise<StoredUpload> {
  if (file.content.length > maxBytes) throw new DocketError(413, 'payload_too_large', `The file is larger than the limit of ${maxBytes} bytes`, [{ path: 'file', message: `at most ${maxBytes} bytes` }]);
  const meter = new UploadMeter(maxBytes, SNIFF_BYTES);
  await store.put(key, Readable.from([file.content]).pipe(meter));
  try {
    return await checkStored(store, scanner, key, file, meter, {});
  } catch (error) {
    await store.delete(key);
    throw error;
  }
}

/** What the sender said a file is: its name and declared type. */
type DeclaredFile = Pick<MultipartFile, 'filename' | 'mimetype'>;

async function checkStored(store: BlobStore, scanner: AttachmentScanner, key: string, part: DeclaredFile, meter: UploadMeter, attributes: AttachmentAttributes): Promise<StoredUpload> {
  if (meter.bytes === 0) throw badRequest('empty_file', 'The file is empty', [{ path: 'file', message: 'has no bytes' }]);
  const contentType = sniffContentType(meter.head(), meter.bytes <= SNIFF_BYTES);
  const conflict = typeConflict(part.mimetype, contentType);
  if (conflict) throw new DocketError(415, 'type_mismatch', 'The file is not what its declared type says', [{ path: 'file', message: conflict }]);
  const fileName = safeFileName(part.filename);
  let verdict;
  try {
    verdict = await scanner.scan(() => store.get(key), { fileName, size: meter.bytes });
  } catch (error) {
    if (error instanceof ScanFailed) throw new DocketError(503, 'scan_failed', 'The file could not be scanned for viruses; try again later', [{ path: 'file', message: error.message }]);
    throw error;
  }
  if (!verdict.clean) throw new DocketError(422, 'infected', 'The virus scanner refused the file', [{ path: 'file', message: verdict.reason }]);
  return { fileName, declaredType: normaliseType(part.mimetype).slice(0, 127) || 'application/octet-stream', contentType, size: meter.bytes, sha256: meter.sha256(), attributes, scannedBy: verdict.scanner.slice(0, 64) };
}

/** A stored blob read whole (for text extraction), refusing more than `maxBytes`. */
export async function readBlob(source: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      source.destroy();
      throw new Error(`more than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
