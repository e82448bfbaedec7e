import { App, Button, Collapse, Empty, Flex, Select, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { get, put } from '../../api/client';
import { describeError } from '../../api/errors';
import { useRemote } from '../../api/hooks';
import type { Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { safeHtml } from '../workspace/rich-text';
import { kindColour, type Article, type LinkedArticle } from './types';

interface Option {
  value: number;
  label: string;
}

/**
 * The knowledge articles linked from a request's or a problem's card (`path` is their link list), each opening
 * to its text; those who may change the card pick articles found by words and save the links.
 */
export function LinkedArticles({ path, editable }: { path: string; editable: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const linked = useRemote<LinkedArticle[]>(path);
  const [chosen, setChosen] = useState<number[]>([]);
  const [found, setFound] = useState<Option[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => setChosen((linked.data ?? []).map((article) => article.id)), [linked.data]);

  const search = async (words: string) => {
    if (!words.trim()) return setFound([]);
    try {
      const page = await get<Page<Article>>('/knowledge/search', { q: words.trim(), pageSize: 20 });
      setFound(page.items.map((article) => ({ value: article.id, label: article.title })));
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };
  const save = async () => {
    setSaving(true);
    try {
      await put(path, { articleIds: chosen });
      linked.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    } finally {
      setSaving(false);
    }
  };

  const options = [...(linked.data ?? []).map((article) => ({ value: article.id, label: article.title })), ...found].filter((option, index, all) => all.findIndex((other) => other.value === option.value) === index);
  return (
    <Flex vertical gap={12} data-testid="linked-articles">
      <ErrorAlert message={linked.error} onRetry={linked.reload} />
      {linked.loading && !linked.data ? (
        <Spin />
      ) : linked.data?.length ? (
        <Collapse
          size="small"
          items={linked.data.map((article) => ({
            key: article.id,
            label: (
              <Space>
                <Tag color={kindColour(article.kind)}>{t(`knowledge.kind.${article.kind}`)}</Tag>
                {article.title}
              </Space>
            ),
            children: <div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(article.body) }} />,
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.linkedNone')} />
      )}
      {editable && (
        <Space.Compact style={{ width: '100%' }}>
          <Select<number[]>
            mode="multiple"
            aria-label={t('knowledge.linkPick')}
            placeholder={t('knowledge.linkSearch')}
            value={chosen}
            onChange={setChosen}
            onSearch={(words) => void search(words)}
            filterOption={false}
            options={options}
            style={{ width: '100%' }}
          />
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('knowledge.linkSave')}
          </Button>
        </Space.Compact>
      )}
    </Flex>
  );
}
