/** The few bpmn-js services the modeller uses, typed as far as it needs them. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  body?: string;
  values?: ModdleElement[];
  extensionElements?: ModdleElement;
  conditionExpression?: ModdleElement;
  eventDefinitions?: ModdleElement[];
  timeDuration?: ModdleElement;
  get(name: string): unknown;
  [key: string]: unknown;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
}

export interface BpmnServices {
  modeling: {
    updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
    updateModdleProperties(element: DiagramElement, target: ModdleElement, properties: Record<string, unknown>): void;
  };
  moddle: { create(type: string, properties?: Record<string, unknown>): ModdleElement };
}

/** Docket's extension elements of one type on an element. */
export function extensionsOf(element: DiagramElement, type: string): ModdleElement[] {
  return (element.businessObject.extensionElements?.values ?? []).filter((value) => value.$type === type);
}

/** Replaces the extension elements of one type (others stay), creating the container when missing. */
export function setExtensions(services: BpmnServices, element: DiagramElement, type: string, items: ModdleElement[]): void {
  const container = element.businessObject.extensionElements;
  const others = (container?.values ?? []).filter((value) => value.$type !== type);
  if (container) services.modeling.updateModdleProperties(element, container, { values: [...others, ...items] });
  else services.modeling.updateProperties(element, { extensionElements: services.moddle.create('bpmn:ExtensionElements', { values: items }) });
}

/** JSON stored as text in the diagram; undefined when absent or unreadable. */
export function readJson(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
