import { Collapse, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { FieldSpec, fitsMask } from './attribute-values';

interface AttributeFormProps {
  specs: FieldSpec[];
  /** Where the values live in the surrounding form, e.g. ['requests', 0, 'attributes']. */
  prefix: (string | number)[];
  /** Everything read-only (the card of a request one cannot work). */
  disabled?: boolean;
  /** Opens every group, e.g. after the server pointed at a field inside a collapsed one. */
  expandAll?: boolean;
}

/** Form.Item hands its child id, value, checked and onChange; each control receives them as they are. */
type ControlProps = Record<string, unknown>;

function AttributeInput({ spec, disabled, ...control }: { spec: FieldSpec; disabled: boolean } & ControlProps) {
  const { t } = useI18n();
  const off = disabled || spec.readOnly;
  if (spec.valueType === 'boolean' && !spec.multiple) return <Switch {...control} disabled={off} checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />;
  if (spec.allowedValues?.length || (spec.multiple && spec.valueType !== 'boolean')) {
    const options = (spec.allowedValues ?? []).map((value) => ({ value: value as string, label: String(value) }));
    return <Select {...control} mode={spec.multiple ? (options.length ? 'multiple' : 'tags') : undefined} options={options} disabled={off} allowClear aria-label={spec.name} />;
  }
  switch (spec.valueType) {
    case 'text':
      return <Input.TextArea {...control} autoSize={{ minRows: 2, maxRows: 8 }} disabled={off} />;
    case 'integer':
      return <InputNumber {...control} precision={0} style={{ width: '100%' }} disabled={off} />;
    case 'decimal':
      return <InputNumber {...control} precision={spec.scale ?? undefined} style={{ width: '100%' }} disabled={off} />;
    case 'date':
      return <Input {...control} type="date" disabled={off} />;
    case 'datetime':
      return <Input {...control} type="datetime-local" disabled={off} />;
    default:
      return <Input {...control} disabled={off} placeholder={spec.mask ?? undefined} />;
  }
}

function rulesOf(spec: FieldSpec, t: ReturnType<typeof useI18n>['t']): Rule[] {
  const rules: Rule[] = [];
  if (spec.required && !spec.readOnly) rules.push({ required: true, message: t('common.required') });
  if (spec.mask) {
    const mask = spec.mask;
    rules.push({ validator: async (_, value: unknown) => { if (typeof value === 'string' && value && !fitsMask(mask, value)) throw new Error(t('workspace.maskMismatch', { mask })); } });
  }
  if (spec.regex) {
    const pattern = new RegExp(spec.regex, 'u');
    rules.push({ validator: async (_, value: unknown) => { if (typeof value === 'string' && value && !pattern.test(value)) throw new Error(t('workspace.patternMismatch')); } });
  }
  return rules;
}

/** The fields of a topic's attributes, grouped as the administrator grouped them; groups start as configured (collapsed or open). */
export function AttributeForm({ specs, prefix, disabled = false, expandAll = false }: AttributeFormProps) {
  const { t } = useI18n();
  const visible = specs;
  const groups = [...new Map(visible.filter((spec) => spec.group).map((spec) => [spec.group!.name, spec.group!])).values()];
  const [open, setOpen] = useState<string[]>(() => groups.filter((group) => !group.collapsed).map((group) => group.name));
  const field = (spec: FieldSpec) => (
    <Form.Item
      key={spec.code}
      name={[...prefix, spec.code]}
      label={spec.name}
      tooltip={spec.description ?? undefined}
      rules={rulesOf(spec, t)}
      valuePropName={spec.valueType === 'boolean' && !spec.multiple ? 'checked' : 'value'}
      extra={spec.mask ? t('workspace.maskHint', { mask: spec.mask }) : undefined}
    >
      <AttributeInput spec={spec} disabled={disabled} />
    </Form.Item>
  );
  if (!visible.length) return <Typography.Text type="secondary">{t('workspace.noAttributes')}</Typography.Text>;
  return (
    <>
      {visible.filter((spec) => !spec.group).map(field)}
      {groups.length > 0 && (
        <Collapse
          size="small"
          activeKey={expandAll ? groups.map((group) => group.name) : open}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          items={groups.map((group) => ({
            key: group.name,
            label: group.name,
            forceRender: true,
            children: visible.filter((spec) => spec.group?.name === group.name).map(field),
          }))}
          style={{ marginBottom: 16 }}
        />
      )}
    </>
  );
}
