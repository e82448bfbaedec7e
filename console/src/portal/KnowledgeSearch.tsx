import { Alert, Button, Card, Collapse, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRemote } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import { safeHtml } from '../pages/workspace/rich-text';
import type { Page } from '../api/types';
import type { CustomerArticle } from './portal-types';

/** Self-service before a request: published articles for customers, searched by the words the customer types. */
export function KnowledgeSearch({ topicId }: { topicId?: number }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [helped, setHelped] = useState(false);
  const searching = query.trim().length > 0 || topicId !== undefined;
  const found = useRemote<Page<CustomerArticle>>(searching ? '/portal/knowledge' : null, { q: query.trim(), topicId, pageSize: 5 });
  return (
    <Card title={t('portal.kb.title')} style={{ marginBottom: 24 }} data-testid="knowledge-search">
      <Typography.Paragraph type="secondary">{t('portal.kb.hint')}</Typography.Paragraph>
      <Input.Search allowClear enterButton={t('common.search')} placeholder={t('portal.kb.placeholder')} onSearch={(value) => setQuery(value)} aria-label={t('portal.kb.title')} />
      <ErrorAlert message={found.error} onRetry={found.reload} />
      {helped && <Alert type="success" showIcon title={t('portal.kb.thanks')} style={{ marginTop: 16 }} />}
      {searching && found.data && found.data.items.length === 0 && <Empty description={t('portal.kb.nothing')} style={{ marginTop: 16 }} />}
      {searching && found.data && found.data.items.length > 0 && (
        <Collapse
          style={{ marginTop: 16 }}
          items={found.data.items.map((article) => ({
            key: article.id,
            label: article.title,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(article.body) }} />
                <div>
                  {article.tags.map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                </div>
                <Button size="small" onClick={() => setHelped(true)}>
                  {t('portal.kb.helped')}
                </Button>
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
