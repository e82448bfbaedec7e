import { Alert, Col, Flex, Input, Row, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { FlagExplanation, FlagName, ResolvedField, ResolvedForm, ResolveInput, TopicNode } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';

const FLAGS: FlagName[] = ['required', 'hidden', 'readOnly'];
const DELAY_MS = 400;

function FlagWhy({ explanation }: { explanation: FlagExplanation }) {
  const { t, tOr } = useI18n();
  const settingText = (setting: FlagExplanation['chain'][number]['setting']) => (setting === true ? t('flag.yes') : setting === false ? t('flag.no') : t('flag.rule'));
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {explanation.chain.map((layer, index) => (
        <span key={index}>
          {index > 0 && ' → '}
          {tOr(`preview.source.${layer.source}`, layer.source)}
          {layer.node ? ` ${layer.node.code}` : layer.step ? ` ${layer.step.name ?? layer.step.id ?? ''}` : ''}: {settingText(layer.setting)}
        </span>
      ))}
      {explanation.rule && (
        <span>
          {' '}
          · {explanation.rule.error ? t('preview.ruleFailed', { message: explanation.rule.error.message }) : t('preview.ruleValue', { value: JSON.stringify(explanation.rule.value ?? null) })}
        </span>
      )}
    </Typography.Text>
  );
}

/**
 * The topic's form as the resolver makes it for a sample context and step: effective flags and, for each,
 * the layers that set it and the rule that decided. It re-resolves as the context is typed.
 */
export function FormPreview({ topic, sample, version }: { topic: TopicNode; sample: Record<string, unknown>; version: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [contextText, setContextText] = useState(() => JSON.stringify(sample, null, 2));
  const [stepId, setStepId] = useState('');
  const [form, setForm] = useState<ResolvedForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let context: Record<string, unknown>;
    try {
      context = JSON.parse(contextText) as Record<string, unknown>;
    } catch {
      setProblem(t('rules.contextNotJson'));
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      const body: ResolveInput = { context, ...(stepId.trim() ? { stepId: stepId.trim() } : {}) };
      post<ResolvedForm>(`/topics/${topic.id}/resolve`, body).then(
        (resolved) => {
          if (!current) return;
          setForm(resolved);
          setProblem(null);
        },
        (error: unknown) => current && setProblem(describeError(error, i18n)),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [contextText, stepId, topic.id, version, i18n, t]);

  const flagCell = (flag: FlagName) => (_: unknown, field: ResolvedField) => (
    <Flex vertical gap={2}>
      <span>{field[flag] ? <Tag color={flag === 'required' ? 'red' : 'blue'}>{t(`preview.flag.${flag}`)}</Tag> : <Tag>{t(`preview.notFlag.${flag}`)}</Tag>}</span>
      <FlagWhy explanation={field.explanation[flag]} />
    </Flex>
  );

  return (
    <Row gutter={16}>
      <Col span={8}>
        <Flex vertical gap={8}>
          <label>
            {t('preview.step')}
            <Input aria-label={t('preview.step')} value={stepId} onChange={(event) => setStepId(event.target.value)} placeholder={t('preview.stepHint')} />
          </label>
          <label>
            {t('rules.sampleContext')}
            <Input.TextArea aria-label={t('rules.sampleContext')} value={contextText} onChange={(event) => setContextText(event.target.value)} autoSize={{ minRows: 10, maxRows: 30 }} style={{ fontFamily: 'monospace' }} />
          </label>
        </Flex>
      </Col>
      <Col span={16}>
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 8 }} />}
        <Table<ResolvedField>
          aria-label={t('preview.title')}
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={form?.attributes ?? []}
          locale={{ emptyText: t('preview.empty') }}
          onRow={(field) => ({ 'data-testid': `preview-${field.code}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('bindings.attribute'), key: 'attribute', render: (_, field) => <span>{field.name} <Typography.Text code>{field.code}</Typography.Text>{field.group && <Tag>{field.group.name}</Tag>}</span> },
            ...FLAGS.map((flag) => ({ title: t(`flags.${flag}`), key: flag, render: flagCell(flag) })),
            { title: t('attributes.defaultValue'), key: 'default', render: (_, field) => (field.default === null || field.default === undefined ? t('common.none') : JSON.stringify(field.default)) },
          ]}
        />
      </Col>
    </Row>
  );
}
