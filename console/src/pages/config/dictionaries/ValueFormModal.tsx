import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import type { DictionaryRecord, DictionaryValue, DictionaryValueInput } from '../types';
import { below } from './value-tree';

interface Props {
  dictionary: DictionaryRecord;
  value?: DictionaryValue;
  values: DictionaryValue[];
  onClose(): void;
  onSaved(): void;
}

export function ValueFormModal({ dictionary, value, values, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<DictionaryValueInput>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, ...changes }: DictionaryValueInput) => {
    const fields = { ...changes, parentCode: changes.parentCode ?? null };
    if (value) await patch(`/dictionaries/${dictionary.id}/items/${value.id}`, fields);
    else await post(`/dictionaries/${dictionary.id}/items`, { code, ...fields });
    onSaved();
  };

  // A value cannot move under itself or its own descendants.
  const excluded = value ? below(values, value.code) : new Set<string>();
  const parents = values.filter((candidate) => !excluded.has(candidate.code)).map((candidate) => ({ value: candidate.code, label: `${candidate.code} — ${candidate.name}` }));
  const initialValues: Partial<DictionaryValueInput> = value
    ? { name: value.name, parentCode: value.parentCode, active: value.active, position: value.position }
    : { parentCode: null, active: true, position: values.length };

  return (
    <FormModal<DictionaryValueInput>
      title={value ? t('dictionaries.editValue', { code: value.code }) : t('dictionaries.addValue')}
      form={form}
      initialValues={initialValues}
      onSubmit={save}
      onClose={onClose}
    >
      {!value && (
        <Form.Item name="code" label={t('config.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('config.name')} rules={required}>
        <Input autoFocus={Boolean(value)} />
      </Form.Item>
      {dictionary.hierarchical && (
        <Form.Item name="parentCode" label={t('dictionaries.parent')}>
          <Select allowClear showSearch optionFilterProp="label" options={parents} />
        </Form.Item>
      )}
      <Form.Item name="position" label={t('config.position')}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name="active" label={t('config.active')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </FormModal>
  );
}
