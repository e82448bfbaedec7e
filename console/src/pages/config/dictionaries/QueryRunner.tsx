import { Alert, Button, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useI18n } from '../../../i18n/i18n';

interface RunResult {
  items: { value: unknown; label: unknown }[];
  truncated: boolean;
}

/** Runs a saved dynamic query with sample parameters, to see the list an operator would be offered. */
export function QueryRunner({ queryId }: { queryId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [params, setParams] = useState('{}');
  const [result, setResult] = useState<RunResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setFailure(null);
    setResult(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(params);
    } catch {
      setFailure(t('rules.notJson'));
      return;
    }
    try {
      setResult(await post<RunResult>(`/dynamic-queries/${queryId}/run`, { params: parsed }));
    } catch (error) {
      // Which parameter is wrong is the point of trying, so the details are listed, not only the summary.
      const details = error instanceof ApiError ? error.details : [];
      setFailure([describeError(error, i18n), ...details.map((detail) => `${detail.path}: ${detail.message}`)].join(' '));
    }
  };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('queries.run')}</Typography.Text>
      <Flex gap={8}>
        <Input aria-label={t('queries.runParams')} value={params} onChange={(event) => setParams(event.target.value)} style={{ fontFamily: 'monospace' }} />
        <Button onClick={() => void run()}>{t('queries.run')}</Button>
      </Flex>
      {failure && <Alert type="warning" showIcon role="alert" title={failure} />}
      {result && (
        <List
          size="small"
          bordered
          data-testid="query-result"
          header={t('queries.rows', { count: result.items.length }) + (result.truncated ? ` ${t('queries.truncated')}` : '')}
          dataSource={result.items}
          renderItem={(item) => (
            <List.Item>
              {String(item.label)} <Typography.Text type="secondary">{String(item.value)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
