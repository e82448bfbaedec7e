import type { RouteIssue } from '../route-error';
import type { ContextSchema } from '../rules-port';

/** What a route may refer to, as known to the configuration it is published into. */
export interface PublishReferences {
  /** The fields the route's rules may read (the bound topics' attributes, client, user...). */
  schema: ContextSchema;
  queues: ReadonlySet<string>;
  attributes: ReadonlySet<string>;
  templates: ReadonlySet<string>;
  /** When given, topics (bound and of child requests) must be among them. */
  topics?: ReadonlySet<string>;
  /** When given, regulation codes must be among them. */
  regulations?: ReadonlySet<string>;
  /** When given, dictionaries of the fields the rules read must be among them. */
  dictionaries?: ReadonlySet<string>;
}

export interface RouteValidation {
  ok: boolean;
  /** Block publishing. `path` is the BPMN element id; the message starts with the id and label. */
  errors: RouteIssue[];
  /** Worth a look, do not block. */
  warnings: RouteIssue[];
}

/** Collects issues about elements, naming each by id and label. */
export class IssueList {
  readonly errors: RouteIssue[] = [];
  readonly warnings: RouteIssue[] = [];

  error(element: { id: string; name: string }, message: string): void {
    this.errors.push(IssueList.issue(element, message));
  }

  warning(element: { id: string; name: string }, message: string): void {
    this.warnings.push(IssueList.issue(element, message));
  }

  private static issue(element: { id: string; name: string }, message: string): RouteIssue {
    return { path: element.id, message: `${element.id}${element.name ? ` ('${element.name}')` : ''}: ${message}` };
  }
}
