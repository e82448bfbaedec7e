import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Form, Input, Select } from 'antd';
import { useRemote } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import type { ReportFields } from '../../../../server/src/reports/reports.service';
import { FILTER_OPERATORS, type FilterOperator, type ListFilter } from '../../../../server/src/requests/list/request-list.types';

/** A condition as the form holds it: the value as typed (a list of values comma-separated). */
export interface ConditionRow {
  field?: string;
  op?: FilterOperator;
  value?: string;
}

const VALUELESS: readonly FilterOperator[] = ['isNull', 'notNull'];

export const conditionRowsOf = (where: ListFilter[] | undefined): ConditionRow[] =>
  (where ?? []).map(({ field, op, value }) => ({ field, op, value: value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(', ') : String(value) }));

/** The rows filled in, as the report's `where`; the server coerces each value to its field's kind. */
export function conditionsOf(rows: ConditionRow[] | undefined): ListFilter[] {
  return (rows ?? []).flatMap(({ field, op, value }) => {
    if (!field?.trim() || !op) return [];
    if (VALUELESS.includes(op)) return [{ field: field.trim(), op }];
    const text = (value ?? '').trim();
    return [{ field: field.trim(), op, value: op === 'in' ? text.split(',').map((part) => part.trim()).filter(Boolean) : text }];
  });
}

/** The report's conditions on request fields and attributes, all of which a request must meet to be counted. */
export function ReportConditions() {
  const { t } = useI18n();
  // The fields the server lets this user name: request fields, and the attributes they are shown.
  const fields = useRemote<ReportFields>('/reports/fields').data;
  const options = [...(fields?.requestFields ?? []).map((value) => ({ value, label: value })), ...(fields?.attributes ?? []).map((attribute) => ({ value: attribute.field, label: `${attribute.name} (${attribute.field})` }))];
  return (
    <Form.Item label={t('reports.conditions')} tooltip={t('reports.conditions.hint')}>
      <Form.List name="where">
        {(rows, { add, remove }) => (
          <Flex vertical gap={4} data-testid="report-conditions">
            {rows.map((field, index) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item name={[field.name, 'field']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 0, minWidth: 180 }}>
                  <AutoComplete aria-label={t('reports.condition.field', { n: index + 1 })} placeholder={t('reports.condition.fieldPlaceholder')} options={options} filterOption={(typed, option) => `${option?.value} ${option?.label}`.toLowerCase().includes(typed.toLowerCase())} />
                </Form.Item>
                <Form.Item name={[field.name, 'op']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 0, minWidth: 120 }}>
                  <Select aria-label={t('reports.condition.op', { n: index + 1 })} options={FILTER_OPERATORS.map((value) => ({ value, label: t(`reports.op.${value}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {(form) =>
                    VALUELESS.includes(form.getFieldValue(['where', field.name, 'op'])) ? null : (
                      <Form.Item name={[field.name, 'value']} style={{ marginBottom: 0, flex: 1 }}>
                        <Input aria-label={t('reports.condition.value', { n: index + 1 })} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('reports.condition.remove', { n: index + 1 })} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ op: 'eq' })} style={{ alignSelf: 'flex-start' }}>
              {t('reports.condition.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
