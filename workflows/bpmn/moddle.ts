import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import docketDescriptor from '../docket.moddle.json';

export type { ModdleElement };
export const DOCKET_NAMESPACE = 'http://docket.dev/schema/bpmn/1.0';
export const JSONLOGIC_LANGUAGE = 'jsonlogic';

let instance: BpmnModdle | undefined;

/**
 * One moddle that knows BPMN and Docket's extension. bpmn-moddle is ESM-only: it is required on first
 * use (Node 20.19+ loads ESM through require) so that code which never touches BPMN — the interpreter,
 * its benchmark — neither pays for the parser nor needs jest to transform it.
 */
export function moddle(): BpmnModdle {
  if (!instance) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, see above
    const { BpmnModdle: Moddle } = require('bpmn-moddle') as typeof import('bpmn-moddle');
    instance = new Moddle({ docket: docketDescriptor });
  }
  return instance;
}

export const extensionValues = (element: ModdleElement): ModdleElement[] =>
  ((element.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? [];

/** How an element is named in messages: its id and, when it has one, its label. */
export const describeElement = (element: { id?: unknown; name?: unknown; $type?: string }): string =>
  element.name ? `${String(element.id)} ('${String(element.name)}')` : String(element.id ?? element.$type);
