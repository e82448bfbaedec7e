import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { patch, remove } from '../../api/client';
import { describeError } from '../../api/errors';
import { usePagedRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { safeHtml } from '../workspace/rich-text';
import { ArticleFormModal } from './ArticleFormModal';
import { ARTICLE_KINDS, audienceColour, AUDIENCES, kindColour, type Article, type ArticleKind, type Audience } from './types';

type Editing = { article?: Article } | null;

/** The knowledge managers' list: drafts and published articles, written, published and withdrawn here. */
export default function KnowledgePage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [audience, setAudience] = useState<Audience | undefined>();
  const [kind, setKind] = useState<ArticleKind | undefined>();
  const [published, setPublished] = useState<'true' | 'false' | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const articles = usePagedRemote<Article>('/knowledge/articles', { q, audience, kind, published });

  const act = async (article: Article, write: () => Promise<unknown>, done: string) => {
    setBusy(article.id);
    try {
      await write();
      void message.success(done);
      articles.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    } finally {
      setBusy(null);
    }
  };
  const togglePublished = (article: Article) =>
    act(article, () => patch(`/knowledge/articles/${article.id}`, { published: !article.published, expectedVersion: article.version }), t(article.published ? 'knowledge.unpublishedDone' : 'knowledge.publishedDone', { title: article.title }));

  const columns: TableColumnsType<Article> = [
    { title: t('knowledge.title'), dataIndex: 'title' },
    { title: t('knowledge.kind'), dataIndex: 'kind', render: (value: ArticleKind) => <Tag color={kindColour(value)}>{t(`knowledge.kind.${value}`)}</Tag> },
    { title: t('knowledge.audience'), dataIndex: 'audience', render: (value: Audience) => <Tag color={audienceColour(value)}>{t(`knowledge.audience.${value}`)}</Tag> },
    { title: t('knowledge.state'), dataIndex: 'published', render: (value: boolean) => <Tag color={value ? 'green' : undefined} data-testid="article-state">{value ? t('knowledge.published') : t('knowledge.draft')}</Tag> },
    { title: t('knowledge.tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
    { title: t('knowledge.updated'), dataIndex: 'updatedAt', render: (value: string) => formatInstant(value, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, article) => (
        <Space wrap>
          <Button size="small" onClick={() => setEditing({ article })}>{t('common.edit')}</Button>
          <Button size="small" loading={busy === article.id} onClick={() => void togglePublished(article)}>{article.published ? t('knowledge.unpublish') : t('knowledge.publish')}</Button>
          <Popconfirm title={t('knowledge.delete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => act(article, () => remove(`/knowledge/articles/${article.id}`), t('knowledge.deleted', { title: article.title }))}>
            <Button size="small" danger>{t('common.delete')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.knowledge')}
        actions={
          <Space>
            <Button type="primary" onClick={() => setEditing({})}>{t('knowledge.create')}</Button>
            <Button onClick={articles.reload}>{t('common.reload')}</Button>
          </Space>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('knowledge.search')} placeholder={t('knowledge.searchPlaceholder')} allowClear enterButton={t('common.search')} onSearch={(value) => setQ(value.trim())} style={{ maxWidth: 420 }} />
        <Select<ArticleKind | undefined> aria-label={t('knowledge.kind')} value={kind} onChange={setKind} allowClear placeholder={t('knowledge.allKinds')} style={{ width: 180 }} options={ARTICLE_KINDS.map((value) => ({ value, label: t(`knowledge.kind.${value}`) }))} />
        <Select<Audience | undefined> aria-label={t('knowledge.audience')} value={audience} onChange={setAudience} allowClear placeholder={t('knowledge.allAudiences')} style={{ width: 200 }} options={AUDIENCES.map((value) => ({ value, label: t(`knowledge.audience.${value}`) }))} />
        <Select<'true' | 'false' | undefined>
          aria-label={t('knowledge.state')}
          value={published}
          onChange={setPublished}
          allowClear
          placeholder={t('knowledge.allStates')}
          style={{ width: 220 }}
          options={[{ value: 'true', label: t('knowledge.published') }, { value: 'false', label: t('knowledge.draft') }]}
        />
      </Flex>
      <ErrorAlert message={articles.error} onRetry={articles.reload} />
      <Table<Article>
        aria-label={t('nav.knowledge')}
        rowKey="id"
        size="small"
        loading={articles.loading}
        dataSource={articles.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('knowledge.empty') }}
        expandable={{ expandedRowRender: (article) => <div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(article.body) }} /> }}
        onRow={(article) => ({ 'data-testid': `article-${article.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: articles.page, pageSize: articles.pageSize, total: articles.data?.total ?? 0, onChange: articles.setPage, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: true }}
      />
      {editing && <ArticleFormModal article={editing.article} onClose={() => setEditing(null)} onSaved={articles.reload} />}
    </>
  );
}
