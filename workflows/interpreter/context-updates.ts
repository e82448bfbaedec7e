import type { RouteContext, RouteEffect } from './interpreter.types';

/**
 * The context after the attribute and priority effects of one interpretation, as the server will store
 * it: what a caller feeds to the next event when it drives a route without a database (simulation, tests).
 */
export function contextAfter(context: RouteContext, effects: RouteEffect[]): RouteContext {
  const changes = effects.filter((effect) => effect.type === 'setAttribute' || effect.type === 'setPriority');
  if (changes.length === 0) return context;
  const request = (context.data.request ?? {}) as Record<string, unknown>;
  const next: Record<string, unknown> & { attributes: Record<string, unknown> } = { ...request, attributes: { ...((request.attributes as Record<string, unknown> | undefined) ?? {}) } };
  for (const effect of changes) {
    if (effect.type === 'setAttribute') next.attributes[effect.attribute] = effect.value;
    if (effect.type === 'setPriority') next.priority = effect.priority;
  }
  return { ...context, data: { ...context.data, request: next } };
}
