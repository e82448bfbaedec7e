import { autoLayout, parseRoute, type RouteDefinition } from '../../../workflows/index';

/**
 * A definition as a route version stores it: the route's code, the version's number and the topics bound
 * today written in, with a diagram drawn once here, so that what is exported as BPMN reads back as exactly
 * this definition. Throws the library's RouteError when the result is not a valid route.
 */
export function stampedDefinition(input: RouteDefinition, code: string, version: number, topics: string[]): RouteDefinition {
  const { topics: _topics, ...rest } = input;
  const definition: RouteDefinition = { ...rest, code, version, ...(topics.length > 0 ? { topics } : {}) };
  return parseRoute({ ...definition, diagram: definition.diagram ?? autoLayout(definition) });
}
