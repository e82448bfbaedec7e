import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';

export interface UploadFile {
  name: string;
  type?: string;
  /** The file's bytes, or a generator of `size` bytes sent in chunks (for uploads too large to hold). */
  content: Buffer | { size: number; fill: number };
}

export interface UploadResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever the endpoint returns
  headers: Record<string, string | string[] | undefined>;
  /** Bytes of the body written before the answer came (all of them for an ordinary upload). */
  bytesSent: number;
  bodyBytes: number;
}

/**
 * POSTs multipart/form-data as a browser does (fields first, then the file) and, for a generated file,
 * streams it chunk by chunk honouring back-pressure and stops as soon as the server answers: so a test
 * can tell a server that refuses mid-stream from one that reads everything first.
 */
export function upload(baseUrl: string, path: string, token: string | undefined, file: UploadFile, fields: Record<string, string> = {}): Promise<UploadResult> {
  const boundary = `----docket${randomBytes(8).toString('hex')}`;
  const fieldParts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const fileHead = Buffer.from(`${fieldParts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name.replace(/"/g, '%22')}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = Buffer.isBuffer(file.content) ? file.content.length : file.content.size;
  const total = fileHead.length + size + tail.length;
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const outgoing = httpRequest(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(total), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // A file: the test reads the text.
        }
        resolve({ status: incoming.statusCode ?? 0, body, headers: incoming.headers, bytesSent, bodyBytes: total });
        outgoing.destroy();
      });
    });
    // A connection that dies before the answer is a failure to report, not a reason to wait for ever.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) reject(new Error(`the connection failed after ${bytesSent} bytes, before any answer: ${error.code ?? error.message}`));
    });
    const chunks = function* (): Generator<Buffer> {
      yield fileHead;
      if (Buffer.isBuffer(file.content)) yield file.content;
      else for (let left = file.content.size, block = Buffer.alloc(64 * 1024, file.content.fill); left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
      yield tail;
    };
    const source = chunks();
    const pump = () => {
      for (let next = source.next(); !next.done; next = source.next()) {
        if (answered || outgoing.destroyed) return;
        bytesSent += next.value.length;
        if (!outgoing.write(next.value)) return void outgoing.once('drain', pump);
      }
      outgoing.end();
    };
    pump();
  });
}

/** GET returning the raw bytes (downloads). */
export function download(baseUrl: string, path: string, token: string): Promise<{ status: number; bytes: Buffer; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    httpRequest(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, bytes: Buffer.concat(chunks), headers: incoming.headers }));
    })
      .on('error', reject)
      .end();
  });
}
