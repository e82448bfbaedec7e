import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Answers a request no route matched, or returns false to let the error shape answer it. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Serves the built console at `/`. Unknown non-API GETs get index.html so the console's own router
 * handles deep links; unknown API paths keep the JSON error shape.
 */
export async function serveConsole(fastify: FastifyInstance, consoleDir: string): Promise<PageFallback> {
  if (!existsSync(join(consoleDir, 'index.html'))) return () => false;
  await fastify.register(fastifyStatic, { root: consoleDir, prefix: '/', wildcard: false, index: ['index.html'] });
  return (request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api')) return false;
    void reply.type('text/html').sendFile('index.html');
    return true;
  };
}
