import { Alert, Button, Flex, Input, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { explain, Rule, TraceNode } from './engine';

type Outcome = { value: unknown; trace: TraceNode } | { problem: string };

const show = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value));

function toTree(node: TraceNode): TreeDataNode {
  return {
    key: node.path || '/',
    title: (
      <span>
        <Typography.Text code>{node.operator}</Typography.Text> → <Typography.Text strong>{show(node.value)}</Typography.Text>
      </span>
    ),
    children: node.children.map(toTree),
  };
}

/** Evaluates the rule on a sample context, in the browser with the server's engine, and shows every step. */
export function RuleTestPane({ rule, initialContext }: { rule: Rule; initialContext?: Record<string, unknown> }) {
  const { t } = useI18n();
  const [contextText, setContextText] = useState(() => JSON.stringify(initialContext ?? {}, null, 2));
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = () => {
    let context: unknown;
    try {
      context = JSON.parse(contextText);
    } catch {
      setOutcome({ problem: t('rules.contextNotJson') });
      return;
    }
    try {
      setOutcome(explain(rule, context, { now: new Date().toISOString() }));
    } catch (error) {
      setOutcome({ problem: t('rules.evaluationFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <Flex vertical gap={8}>
      <label>
        <Typography.Text>{t('rules.sampleContext')}</Typography.Text>
        <Input.TextArea aria-label={t('rules.sampleContext')} value={contextText} onChange={(event) => setContextText(event.target.value)} autoSize={{ minRows: 3, maxRows: 12 }} style={{ fontFamily: 'monospace' }} />
      </label>
      <Button onClick={run} style={{ alignSelf: 'flex-start' }}>
        {t('rules.evaluate')}
      </Button>
      {outcome && 'problem' in outcome && <Alert type="error" showIcon role="alert" title={outcome.problem} />}
      {outcome && 'trace' in outcome && (
        <div data-testid="rule-test-result">
          <Typography.Text>
            {t('rules.result')} <Tag color={outcome.value ? 'green' : 'default'}>{show(outcome.value)}</Tag>
          </Typography.Text>
          <Tree aria-label={t('rules.trace')} defaultExpandAll treeData={[toTree(outcome.trace)]} selectable={false} />
        </div>
      )}
    </Flex>
  );
}
