import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, InputNumber, Segmented, Select } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { ContextSchema, ContextType } from './engine';
import { BuilderNode, ConditionNode, GroupNode, LIST_OPERATORS, OPERATORS_BY_TYPE, PRESENCE_OPERATORS } from './rule-model';

interface BuilderProps {
  group: GroupNode;
  schema: ContextSchema;
  onChange(group: GroupNode): void;
  depth?: number;
}

const typeOf = (schema: ContextSchema, path: string): ContextType => schema[path]?.type ?? 'any';

function emptyCondition(schema: ContextSchema): ConditionNode {
  const path = Object.keys(schema)[0] ?? '';
  return { kind: 'condition', path, operator: OPERATORS_BY_TYPE[typeOf(schema, path)][0], value: null };
}

/** and/or groups of conditions; each condition picks a context field, an operator fitting its type, a value. */
export function RuleBuilder({ group, schema, onChange, depth = 0 }: BuilderProps) {
  const { t } = useI18n();
  const replace = (index: number, node: BuilderNode | null) =>
    onChange({ ...group, children: node === null ? group.children.filter((_, at) => at !== index) : group.children.map((child, at) => (at === index ? node : child)) });
  const add = (node: BuilderNode) => onChange({ ...group, children: [...group.children, node] });

  return (
    <Card size="small" role="group" aria-label={t('rules.group')} style={{ background: depth % 2 ? '#fafafa' : undefined }}>
      <Flex vertical gap={8}>
        <Segmented<'and' | 'or'>
          aria-label={t('rules.combinator')}
          value={group.combinator}
          onChange={(combinator) => onChange({ ...group, combinator })}
          options={[
            { value: 'and', label: t('rules.and') },
            { value: 'or', label: t('rules.or') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {group.children.map((child, index) =>
          child.kind === 'group' ? (
            <Flex key={index} gap={4} align="start">
              <div style={{ flex: 1 }}>
                <RuleBuilder group={child} schema={schema} depth={depth + 1} onChange={(next) => replace(index, next)} />
              </div>
              <Button aria-label={t('rules.removeGroup')} icon={<DeleteOutlined />} onClick={() => replace(index, null)} />
            </Flex>
          ) : (
            <ConditionRow key={index} condition={child} schema={schema} onChange={(next) => replace(index, next)} onRemove={() => replace(index, null)} />
          ),
        )}
        <Flex gap={8}>
          <Button size="small" icon={<PlusOutlined />} onClick={() => add(emptyCondition(schema))}>
            {t('rules.addCondition')}
          </Button>
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'group', combinator: group.combinator === 'and' ? 'or' : 'and', children: [] })}>
            {t('rules.addGroup')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function ConditionRow({ condition, schema, onChange, onRemove }: { condition: ConditionNode; schema: ContextSchema; onChange(node: ConditionNode): void; onRemove(): void }) {
  const { t, tOr } = useI18n();
  const type = typeOf(schema, condition.path);
  const operators = OPERATORS_BY_TYPE[type].includes(condition.operator) ? OPERATORS_BY_TYPE[type] : [condition.operator, ...OPERATORS_BY_TYPE[type]];
  const fields = Object.entries(schema).map(([path, field]) => ({ value: path, label: field.description ? `${path} (${field.description})` : path }));
  if (!schema[condition.path]) fields.unshift({ value: condition.path, label: condition.path });

  const pickField = (path: string) => {
    const nextOperators = OPERATORS_BY_TYPE[typeOf(schema, path)];
    onChange({ ...condition, path, operator: nextOperators.includes(condition.operator) ? condition.operator : nextOperators[0] });
  };

  return (
    <Flex gap={4} align="center" wrap role="group" aria-label={t('rules.condition')}>
      <Select aria-label={t('rules.field')} showSearch={{ optionFilterProp: 'label' }} value={condition.path} onChange={pickField} options={fields} style={{ minWidth: 260 }} />
      <Select
        aria-label={t('rules.operator')}
        value={condition.operator}
        onChange={(operator) => onChange({ ...condition, operator, value: LIST_OPERATORS.has(operator) ? [] : (PRESENCE_OPERATORS as readonly string[]).includes(operator) ? null : condition.value })}
        options={operators.map((operator) => ({ value: operator, label: tOr(`rules.op.${operator}`, operator) }))}
        style={{ minWidth: 150 }}
      />
      {!(PRESENCE_OPERATORS as readonly string[]).includes(condition.operator) && (
        <ValueInput type={type} list={LIST_OPERATORS.has(condition.operator)} value={condition.value} onChange={(value) => onChange({ ...condition, value })} />
      )}
      <Button aria-label={t('rules.removeCondition')} icon={<DeleteOutlined />} onClick={onRemove} />
    </Flex>
  );
}

function ValueInput({ type, list, value, onChange }: { type: ContextType; list: boolean; value: unknown; onChange(value: unknown): void }) {
  const { t } = useI18n();
  const label = t('rules.value');
  if (list) {
    const items = Array.isArray(value) ? value.map(String) : [];
    return <Select aria-label={label} mode="tags" value={items} onChange={(next: string[]) => onChange(next)} style={{ minWidth: 200 }} open={false} />;
  }
  if (type === 'number') return <InputNumber aria-label={label} value={typeof value === 'number' ? value : null} onChange={(next) => onChange(next)} />;
  if (type === 'boolean') {
    return (
      <Select aria-label={label} value={value === true ? 'true' : value === false ? 'false' : undefined} onChange={(next) => onChange(next === 'true')} style={{ minWidth: 100 }}
        options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} />
    );
  }
  return <Input aria-label={label} value={value === null || value === undefined ? '' : String(value)} onChange={(event) => onChange(event.target.value)} style={{ width: 200 }} />;
}
