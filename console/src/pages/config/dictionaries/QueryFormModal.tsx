import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { savingNested } from '../field-errors';
import type { QueryInput, QueryRecord } from '../types';
import { QueryRunner } from './QueryRunner';

import { PARAMETER_TYPES } from '../../../../../server/src/dictionaries/dynamic-queries/query-parameters';
import { ActiveField, CodeNameFields } from '../entry-fields';

export function QueryFormModal({ record, onClose, onSaved }: { record?: QueryRecord; onClose(): void; onSaved(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<QueryInput>();
  const required = [{ required: true, message: t('common.required') }];

  const save = ({ code, ...fields }: QueryInput) =>
    savingNested(form, i18n, async () => {
      if (record) await patch(`/dynamic-queries/${record.id}`, fields);
      else await post('/dynamic-queries', { code, ...fields });
      onSaved();
    });

  const initialValues: Partial<QueryInput> = record
    ? { name: record.name, description: record.description, sql: record.sql, parameters: record.parameters, valueColumn: record.valueColumn, labelColumn: record.labelColumn, maxRows: record.maxRows, active: record.active }
    : { description: '', parameters: [], valueColumn: 'value', labelColumn: 'label', maxRows: 100, active: true };

  return (
    <FormModal<QueryInput> width={720} title={record ? t('queries.edit', { code: record.code }) : t('queries.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      <CodeNameFields creating={!record} />
      <Form.Item name="description" label={t('config.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="sql" label={t('queries.sql')} rules={required}>
        <Input.TextArea rows={5} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item label={t('queries.parameters')}>
        <Form.List name="parameters">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={required} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('queries.parameterName')} aria-label={t('queries.parameterName')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'type']} rules={required} style={{ marginBottom: 0, minWidth: 120 }}>
                    <Select aria-label={t('queries.parameterType')} options={PARAMETER_TYPES.map((type) => ({ value: type, label: type }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{t('queries.parameterRequired')}</Checkbox>
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', type: 'string', required: false })} style={{ alignSelf: 'flex-start' }}>
                {t('queries.addParameter')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="valueColumn" label={t('queries.valueColumn')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="labelColumn" label={t('queries.labelColumn')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="maxRows" label={t('queries.maxRows')}>
          <InputNumber min={1} />
        </Form.Item>
      </Flex>
      <ActiveField />
      {record && <QueryRunner queryId={record.id} />}
    </FormModal>
  );
}
