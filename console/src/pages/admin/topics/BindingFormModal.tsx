import { App, Form, InputNumber, Select } from 'antd';
import { patch, post } from '../../../api/client';
import type { Binding, BindingInput } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { FlagSettingInput } from '../../../components/rules/FlagSettingInput';
import { useI18n } from '../../../i18n/i18n';
import { DefaultSettingInput } from './DefaultSettingInput';
import type { TopicRuleContext } from './topic-context';

interface BindingFormModalProps {
  nodeId: number;
  binding?: Binding;
  /** Attributes already on the node, which cannot be bound twice. */
  boundIds: number[];
  context: TopicRuleContext;
  onClose(): void;
  onSaved(): void;
}

/** Places an attribute on a group or topic, overriding the flags flag by flag (or leaving each to the level above). */
export function BindingFormModal({ nodeId, binding, boundIds, context, onClose, onSaved }: BindingFormModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BindingInput>();
  const ruleProps = { schema: context.schema, sampleContext: context.sample, inheritable: true };
  const attribute = context.attributes.find((candidate) => candidate.id === binding?.attributeId);
  const choices = context.attributes.filter((candidate) => !boundIds.includes(candidate.id)).map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.code})` }));

  const save = async ({ attributeId, ...settings }: BindingInput) => {
    if (binding) await patch(`/topics/${nodeId}/attributes/${binding.attributeId}`, settings);
    else await post(`/topics/${nodeId}/attributes`, { attributeId, ...settings } satisfies BindingInput);
    void message.success(t('common.saved'));
    onSaved();
  };

  return (
    <FormModal<BindingInput>
      title={binding ? t('bindings.edit', { code: attribute?.code ?? `#${binding.attributeId}` }) : t('bindings.create')}
      form={form}
      initialValues={binding ?? { required: null, hidden: null, readOnly: null, defaultValue: null }}
      onSubmit={save}
      onClose={onClose}
      width={900}
    >
      {!binding && (
        <Form.Item name="attributeId" label={t('bindings.attribute')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={choices} />
        </Form.Item>
      )}
      <Form.Item name="order" label={t('attributes.order')}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name="required" label={t('flags.required')}>
        <FlagSettingInput aria-label={t('flags.required')} {...ruleProps} />
      </Form.Item>
      <Form.Item name="hidden" label={t('flags.hidden')}>
        <FlagSettingInput aria-label={t('flags.hidden')} {...ruleProps} />
      </Form.Item>
      <Form.Item name="readOnly" label={t('flags.readOnly')}>
        <FlagSettingInput aria-label={t('flags.readOnly')} {...ruleProps} />
      </Form.Item>
      <Form.Item name="defaultValue" label={t('attributes.defaultValue')} tooltip={t('bindings.defaultHint')}>
        <DefaultSettingInput schema={context.schema} sampleContext={context.sample} />
      </Form.Item>
    </FormModal>
  );
}
