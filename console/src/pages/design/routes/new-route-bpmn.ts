/** The diagram a route starts from: a start and a resolved end, for the designer to fill in between. */
export function newRouteBpmn(code: string, name: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:docket="http://docket.dev/schema/bpmn/1.0" id="RouteDefinitions" targetNamespace="http://docket.dev/routes">
  <bpmn:process id="Route" name="${escape(name)}" isExecutable="true" docket:code="${escape(code)}">
    <bpmn:startEvent id="Start" name="Submitted" />
    <bpmn:endEvent id="Done" name="Resolved" docket:resolution="resolved" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="RouteDiagram">
    <bpmndi:BPMNPlane id="RoutePlane" bpmnElement="Route">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Done_di" bpmnElement="Done"><dc:Bounds x="652" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
