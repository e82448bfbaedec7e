import type { Permission } from '../../server/src/auth/permissions';
import type { TestApp } from './app';

export interface Endpoint {
  method: string;
  path: string;
  permission?: Permission;
  isPublic: boolean;
  operationId: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every route of the running server, read from its OpenAPI document, so no endpoint escapes a matrix test. */
export async function listEndpoints(app: TestApp): Promise<Endpoint[]> {
  const document = (await app.call('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        permission: operation['x-docket-permission'] as Permission | undefined,
        isPublic: operation['x-docket-public'] === true,
        operationId: String(operation.operationId),
      })),
  );
}

/** `/api/users/:id/password` → `/api/users/1/password`: enough to reach the guard. */
export function concretePath(path: string): string {
  return path.replace(/:[A-Za-z]+/g, '1');
}
