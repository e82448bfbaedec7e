import { Alert, Flex, Input, List, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ContextSchema, Rule, validateRule } from './engine';
import { RuleBuilder } from './RuleBuilder';
import { RuleTestPane } from './RuleTestPane';
import { fromBuilder, toBuilder } from './rule-model';

export interface RuleEditorProps {
  value?: Rule;
  onChange?(rule: Rule): void;
  /** The fields rules may read here; drives the field picker and the static checks. */
  schema: ContextSchema;
  /** What the test pane starts from. */
  sampleContext?: Record<string, unknown>;
  id?: string;
}

const pretty = (rule: Rule) => JSON.stringify(rule ?? true, null, 2);

/**
 * Every rule in the console is edited here: a visual builder and the JSON it stands for, checked as one
 * types against the context schema, with a pane that runs it on a sample context and shows the trace.
 */
export function RuleEditor({ value, onChange, schema, sampleContext, id }: RuleEditorProps) {
  const { t } = useI18n();
  const rule = value ?? true;
  const [text, setText] = useState(() => pretty(rule));
  const [textFor, setTextFor] = useState<Rule>(rule);
  const [syntaxError, setSyntaxError] = useState(false);
  // The JSON text follows changes made elsewhere (the builder, a reset) but keeps what is being typed.
  if (textFor !== rule) {
    setTextFor(rule);
    setText(pretty(rule));
    setSyntaxError(false);
  }

  const builder = useMemo(() => toBuilder(rule), [rule]);
  const issues = useMemo(() => validateRule(rule, schema), [rule, schema]);

  const emit = (next: Rule) => {
    setTextFor(next);
    onChange?.(next);
  };

  const typeJson = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      setSyntaxError(false);
      emit(parsed);
    } catch {
      setSyntaxError(true);
    }
  };

  const builderTab = builder ? (
    <RuleBuilder
      group={builder}
      schema={schema}
      onChange={(group) => {
        const next = fromBuilder(group);
        setText(pretty(next));
        setSyntaxError(false);
        emit(next);
      }}
    />
  ) : (
    <Alert type="info" showIcon title={t('rules.tooComplex')} />
  );

  return (
    <Flex vertical gap={8} id={id} data-testid="rule-editor">
      <Tabs
        size="small"
        items={[
          { key: 'builder', label: t('rules.builder'), children: builderTab },
          {
            key: 'json',
            label: t('rules.json'),
            children: (
              <Input.TextArea aria-label={t('rules.json')} value={text} onChange={(event) => typeJson(event.target.value)} autoSize={{ minRows: 4, maxRows: 20 }} style={{ fontFamily: 'monospace' }} status={syntaxError ? 'error' : undefined} />
            ),
          },
          { key: 'test', label: t('rules.test'), children: <RuleTestPane rule={rule} initialContext={sampleContext} /> },
        ]}
      />
      {syntaxError && <Typography.Text type="danger">{t('rules.notJson')}</Typography.Text>}
      {!syntaxError && (issues.errors.length > 0 || issues.warnings.length > 0) && (
        <List
          size="small"
          aria-label={t('rules.issues')}
          dataSource={[...issues.errors.map((issue) => ({ ...issue, level: 'error' as const })), ...issues.warnings.map((issue) => ({ ...issue, level: 'warning' as const }))]}
          renderItem={(issue) => (
            <List.Item>
              <Typography.Text type={issue.level === 'error' ? 'danger' : 'warning'}>
                {issue.level === 'error' ? t('rules.error') : t('rules.warning')}: {issue.message}
                {issue.hint ? ` — ${issue.hint}` : ''} {issue.path && <Typography.Text code>{issue.path}</Typography.Text>}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {!syntaxError && issues.errors.length === 0 && issues.warnings.length === 0 && <Typography.Text type="success">{t('rules.valid')}</Typography.Text>}
    </Flex>
  );
}
