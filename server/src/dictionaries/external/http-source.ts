import { atPath, EXTERNAL_LIMITS, ExternalItem, ExternalSourceError, HttpSource, toItems } from './external-source';

/** Reads an HTTP JSON source within its time and size limits; any failure is an ExternalSourceError. */
export async function readHttpSource(source: HttpSource): Promise<ExternalItem[]> {
  const controller = new AbortController();
  const timeoutMs = Math.min(source.timeoutMs, EXTERNAL_LIMITS.maxTimeoutMs);
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(source.url, { headers: { accept: 'application/json', ...source.headers }, signal: controller.signal, redirect: 'error' });
    if (!response.ok) throw new ExternalSourceError(`the source answered HTTP ${response.status}`);
    const text = await readLimited(response, Math.min(source.maxBytes, EXTERNAL_LIMITS.maxBytes));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ExternalSourceError('the source did not answer with JSON');
    }
    const rows = atPath(json, source.itemsPath);
    if (!Array.isArray(rows)) throw new ExternalSourceError(`no array at "${source.itemsPath || '(the top level)'}" in the answer`);
    return toItems(rows, { code: source.codeField, name: source.nameField, parent: source.parentField });
  } catch (error) {
    if (error instanceof ExternalSourceError) throw error;
    if (controller.signal.aborted) throw new ExternalSourceError(`the source did not answer within ${timeoutMs} ms`);
    throw new ExternalSourceError(`the source could not be reached: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new ExternalSourceError(`the answer is larger than ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new ExternalSourceError(`the answer is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
