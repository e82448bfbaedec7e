import { Form, Select } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import type { DictionaryRecord, DictionaryValue, DictionaryValueInput } from '../types';
import { below } from './value-tree';
import { ActiveField, CodeNameFields, PositionField } from '../entry-fields';

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
      <CodeNameFields creating={!value} />
      {dictionary.hierarchical && (
        <Form.Item name="parentCode" label={t('dictionaries.parent')}>
          <Select allowClear showSearch optionFilterProp="label" options={parents} />
        </Form.Item>
      )}
      <PositionField />
      <ActiveField />
    </FormModal>
  );
}
