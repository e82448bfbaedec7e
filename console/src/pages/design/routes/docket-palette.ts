/**
 * A bpmn-js palette holding only what Docket executes (see workflows/bpmn/step-mapping.ts): start, user
 * task, automatic (service) task, timer, exclusive and parallel gateways, child requests (call
 * activity) and ends. It replaces bpmn-js's own palette provider.
 */
interface Shape {
  businessObject: { eventDefinitions?: unknown[] };
}

interface PaletteServices {
  palette: { registerProvider(provider: unknown): void };
  create: { start(event: Event, shape: Shape): void };
  elementFactory: { createShape(attrs: Record<string, unknown>): Shape };
  bpmnFactory: { create(type: string, attrs?: Record<string, unknown>): unknown };
  handTool: { activateHand(event: Event): void };
  lassoTool: { activateSelection(event: Event): void };
  globalConnect: { start(event: Event): void };
}

export type PaletteTitles = Record<'hand' | 'lasso' | 'connect' | 'start' | 'userTask' | 'automatic' | 'timer' | 'exclusive' | 'parallel' | 'children' | 'end', string>;

class DocketPaletteProvider {
  static $inject = ['palette', 'create', 'elementFactory', 'bpmnFactory', 'handTool', 'lassoTool', 'globalConnect', 'config.docketPalette'];

  private readonly services: PaletteServices;
  private readonly titles: PaletteTitles;

  constructor(
    palette: PaletteServices['palette'],
    create: PaletteServices['create'],
    elementFactory: PaletteServices['elementFactory'],
    bpmnFactory: PaletteServices['bpmnFactory'],
    handTool: PaletteServices['handTool'],
    lassoTool: PaletteServices['lassoTool'],
    globalConnect: PaletteServices['globalConnect'],
    titles: PaletteTitles,
  ) {
    this.services = { palette, create, elementFactory, bpmnFactory, handTool, lassoTool, globalConnect };
    this.titles = titles;
    palette.registerProvider(this);
  }

  getPaletteEntries() {
    const { create, elementFactory, bpmnFactory, handTool, lassoTool, globalConnect } = this.services;
    const titles = this.titles;
    const shape = (group: string, className: string, title: string, build: () => Shape) => {
      const start = (event: Event) => create.start(event, build());
      return { group, className, title, action: { dragstart: start, click: start } };
    };
    const plain = (type: string) => () => elementFactory.createShape({ type });
    const timer = () => {
      const definition = bpmnFactory.create('bpmn:TimerEventDefinition', { timeDuration: bpmnFactory.create('bpmn:FormalExpression', { body: 'PT1H' }) });
      return elementFactory.createShape({ type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition', businessObject: bpmnFactory.create('bpmn:IntermediateCatchEvent', { eventDefinitions: [definition] }) });
    };
    return {
      'hand-tool': { group: 'tools', className: 'bpmn-icon-hand-tool', title: titles.hand, action: { click: (event: Event) => handTool.activateHand(event) } },
      'lasso-tool': { group: 'tools', className: 'bpmn-icon-lasso-tool', title: titles.lasso, action: { click: (event: Event) => lassoTool.activateSelection(event) } },
      'global-connect-tool': { group: 'tools', className: 'bpmn-icon-connection-multi', title: titles.connect, action: { click: (event: Event) => globalConnect.start(event) } },
      'tool-separator': { group: 'tools', separator: true },
      'create.start-event': shape('event', 'bpmn-icon-start-event-none', titles.start, plain('bpmn:StartEvent')),
      'create.timer': shape('event', 'bpmn-icon-intermediate-event-catch-timer', titles.timer, timer),
      'create.end-event': shape('event', 'bpmn-icon-end-event-none', titles.end, plain('bpmn:EndEvent')),
      'create.user-task': shape('activity', 'bpmn-icon-user-task', titles.userTask, plain('bpmn:UserTask')),
      'create.service-task': shape('activity', 'bpmn-icon-service-task', titles.automatic, plain('bpmn:ServiceTask')),
      'create.call-activity': shape('activity', 'bpmn-icon-call-activity', titles.children, plain('bpmn:CallActivity')),
      'create.exclusive-gateway': shape('gateway', 'bpmn-icon-gateway-xor', titles.exclusive, plain('bpmn:ExclusiveGateway')),
      'create.parallel-gateway': shape('gateway', 'bpmn-icon-gateway-parallel', titles.parallel, plain('bpmn:ParallelGateway')),
    };
  }
}

export const docketPaletteModule = { __init__: ['paletteProvider'], paletteProvider: ['type', DocketPaletteProvider] };
