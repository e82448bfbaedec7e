import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Typography } from 'antd';
import type { ContextSchema } from '../../../components/rules/engine';
import { FlagSettingInput } from '../../../components/rules/FlagSettingInput';
import { RuleEditor } from '../../../components/rules/RuleEditor';
import { useI18n } from '../../../i18n/i18n';
import { BpmnServices, DiagramElement, extensionsOf, ModdleElement, readJson, setExtensions } from './bpmn-services';

interface ExtensionProps {
  element: DiagramElement;
  services: BpmnServices;
  schema: ContextSchema;
  sample: Record<string, unknown>;
}

/** A user task's queue selection: rules tried in order (each with the rule editor), then the default queue. */
export function QueueSelectionEditor({ element, services, schema, sample, queues }: ExtensionProps & { queues: string[] }) {
  const { t } = useI18n();
  const selection = extensionsOf(element, 'docket:QueueSelection')[0];
  const rules = (selection?.get('rules') as ModdleElement[] | undefined) ?? [];
  const queueOptions = queues.map((code) => ({ value: code, label: code }));
  const write = (defaultQueue: string, nextRules: ModdleElement[]) =>
    setExtensions(services, element, 'docket:QueueSelection', [services.moddle.create('docket:QueueSelection', { default: defaultQueue, rules: nextRules })]);
  const rule = (queue: string, label: string, when: unknown) => services.moddle.create('docket:QueueRule', { queue, label: label || undefined, body: JSON.stringify(when) });
  const defaultQueue = String(selection?.get('default') ?? '');

  return (
    <Flex vertical gap={8}>
      <label>
        {t('modeller.defaultQueue')}
        <Select aria-label={t('modeller.defaultQueue')} value={defaultQueue || undefined} options={queueOptions} onChange={(code: string) => write(code, rules)} style={{ width: '100%' }} showSearch />
      </label>
      {rules.map((queueRule, index) => (
        <Card key={index} size="small" title={t('modeller.queueRule', { index: index + 1 })} extra={<Button size="small" aria-label={t('modeller.removeQueueRule')} icon={<DeleteOutlined />} onClick={() => write(defaultQueue, rules.filter((_, at) => at !== index))} />}>
          <Select aria-label={t('modeller.queue')} value={String(queueRule.get('queue') ?? '') || undefined} options={queueOptions} style={{ width: '100%', marginBottom: 8 }}
            onChange={(code: string) => write(defaultQueue, rules.map((other, at) => (at === index ? rule(code, String(other.get('label') ?? ''), readJson(other.body)) : other)))} />
          <RuleEditor schema={schema} sampleContext={sample} value={readJson(queueRule.body)}
            onChange={(when) => write(defaultQueue, rules.map((other, at) => (at === index ? rule(String(other.get('queue') ?? ''), String(other.get('label') ?? ''), when) : other)))} />
        </Card>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => write(defaultQueue, [...rules, rule(defaultQueue, '', true)])} style={{ alignSelf: 'flex-start' }}>
        {t('modeller.addQueueRule')}
      </Button>
    </Flex>
  );
}

const FLAG_NAMES = ['required', 'hidden', 'readOnly'] as const;

/** What this step changes of the topic's attribute flags, attribute by attribute and flag by flag. */
export function FlagOverridesEditor({ element, services, schema, sample, attributes }: ExtensionProps & { attributes: string[] }) {
  const { t } = useI18n();
  const flags = extensionsOf(element, 'docket:AttributeFlag');
  const write = (next: ModdleElement[]) => setExtensions(services, element, 'docket:AttributeFlag', next);
  const withFlag = (flag: ModdleElement, name: string, setting: unknown) => {
    const properties: Record<string, unknown> = { attribute: flag.get('attribute') };
    for (const other of FLAG_NAMES) {
      const value = other === name ? setting : readJson(flag.get(other));
      if (value !== undefined && value !== null) properties[other] = JSON.stringify(value);
    }
    return services.moddle.create('docket:AttributeFlag', properties);
  };
  return (
    <Flex vertical gap={8}>
      {flags.map((flag, index) => (
        <Card key={index} size="small" title={String(flag.get('attribute') ?? '')} extra={<Button size="small" aria-label={t('modeller.removeFlag')} icon={<DeleteOutlined />} onClick={() => write(flags.filter((_, at) => at !== index))} />}>
          {FLAG_NAMES.map((name) => (
            <div key={name}>
              <Typography.Text>{t(`flags.${name}`)}</Typography.Text>
              <FlagSettingInput inheritable aria-label={t(`flags.${name}`)} schema={schema} sampleContext={sample} value={(readJson(flag.get(name)) as boolean | { rule: unknown } | undefined) ?? null}
                onChange={(setting) => write(flags.map((other, at) => (at === index ? withFlag(other, name, setting) : other)))} />
            </div>
          ))}
        </Card>
      ))}
      <Select aria-label={t('modeller.addFlag')} placeholder={t('modeller.addFlag')} value={null} showSearch
        options={attributes.filter((code) => !flags.some((flag) => flag.get('attribute') === code)).map((code) => ({ value: code, label: code }))}
        onChange={(code: string) => write([...flags, services.moddle.create('docket:AttributeFlag', { attribute: code })])} />
    </Flex>
  );
}

/** Handlers: actions (JSON, as Docket's route model defines them) run on the given events. */
export function HandlersEditor({ element, services, events }: { element: DiagramElement; services: BpmnServices; events: readonly string[] }) {
  const { t, tOr } = useI18n();
  const actions = extensionsOf(element, 'docket:Action').filter((action) => events.includes(String(action.get('event'))));
  const others = extensionsOf(element, 'docket:Action').filter((action) => !events.includes(String(action.get('event'))));
  const write = (next: ModdleElement[]) => setExtensions(services, element, 'docket:Action', [...others, ...next]);
  const action = (event: string, body: string) => services.moddle.create('docket:Action', { event, body });
  return (
    <Flex vertical gap={8}>
      {actions.map((item, index) => (
        <Flex key={index} vertical gap={4}>
          <Flex gap={4}>
            <Select aria-label={t('modeller.handlerEvent')} value={String(item.get('event'))} options={events.map((event) => ({ value: event, label: tOr(`modeller.event.${event}`, event) }))} style={{ flex: 1 }}
              onChange={(event: string) => write(actions.map((other, at) => (at === index ? action(event, String(other.body ?? '')) : other)))} />
            <Button aria-label={t('modeller.removeHandler')} icon={<DeleteOutlined />} onClick={() => write(actions.filter((_, at) => at !== index))} />
          </Flex>
          <Input.TextArea aria-label={t('modeller.handlerAction')} defaultValue={String(item.body ?? '')} autoSize={{ minRows: 2 }} style={{ fontFamily: 'monospace' }}
            status={readJson(item.body) === undefined ? 'error' : undefined}
            onBlur={(event) => write(actions.map((other, at) => (at === index ? action(String(other.get('event')), event.target.value) : other)))} />
        </Flex>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => write([...actions, action(events[0], '{"notify":{"template":""}}')])} style={{ alignSelf: 'flex-start' }}>
        {t('modeller.addHandler')}
      </Button>
    </Flex>
  );
}
