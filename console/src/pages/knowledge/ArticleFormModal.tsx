import { App, Form, Input, Select, Switch } from 'antd';
import { ApiError, patch, post } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { isStale } from '../workspace/field-errors';
import { plainToHtml } from '../workspace/plain-text';
import { changedRichText, editableText } from './editable-text';
import { useRemote } from '../../api/hooks';
import { ARTICLE_KINDS, AUDIENCES, type Article, type ArticleKind, type Audience } from './types';

interface Values {
  title: string;
  body: string;
  tags: string[];
  audience: Audience;
  kind: ArticleKind;
  workgroupIds: number[];
  published: boolean;
}

/** Writes a new article or edits one at the version read; the text is typed as lines, like descriptions elsewhere. */
export function ArticleFormModal({ article, onClose, onSaved }: { article?: Article; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const workgroups = useRemote<{ id: number; name: string }[]>('/knowledge/workgroups');
  const required = [{ required: true, whitespace: true, message: t('common.required') }];

  const save = async ({ body, workgroupIds, ...rest }: Values) => {
    // Only internal articles are meant for workgroups: a customer one is the portal's.
    const fields = { ...rest, workgroupIds: rest.audience === 'internal' ? (workgroupIds ?? []) : [] };
    if (!article) {
      await post<Article>('/knowledge/articles', { ...fields, body: plainToHtml(body) });
    } else {
      try {
        await patch<Article>(`/knowledge/articles/${article.id}`, { ...fields, body: changedRichText(article.body, body), expectedVersion: article.version });
      } catch (error) {
        // The shared sentence for a stale version speaks of requests; this one names the article.
        throw isStale(error) ? new ApiError(409, 'article_stale', (error as ApiError).message) : error;
      }
    }
    void message.success(t('knowledge.created', { title: fields.title }));
    onSaved();
  };

  const initialValues: Values = article
    ? { title: article.title, body: editableText(article.body), tags: article.tags, audience: article.audience, kind: article.kind, workgroupIds: article.workgroupIds, published: article.published }
    : { title: '', body: '', tags: [], audience: 'customer', kind: 'article', workgroupIds: [], published: false };

  return (
    <FormModal<Values> title={article ? t('knowledge.edit') : t('knowledge.create')} form={form} initialValues={initialValues} width={720} onSubmit={save} onClose={onClose}>
      <Form.Item name="title" label={t('knowledge.title')} rules={required}>
        <Input autoFocus maxLength={300} />
      </Form.Item>
      <Form.Item name="body" label={t('knowledge.body')} extra={t('knowledge.bodyHint')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 6 }} />
      </Form.Item>
      <Form.Item name="tags" label={t('knowledge.tags')}>
        <Select mode="tags" tokenSeparators={[',']} />
      </Form.Item>
      <Form.Item name="audience" label={t('knowledge.audience')} rules={[{ required: true, message: t('common.required') }]}>
        <Select<Audience> options={AUDIENCES.map((value) => ({ value, label: t(`knowledge.audience.${value}`) }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('knowledge.kind')}>
        <Select<ArticleKind> options={ARTICLE_KINDS.map((value) => ({ value, label: t(`knowledge.kind.${value}`) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['audience']}>
        {() =>
          form.getFieldValue('audience') === 'internal' && (
            <Form.Item name="workgroupIds" label={t('knowledge.workgroups')} extra={t('knowledge.workgroupsHint')}>
              <Select mode="multiple" allowClear loading={workgroups.loading} optionFilterProp="label" options={(workgroups.data ?? []).map((group) => ({ value: group.id, label: group.name }))} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="published" label={t('knowledge.state')} valuePropName="checked">
        <Switch checkedChildren={t('knowledge.published')} unCheckedChildren={t('knowledge.draft')} />
      </Form.Item>
    </FormModal>
  );
}
