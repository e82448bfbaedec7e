import { HANDLER_EVENTS, type EventHandlers, type HandlerEvent, type RouteAction } from '../model/route.types';
import type { RouteIssue } from '../route-error';
import { describeElement, extensionValues, moddle, type ModdleElement } from './moddle';

/** The event name that marks an automatic step's own actions (not a handler). */
export const RUN_EVENT = 'run';

export const encodeJson = (value: unknown): string => JSON.stringify(value);
export const joinList = (values: string[] | undefined): string | undefined => (values && values.length > 0 ? values.join(',') : undefined);
export const splitList = (text: string | undefined): string[] | undefined =>
  text === undefined || text.trim() === '' ? undefined : text.split(',').map((part) => part.trim());

export function encodeActions(event: string, actions: RouteAction[] | undefined): ModdleElement[] {
  return (actions ?? []).map((action) => moddle().create('docket:Action', { event, body: encodeJson(action) }));
}

export function encodeHandlers(handlers: EventHandlers | undefined): ModdleElement[] {
  return HANDLER_EVENTS.flatMap((event) => encodeActions(event, handlers?.[event]));
}

/**
 * Reads the Docket extension elements of one BPMN element. Every reader call consumes the elements it
 * understood; `finish` reports whatever is left (foreign or misplaced extensions) as refusals.
 */
export class ExtensionReader {
  private readonly unread: Set<ModdleElement>;

  constructor(
    readonly element: ModdleElement,
    private readonly issues: RouteIssue[],
  ) {
    this.unread = new Set(extensionValues(element));
  }

  refuse(message: string): void {
    this.issues.push({ path: String(this.element.id ?? this.element.$type), message: `${describeElement(this.element)}: ${message}` });
  }

  take(type: string, matches: (value: ModdleElement) => boolean = () => true): ModdleElement[] {
    const found = [...this.unread].filter((value) => value.$type === type && matches(value));
    for (const value of found) this.unread.delete(value);
    return found;
  }

  takeOne(type: string): ModdleElement | undefined {
    const found = this.take(type);
    if (found.length > 1) this.refuse(`has ${found.length} <${type}> elements, expected at most one`);
    return found[0];
  }

  json(text: unknown, what: string): unknown {
    if (typeof text !== 'string' || text.trim() === '') {
      this.refuse(`${what} is empty`);
      return undefined;
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      this.refuse(`${what} is not valid JSON (${(error as Error).message})`);
      return undefined;
    }
  }

  actions(event: string): RouteAction[] {
    return this.take('docket:Action', (value) => value.event === event).map((value) => this.json(value.body, `the ${event} action`) as RouteAction);
  }

  handlers<E extends HandlerEvent>(events: readonly E[]): Partial<Record<E, RouteAction[]>> | undefined {
    const handlers: Partial<Record<E, RouteAction[]>> = {};
    for (const event of events) {
      const actions = this.actions(event);
      if (actions.length > 0) handlers[event] = actions;
    }
    return Object.keys(handlers).length > 0 ? handlers : undefined;
  }

  finish(): void {
    for (const value of this.unread) {
      const known = value.$type.startsWith('docket:');
      const event = typeof value.event === 'string' ? ` for event '${value.event}'` : '';
      this.refuse(known ? `<${value.$type}>${event} does not belong on this element` : `extension element <${value.$type}> is not understood by Docket`);
    }
  }
}
