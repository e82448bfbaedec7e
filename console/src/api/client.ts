import type { ErrorDetail } from './types';

const TOKEN_KEY = 'docket.session';

/** A refusal from the API in its one error shape, or a failure to reach it (status 0, code `network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const sessionToken = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onSessionEnded: () => void = () => undefined;

/** The auth provider hears here when the server no longer accepts the session. */
export function whenSessionEnds(listener: () => void): void {
  onSessionEnded = listener;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
}

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const { code, message, details } = body as { code: string; message: string; details?: ErrorDetail[] };
    return new ApiError(response.status, code, message, Array.isArray(details) ? details : []);
  }
  return new ApiError(response.status, 'unexpected', response.statusText);
}

/** Calls `/api{path}` with the session token; resolves to the parsed body, rejects with an ApiError. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = sessionToken.get();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  if (!response.ok) {
    const error = await readError(response);
    if (error.status === 401 && token) {
      sessionToken.clear();
      onSessionEnded();
    }
    throw error;
  }
  // 204, and a 202 that only says the work was accepted, have no body.
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** GETs a non-JSON document, failing like `api`. */
async function getDocument(path: string): Promise<Response> {
  const token = sessionToken.get();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  if (!response.ok) throw await readError(response);
  return response;
}

/** A non-JSON document (BPMN XML exports) as text. */
export async function getText(path: string): Promise<string> {
  return (await getDocument(path)).text();
}

/** Saves a file the API serves (report exports) under the name its Content-Disposition gives. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await getDocument(path);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, { query });
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, { body });
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, { body });
export const remove = (path: string) => api<void>('DELETE', path);
