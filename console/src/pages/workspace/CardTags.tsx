import { Button, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { put } from '../../api/client';
import { describeError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import type { CardAction } from './card-action';
import { MAX_TAG_LENGTH, MAX_TAGS, normalTag } from './list-query';

interface CardTagsProps {
  requestId: number;
  tags: string[];
  action: CardAction;
  editable: boolean;
}

/** The request's tags; those who work it edit the whole set at once (trimmed and lower-cased, as the server keeps them). */
export function CardTags({ requestId, tags, action, editable }: CardTagsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (next: string[]) => {
    setProblem(null);
    if (await action.run(() => put(`/requests/${requestId}/tags`, { tags: next }), t('workspace.tags.saved'), (error) => setProblem(describeError(error, i18n)))) setEditing(null);
  };

  if (editing) {
    return (
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} data-testid="tags-editor">
        <Select<string[]>
          mode="tags"
          autoFocus
          aria-label={t('workspace.tags')}
          placeholder={t('workspace.tags.placeholder', { max: MAX_TAGS })}
          tokenSeparators={[',']}
          maxCount={MAX_TAGS}
          style={{ minWidth: 320 }}
          value={editing}
          onChange={(values) => setEditing([...new Set(values.map(normalTag).filter((tag) => tag.length > 0 && tag.length <= MAX_TAG_LENGTH))])}
        />
        <Button type="primary" loading={action.busy} onClick={() => void save(editing)}>
          {t('common.save')}
        </Button>
        <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
        {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
      </Flex>
    );
  }
  return (
    <Flex gap={4} align="center" wrap style={{ marginBottom: 12 }} data-testid="card-tags">
      <Typography.Text type="secondary">{t('workspace.tags')}:</Typography.Text>
      {tags.length ? tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
      {editable && (
        <Button size="small" type="link" onClick={() => setEditing(tags)}>
          {t('workspace.tags.edit')}
        </Button>
      )}
    </Flex>
  );
}
