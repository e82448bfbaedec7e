import { Button, Card, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRemote } from '../../api/hooks';
import type { Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import type { SearchResult } from './types';

const MATCH_COLOURS = { subject: 'blue', description: 'cyan', comment: 'green', attachment: 'purple' } as const;

/** Full-text search over what the operator may read; each hit opens its request's card. */
export function RequestSearch({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useI18n();
  const [words, setWords] = useState('');
  const found = useRemote<Page<SearchResult>>(words ? '/search' : null, { q: words, pageSize: 20 });
  const hits = (found.data?.items ?? []).filter((hit) => hit.requestId !== null);
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label={t('workspace.search')}
        placeholder={t('workspace.searchPlaceholder')}
        allowClear
        enterButton={t('common.search')}
        loading={found.loading && !!words}
        onSearch={(value) => setWords(value.trim())}
        style={{ maxWidth: 560 }}
      />
      {words && (
        <Card
          size="small"
          data-testid="search-results"
          title={found.data ? t('workspace.searchFound', { total: found.data.total }) : t('workspace.search')}
          extra={<Button size="small" type="link" onClick={() => setWords('')}>{t('workspace.searchClear')}</Button>}
        >
          <ErrorAlert message={found.error} onRetry={found.reload} />
          {found.data && !hits.length ? (
            <Empty description={t('workspace.searchNothing')} />
          ) : (
            <List
              size="small"
              loading={found.loading}
              dataSource={hits}
              renderItem={(hit) => (
                <List.Item key={`${hit.requestId}-${hit.matchedIn}-${hit.commentId ?? hit.attachmentId ?? ''}`} data-testid="search-hit">
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Flex gap={8} align="center" wrap>
                      <Typography.Link onClick={() => onOpen(hit.requestId!)}>{hit.requestNumber}</Typography.Link>
                      <Typography.Text strong>{hit.subject}</Typography.Text>
                      <Tag color={MATCH_COLOURS[hit.matchedIn]}>{t(`workspace.matched.${hit.matchedIn}`)}{hit.fileName ? `: ${hit.fileName}` : ''}</Tag>
                    </Flex>
                    <Typography.Text type="secondary">{hit.snippet}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Flex>
  );
}
