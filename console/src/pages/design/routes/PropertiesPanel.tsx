import { Collapse, Empty, Input, Select, Switch, Typography } from 'antd';
import type { ContextSchema } from '../../../components/rules/engine';
import { RuleEditor } from '../../../components/rules/RuleEditor';
import { useI18n } from '../../../i18n/i18n';
import { HANDLER_EVENTS, RESOLUTION_KINDS, STEP_HANDLER_EVENTS, TRANSITION_HANDLER_EVENTS, USER_TASK_HANDLER_EVENTS } from '../../../../../workflows/model/route.types';
import { BpmnServices, DiagramElement, extensionsOf, ModdleElement, readJson, setExtensions } from './bpmn-services';
import { FlagOverridesEditor, HandlersEditor, QueueSelectionEditor } from './StepExtensions';

interface PanelProps {
  element: DiagramElement | null;
  services: BpmnServices;
  schema: ContextSchema;
  sample: Record<string, unknown>;
  queues: string[];
  attributes: string[];
}

/** The handler events each element takes, as the route model allows them: the route (the process) takes every one. */
function handlerEvents(type: string): readonly string[] {
  if (type === 'bpmn:Process') return HANDLER_EVENTS;
  if (type === 'bpmn:SequenceFlow') return TRANSITION_HANDLER_EVENTS;
  return type === 'bpmn:UserTask' ? USER_TASK_HANDLER_EVENTS : STEP_HANDLER_EVENTS;
}

/** The steps a reopened request may go back to: the user tasks of the process (the route refuses any other kind). */
function stepsOf(bo: ModdleElement): { id: string; name?: string }[] {
  const parent = bo.$parent as { flowElements?: ModdleElement[] } | undefined;
  return (parent?.flowElements ?? []).filter((element) => element.$type === 'bpmn:UserTask').map((element) => ({ id: element.id ?? '', name: element.name }));
}

/** Docket's extension of the selected element (the route itself when none is): step kind, queues, conditions, handlers, flags, time limits. */
export function PropertiesPanel({ element, services, schema, sample, queues, attributes }: PanelProps) {
  const { t, tOr } = useI18n();
  if (!element || element.type === 'label') return <Empty description={t('modeller.pickElement')} />;
  const bo = element.businessObject;
  const update = (properties: Record<string, unknown>) => services.modeling.updateProperties(element, properties);
  const isFlow = element.type === 'bpmn:SequenceFlow';
  const isRoute = element.type === 'bpmn:Process';
  const isStep = !isFlow && !isRoute;
  const condition = bo.conditionExpression ? readJson(bo.conditionExpression.body) : undefined;
  const timer = element.type === 'bpmn:IntermediateCatchEvent' ? bo.eventDefinitions?.[0] : undefined;
  const prompt = extensionsOf(element, 'docket:Prompt')[0];
  const writePrompt = (name: 'mustPrompt' | 'mustChange', codes: string[]) => {
    const next = { mustPrompt: prompt?.get('mustPrompt'), mustChange: prompt?.get('mustChange'), [name]: codes.join(',') || undefined };
    setExtensions(services, element, 'docket:Prompt', next.mustPrompt || next.mustChange ? [services.moddle.create('docket:Prompt', next)] : []);
  };
  const codesOf = (value: unknown) => (typeof value === 'string' && value ? value.split(',') : []);
  const attributeOptions = attributes.map((code) => ({ value: code, label: code }));
  const ruleProps = { schema, sample, element, services };

  const sections = [
    isFlow && {
      key: 'condition',
      label: t('modeller.condition'),
      children: (
        <>
          <Switch checked={bo.conditionExpression !== undefined} checkedChildren={t('modeller.conditional')} unCheckedChildren={t('modeller.unconditional')} aria-label={t('modeller.conditional')} style={{ marginBottom: 8 }}
            onChange={(on) => update({ conditionExpression: on ? services.moddle.create('bpmn:FormalExpression', { body: 'true', language: 'jsonlogic' }) : undefined })} />
          {bo.conditionExpression && (
            <RuleEditor schema={schema} sampleContext={sample} value={condition}
              onChange={(rule) => update({ conditionExpression: services.moddle.create('bpmn:FormalExpression', { body: JSON.stringify(rule), language: 'jsonlogic' }) })} />
          )}
        </>
      ),
    },
    isFlow && {
      key: 'prompt',
      label: t('modeller.prompt'),
      children: (
        <>
          <label>{t('modeller.mustPrompt')}<Select mode="multiple" aria-label={t('modeller.mustPrompt')} value={codesOf(prompt?.get('mustPrompt'))} options={attributeOptions} onChange={(codes: string[]) => writePrompt('mustPrompt', codes)} style={{ width: '100%' }} /></label>
          <label>{t('modeller.mustChange')}<Select mode="multiple" aria-label={t('modeller.mustChange')} value={codesOf(prompt?.get('mustChange'))} options={attributeOptions} onChange={(codes: string[]) => writePrompt('mustChange', codes)} style={{ width: '100%' }} /></label>
        </>
      ),
    },
    element.type === 'bpmn:UserTask' && { key: 'queues', label: t('modeller.queues'), children: <QueueSelectionEditor {...ruleProps} queues={queues} /> },
    element.type === 'bpmn:UserTask' && { key: 'flags', label: t('modeller.flags'), children: <FlagOverridesEditor {...ruleProps} attributes={attributes} /> },
    timer && {
      key: 'timer',
      label: t('modeller.timer'),
      children: (
        <label>{t('modeller.duration')}
          <Input aria-label={t('modeller.duration')} defaultValue={String(timer.timeDuration?.body ?? '')} placeholder="PT4H"
            onBlur={(event) => services.modeling.updateModdleProperties(element, timer, { timeDuration: services.moddle.create('bpmn:FormalExpression', { body: event.target.value }) })} />
        </label>
      ),
    },
    element.type === 'bpmn:EndEvent' && {
      key: 'resolution',
      label: t('modeller.resolution'),
      children: <Select aria-label={t('modeller.resolution')} value={String(bo.get('docket:resolution') ?? '') || undefined} style={{ width: '100%' }} options={RESOLUTION_KINDS.map((kind) => ({ value: kind, label: tOr(`modeller.resolution.${kind}`, kind) }))} onChange={(kind: string) => update({ 'docket:resolution': kind })} />,
    },
    element.type === 'bpmn:EndEvent' && {
      key: 'reopenStep',
      label: t('modeller.reopenStep'),
      children: (
        <Select aria-label={t('modeller.reopenStep')} allowClear showSearch optionFilterProp="label" placeholder={t('modeller.reopenStepHint')} value={String(bo.get('docket:reopenStep') ?? '') || undefined} style={{ width: '100%' }}
          options={stepsOf(bo).map((step) => ({ value: step.id, label: step.name ? `${step.name} (${step.id})` : step.id }))}
          onChange={(step?: string) => update({ 'docket:reopenStep': step || undefined })} />
      ),
    },
    isStep && {
      key: 'regulation',
      label: t('modeller.regulation'),
      children: <Input aria-label={t('modeller.regulation')} defaultValue={String(bo.get('docket:regulation') ?? '')} placeholder={t('modeller.regulationHint')} onBlur={(event) => update({ 'docket:regulation': event.target.value || undefined })} />,
    },
    { key: 'handlers', label: t('modeller.handlers'), children: <HandlersEditor element={element} services={services} events={handlerEvents(element.type)} /> },
  ].filter((section): section is { key: string; label: string; children: React.JSX.Element } => Boolean(section));

  return (
    <div key={element.id} data-testid="properties-panel">
      <Typography.Title level={5}>{tOr(`modeller.kind.${element.type}`, element.type)}</Typography.Title>
      <Typography.Text type="secondary">{isRoute ? t('modeller.routeHint') : element.id}</Typography.Text>
      <label style={{ display: 'block', margin: '8px 0' }}>
        {t('modeller.name')}
        <Input aria-label={t('modeller.name')} defaultValue={bo.name ?? ''} onBlur={(event) => update({ name: event.target.value })} onPressEnter={(event) => update({ name: (event.target as HTMLInputElement).value })} />
      </label>
      <Collapse size="small" defaultActiveKey={sections.map((section) => section.key)} items={sections} />
    </div>
  );
}
