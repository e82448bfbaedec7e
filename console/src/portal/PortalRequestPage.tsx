import { Alert, Button, Card, Descriptions, Empty, Form, Input, List, Rate, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { post } from '../api/client';
import { describeError } from '../api/errors';
import { useRemote } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatInstant } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n/i18n';
import { showNestedErrors } from '../pages/config/field-errors';
import { safeHtml } from '../pages/workspace/rich-text';
import { plainToHtml } from './plain-text';
import type { PortalRequestDetail } from './portal-types';
import { StatusTag } from './StatusTag';

/** Confirm with a rating, or send back with a reason: what a customer answers to a solution. */
function SolutionAnswer({ request, onDone }: { request: PortalRequestDetail; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [confirmForm] = Form.useForm<{ rating: number; comment?: string }>();
  const [rejectForm] = Form.useForm<{ reason: string }>();
  const [rejecting, setRejecting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const act = async (form: Parameters<typeof showNestedErrors>[0], call: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await call();
      onDone();
    } catch (error) {
      setFailure(showNestedErrors(form, error, i18n));
    }
  };
  return (
    <Card title={t('portal.request.resolvedTitle')} style={{ marginBottom: 24 }} data-testid="solution-answer">
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
      {!rejecting ? (
        <Form form={confirmForm} layout="vertical" onFinish={(values) => act(confirmForm, () => post(`/portal/requests/${request.id}/confirm`, { expectedVersion: request.version, rating: values.rating, comment: values.comment || undefined }))}>
          <Form.Item name="rating" label={t('portal.request.rating')} rules={[{ required: true, message: t('common.required') }]}>
            <Rate aria-label={t('portal.request.rating')} />
          </Form.Item>
          <Form.Item name="comment" label={t('portal.request.ratingComment')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('portal.request.confirm')}
            </Button>
            <Button danger onClick={() => setRejecting(true)}>
              {t('portal.request.reject')}
            </Button>
          </Space>
        </Form>
      ) : (
        <Form form={rejectForm} layout="vertical" onFinish={(values) => act(rejectForm, () => post(`/portal/requests/${request.id}/reject`, { expectedVersion: request.version, reason: values.reason }))}>
          <Form.Item name="reason" label={t('portal.request.reason')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Space>
            <Button type="primary" danger htmlType="submit">
              {t('portal.request.rejectSend')}
            </Button>
            <Button onClick={() => setRejecting(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}

/** One of the company's requests: its state, the customer discussion, and the answer to a solution. */
export function PortalRequestPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { id } = useParams();
  const request = useRemote<PortalRequestDetail>(`/portal/requests/${id}`);
  const [commentForm] = Form.useForm<{ body: string }>();
  const [commentFailure, setCommentFailure] = useState<string | null>(null);
  const data = request.data;

  const sendComment = async ({ body }: { body: string }) => {
    setCommentFailure(null);
    try {
      await post(`/portal/requests/${id}/comments`, { body: plainToHtml(body) });
      commentForm.resetFields();
      request.reload();
    } catch (error) {
      setCommentFailure(describeError(error, i18n));
    }
  };

  return (
    <>
      <Link to="/portal">{t('portal.request.back')}</Link>
      <ErrorAlert message={request.error} onRetry={request.reload} />
      {!data && request.loading && <Spin style={{ display: 'block', marginTop: 48 }} />}
      {data && (
        <>
          <PageHeader title={`${data.number} · ${data.subject}`} actions={<StatusTag status={data.status} />} />
          <Descriptions column={1} size="small" style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t('portal.list.topic')}>{data.topic?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('portal.list.created')}>{formatInstant(data.createdAt, locale)}</Descriptions.Item>
            {data.description && (
              <Descriptions.Item label={t('portal.request.description')}>
                <div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(data.description) }} />
              </Descriptions.Item>
            )}
          </Descriptions>
          {data.awaitingConfirmation && <SolutionAnswer request={data} onDone={request.reload} />}
          {data.rating?.rating && (
            <Alert type="success" showIcon style={{ marginBottom: 24 }} data-testid="rating-done" title={t('portal.request.confirmed')} description={<Rate disabled value={data.rating.rating} aria-label={t('portal.request.rated', { rating: data.rating.rating })} />} />
          )}
          <Card title={t('portal.request.comments')}>
            {data.comments.length === 0 ? (
              <Empty description={t('portal.request.noComments')} />
            ) : (
              <List
                dataSource={data.comments}
                renderItem={(comment) => (
                  <List.Item key={comment.id} data-testid="portal-comment">
                    <List.Item.Meta
                      title={
                        <Space>
                          <Typography.Text strong>{comment.mine ? t('portal.request.you') : comment.authorName}</Typography.Text>
                          <Typography.Text type="secondary">{formatInstant(comment.createdAt, locale)}</Typography.Text>
                        </Space>
                      }
                      description={<div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(comment.body) }} />}
                    />
                  </List.Item>
                )}
              />
            )}
            <Form form={commentForm} layout="vertical" onFinish={sendComment} style={{ marginTop: 16 }}>
              <Form.Item name="body" label={t('portal.request.addComment')} rules={[{ required: true, message: t('common.required') }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              {commentFailure && <Alert type="error" showIcon role="alert" title={commentFailure} style={{ marginBottom: 16 }} />}
              <Button htmlType="submit">{t('portal.request.send')}</Button>
            </Form>
          </Card>
        </>
      )}
    </>
  );
}
