import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useI18n } from '../i18n/i18n';
import type { PortalForm, SchemaProperty } from './portal-types';

function Control({ property, ...control }: { property: SchemaProperty } & Record<string, unknown>) {
  const { t } = useI18n();
  const multiple = property.type === 'array';
  const item = multiple ? (property.items ?? {}) : property;
  const options = property['x-docket-options'] ?? item.enum?.filter((value) => typeof value === 'string').map((value) => ({ value: value as string, label: value as string }));
  if (item.type === 'boolean' && !multiple) return <Switch {...control} disabled={property.readOnly} checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />;
  if (options?.length || multiple) return <Select {...control} mode={multiple ? (options?.length ? 'multiple' : 'tags') : undefined} options={options ?? []} allowClear disabled={property.readOnly} aria-label={property.title} />;
  if (item.type === 'integer' || item.type === 'number') return <InputNumber {...control} precision={item.type === 'integer' ? 0 : undefined} style={{ width: '100%' }} disabled={property.readOnly} />;
  if (item.format === 'date') return <Input {...control} type="date" disabled={property.readOnly} />;
  if (item.format === 'date-time') return <Input {...control} type="datetime-local" disabled={property.readOnly} />;
  if ((item.maxLength ?? 0) > 1000) return <Input.TextArea {...control} autoSize={{ minRows: 2, maxRows: 8 }} disabled={property.readOnly} />;
  return <Input {...control} disabled={property.readOnly} placeholder={property['x-docket-mask']} />;
}

/** The fields of a topic's form, generated from its JSON Schema: required marks, drop-downs for dictionaries. */
export function SchemaFields({ form }: { form: PortalForm }) {
  const { t } = useI18n();
  return (
    <>
      {Object.entries(form.schema.properties).map(([code, property]) => {
        const required = form.schema.required.includes(code) && !property.readOnly;
        // Patterns and masks are checked by the server, whose answer lands next to the field.
        const rules: Rule[] = required ? [{ required: true, message: t('common.required') }] : [];
        return (
          <Form.Item key={code} name={['attributes', code]} label={property.title ?? code} tooltip={property.description} required={required} rules={rules} valuePropName={property.type === 'boolean' ? 'checked' : 'value'}>
            <Control property={property} />
          </Form.Item>
        );
      })}
    </>
  );
}
