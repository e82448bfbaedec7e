import { ApiError, sessionToken } from '../../api/client';
import type { ErrorDetail } from '../../api/types';

/**
 * File uploads and downloads with the session's bearer token: a multipart body and a binary answer are the two
 * things `api()` (JSON both ways) does not do, and a plain link or form cannot carry the Authorization header.
 */
function authHeaders(): Record<string, string> {
  const token = sessionToken.get();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** The API's error shape when the answer has one; otherwise the bare status (a proxy's 413 has no JSON). */
async function failureOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const { code, message, details } = body as { code: string; message: string; details?: ErrorDetail[] };
    return new ApiError(response.status, code, message, Array.isArray(details) ? details : []);
  }
  const code = response.status === 413 ? 'payload_too_large' : response.status === 415 ? 'unsupported_media_type' : 'unexpected';
  return new ApiError(response.status, code, response.statusText);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, headers: { ...authHeaders(), ...(init.headers as Record<string, string> | undefined) } });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  if (!response.ok) throw await failureOf(response);
  return response;
}

/** POSTs one file as multipart/form-data under the field `file`; resolves to the parsed answer. */
export async function uploadFile<T>(path: string, file: Blob & { name?: string }): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name ?? 'file');
  const response = await send(path, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  return (await response.json()) as T;
}

/** GETs a file and hands it to the browser as a download named `fileName`. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const blob = await (await send(path, { method: 'GET' })).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has started the download by the next tick; the object URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
