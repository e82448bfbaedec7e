import { Alert, App, Button, Card, Form, Input, Select, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { post } from '../api/client';
import { useRemote } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n/i18n';
import { showNestedErrors } from '../pages/config/field-errors';
import { KnowledgeSearch } from './KnowledgeSearch';
import { plainToHtml } from './plain-text';
import type { PortalForm, PortalRequestDetail, PortalTopic } from './portal-types';
import { SchemaFields } from './SchemaFields';

interface Values {
  topicId: number;
  subject: string;
  description?: string;
  attributes?: Record<string, unknown>;
}

/** The knowledge base first ("maybe this answers your question"), then the topic's form. */
export function NewRequestPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [topicId, setTopicId] = useState<number>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const topics = useRemote<PortalTopic[]>('/portal/topics');
  const topicForm = useRemote<PortalForm>(topicId === undefined ? null : `/portal/topics/${topicId}/form`);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const attributes = Object.fromEntries(Object.entries(values.attributes ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== ''));
      const created = await post<PortalRequestDetail>('/portal/requests', { topicId: values.topicId, subject: values.subject, description: values.description ? plainToHtml(values.description) : undefined, attributes });
      void message.success(t('portal.form.submitted', { number: created.number }));
      navigate(`/portal/requests/${created.id}`);
    } catch (error) {
      setFailure(showNestedErrors(form, error, i18n));
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('portal.newRequest')} />
      <KnowledgeSearch topicId={topicId} />
      <Card title={t('portal.form.title')} data-testid="portal-request-form">
        <ErrorAlert message={topics.error} onRetry={topics.reload} />
        <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item name="topicId" label={t('portal.form.topic')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              aria-label={t('portal.form.topic')}
              placeholder={t('portal.form.chooseTopic')}
              loading={topics.loading}
              onChange={(value: number) => {
                setTopicId(value);
                form.setFieldValue('attributes', {});
              }}
              options={(topics.data ?? []).map((topic) => ({ value: topic.id, label: [...topic.path, topic.name].join(' / ') }))}
            />
          </Form.Item>
          <Form.Item name="subject" label={t('portal.form.subject')} rules={[{ required: true, message: t('common.required') }, { max: 500 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('portal.form.description')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <ErrorAlert message={topicForm.error} onRetry={topicForm.reload} />
          {topicForm.loading && <Spin />}
          {topicForm.data && topicForm.data.topic.id === topicId && <SchemaFields form={topicForm.data} />}
          {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('portal.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
