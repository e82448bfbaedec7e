import { In, type EntityManager } from 'typeorm';
import { parseRoute, RouteError, routeToBpmn, validateRouteForPublishing, type RouteDefinition, type RouteIssue } from '../../../../workflows/index';
import { Queue } from '../../queues/queue.entity';
import { RouteVersion } from '../../routes/entities/route-version.entity';
import { Route } from '../../routes/entities/route.entity';
import { RouteConfiguration } from '../../routes/route-configuration';
import { stampedDefinition } from '../../routes/stamped-definition';
import { TopicNode } from '../../topics/entities/topic-node.entity';
import type { ConfigDocument, QueueDoc, RouteDoc } from '../config-document';
import { canonical, type ImportSession } from '../import-session';
import { topicIdsByCode } from './topics.transfer';

export async function exportProcessing(manager: EntityManager): Promise<Pick<ConfigDocument, 'queues' | 'routes'>> {
  const [queues, routes, versions, topics] = await Promise.all([
    manager.find(Queue, { order: { code: 'ASC' } }),
    manager.find(Route, { order: { code: 'ASC' } }),
    manager.find(RouteVersion, { where: { state: In(['published', 'draft']) }, order: { version: 'ASC' } }),
    manager.find(TopicNode),
  ]);
  const topicCode = new Map(topics.map((topic) => [topic.id, topic.code]));
  return {
    queues: queues.map((queue): QueueDoc => ({ code: queue.code, name: queue.name, description: queue.description, active: queue.active, allowedSteps: queue.allowedSteps })),
    routes: routes.map(
      (route): RouteDoc => ({
        code: route.code, name: route.name, description: route.description, active: route.active,
        topicCodes: route.topicIds.flatMap((topicId) => topicCode.get(topicId) ?? []),
        versions: versions.filter((version) => version.routeId === route.id).map((version) => ({ version: version.version, state: version.state as 'published' | 'draft', definition: version.definition })),
      }),
    ),
  };
}

export async function importQueues(session: ImportSession, document: ConfigDocument): Promise<void> {
  for (const { code, ...fields } of document.queues) {
    await session.upsert('queues', code, Queue, { code }, fields, { onCreate: { createdAt: session.now, updatedAt: session.now }, onUpdate: { updatedAt: session.now } });
  }
}

/** Routes, then their versions: each validated as the route API validates a draft, and a published one as it validates publishing. */
export async function importRoutes(session: ImportSession, document: ConfigDocument): Promise<void> {
  const topicIds = await topicIdsByCode(session.manager, document.routes.flatMap((route) => route.topicCodes));
  const imported: Array<{ route: Route; doc: RouteDoc; index: number }> = [];
  for (const [index, doc] of document.routes.entries()) {
    const unknown = doc.topicCodes.flatMap((topicCode, at) => (topicIds.has(topicCode) ? [] : [{ path: `topicCodes.${at}`, message: `unknown topic "${topicCode}"` }]));
    session.refuseAll(`routes.${index}`, unknown);
    const fields = { name: doc.name, description: doc.description, active: doc.active, topicIds: [...new Set(doc.topicCodes.flatMap((topicCode) => topicIds.get(topicCode) ?? []))] };
    const { row } = await session.upsert('routes', doc.code, Route, { code: doc.code }, fields, { onCreate: { createdAt: session.now, updatedAt: session.now }, onUpdate: { updatedAt: session.now } });
    imported.push({ route: row, doc, index });
  }
  await checkTopicOwners(session, imported, topicIds);
  for (const { route, doc, index } of imported) await importVersions(session, route, doc, `routes.${index}`);
}

/** A topic starts requests on one active route only, as the route API insists. */
async function checkTopicOwners(session: ImportSession, imported: Array<{ route: Route; doc: RouteDoc; index: number }>, topicIds: ReadonlyMap<string, number>): Promise<void> {
  const active = await session.manager.findBy(Route, { active: true });
  for (const { route, doc, index } of imported.filter((entry) => entry.route.active)) {
    for (const [at, topicCode] of doc.topicCodes.entries()) {
      const topicId = topicIds.get(topicCode);
      const owner = active.find((other) => other.id !== route.id && topicId !== undefined && other.topicIds.includes(topicId));
      if (owner) session.refuse(`routes.${index}.topicCodes.${at}`, `topic ${topicCode} is bound to the active route ${owner.code}`);
    }
  }
}

async function importVersions(session: ImportSession, route: Route, doc: RouteDoc, prefix: string): Promise<void> {
  const manager = session.manager;
  const existing = await manager.findBy(RouteVersion, { routeId: route.id });
  const configuration = await RouteConfiguration.load(manager, route.topicIds);
  const frozenUpTo = Math.max(0, ...existing.filter((version) => version.state !== 'draft').map((version) => version.version));
  const ordered = doc.versions.map((version, index) => ({ version, index })).sort((a, b) => a.version.version - b.version.version);
  for (const { version: wanted, index } of ordered) {
    const path = `${prefix}.versions.${index}`;
    const label = `${route.code} v${wanted.version}`;
    const definition = stamped(session, `${path}.definition`, wanted.definition, route, wanted.version, configuration.topicCodes);
    if (!definition) continue;
    if (wanted.state === 'published') {
      const { references } = await configuration.publishReferences(manager);
      const validation = validateRouteForPublishing(definition, references);
      if (!validation.ok) session.refuseAll(`${path}.definition`, validation.errors.map((issue) => located(definition, issue)));
    }
    const match = existing.find((version) => version.version === wanted.version);
    if (match && match.state !== 'draft') {
      if (canonical(match.definition) !== canonical(definition)) session.refuse(`${path}.definition`, `version ${wanted.version} of ${route.code} is ${match.state} here with other content; published versions never change — give the change a new version number`);
      else if (match.state !== wanted.state) session.refuse(`${path}.state`, `version ${wanted.version} of ${route.code} is ${match.state} here`);
      else session.note('routeVersions', label, 'unchanged');
      continue;
    }
    if (!match && wanted.version <= frozenUpTo) {
      session.refuse(`${path}.version`, `${route.code} has published up to version ${frozenUpTo} here; a new version needs a higher number`);
      continue;
    }
    const strayDraft = existing.find((version) => version.state === 'draft' && version.version !== wanted.version);
    if (strayDraft) {
      session.refuse(`${path}.version`, `${route.code} has draft version ${strayDraft.version} here; publish or discard it first`);
      continue;
    }
    if (match && match.state === wanted.state && canonical(match.definition) === canonical(definition)) {
      session.note('routeVersions', label, 'unchanged');
      continue;
    }
    if (wanted.state === 'published') await retirePublished(session, route.id);
    const version = match ?? manager.create(RouteVersion, { routeId: route.id, version: wanted.version, createdBy: session.login, createdAt: session.now, publishedBy: null, publishedAt: null, retiredAt: null });
    Object.assign(version, { state: wanted.state, definition, bpmn: await routeToBpmn(definition), updatedBy: session.login, updatedAt: session.now });
    if (wanted.state === 'published') Object.assign(version, { publishedBy: session.login, publishedAt: session.now });
    await manager.save(version);
    session.note('routeVersions', label, match ? 'updated' : 'created');
  }
}

async function retirePublished(session: ImportSession, routeId: number): Promise<void> {
  await session.manager.update(RouteVersion, { routeId, state: 'published' }, { state: 'retired', retiredAt: session.now });
}

/** As the route API stores a version: the route's code, the version's number and the bound topics written in, with a diagram. */
function stamped(session: ImportSession, path: string, input: RouteDefinition, route: Route, version: number, topics: string[]): RouteDefinition | null {
  try {
    return stampedDefinition(parseRoute(input), route.code, version, topics);
  } catch (error) {
    if (!(error instanceof RouteError)) throw error;
    session.refuseAll(path, error.details.length ? error.details.map(dotted) : [{ path: '', message: error.message }]);
    return null;
  }
}

/** Route issues are located by JSON pointer (`/transitions/0/condition`); the document's paths are dotted. */
function dotted(issue: RouteIssue): RouteIssue {
  return { path: issue.path.replace(/^\//, '').replace(/\//g, '.'), message: issue.message };
}

/** Publishing checks locate an issue by the element's id (for the diagram); in the document it is that element's place. */
function located(definition: RouteDefinition, issue: RouteIssue): RouteIssue {
  if (issue.path.startsWith('/')) return dotted(issue);
  const step = definition.steps.findIndex((candidate) => candidate.id === issue.path);
  if (step >= 0) return { path: `steps.${step}`, message: issue.message };
  const transition = definition.transitions.findIndex((candidate) => candidate.id === issue.path);
  return transition >= 0 ? { path: `transitions.${transition}`, message: issue.message } : issue;
}
