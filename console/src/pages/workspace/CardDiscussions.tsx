import { Button, Card, Empty, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import type { CardAction } from './card-action';
import { placeErrors } from './field-errors';
import { plainToHtml } from './plain-text';
import { safeHtml } from './rich-text';
import type { CardDiscussion, RequestCardView } from './types';

const VISIBILITIES = ['internal', 'customer', 'partner'] as const;
const VISIBILITY_COLOURS = { internal: 'default', customer: 'green', partner: 'purple' } as const;

/** Discussions of the request, each with who may see it, and their comments (sanitised HTML, cleaned again here). */
export function CardDiscussions({ card, action, editable }: { card: RequestCardView; action: CardAction; editable: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<{ title: string; visibility: (typeof VISIBILITIES)[number] }>();
  const open = async (values: { title: string; visibility: (typeof VISIBILITIES)[number] }) => {
    const ok = await action.run(() => post(`/requests/${card.request.id}/discussions`, { title: values.title.trim(), visibility: values.visibility }), t('workspace.discussionOpened'), (error) => placeErrors(form, error, i18n, ['title', 'visibility']));
    if (ok) form.resetFields();
  };
  return (
    <Flex vertical gap={12}>
      {card.discussions.length === 0 && <Empty description={t('workspace.noDiscussions')} />}
      {card.discussions.map((discussion) => (
        <Discussion key={discussion.id} requestId={card.request.id} discussion={discussion} action={action} editable={editable} />
      ))}
      {editable && (
        <Form form={form} layout="inline" onFinish={open} initialValues={{ visibility: 'internal' }}>
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input placeholder={t('workspace.discussionTitle')} aria-label={t('workspace.discussionTitle')} maxLength={200} />
          </Form.Item>
          <Form.Item name="visibility">
            <Select aria-label={t('workspace.visibility')} style={{ width: 160 }} options={VISIBILITIES.map((value) => ({ value, label: t(`workspace.visibility.${value}`) }))} />
          </Form.Item>
          <Button htmlType="submit" loading={action.busy}>
            {t('workspace.openDiscussion')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}

function Discussion({ requestId, discussion, action, editable }: { requestId: number; discussion: CardDiscussion; action: CardAction; editable: boolean }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = async () => {
    setProblem(null);
    const body = plainToHtml(text);
    if (!body) return;
    const ok = await action.run(() => post(`/requests/${requestId}/discussions/${discussion.id}/comments`, { body }), t('workspace.commented'), (error) => setProblem(describeError(error, i18n)));
    if (ok) setText('');
  };
  return (
    <Card size="small" title={<span>{discussion.title} <Tag color={VISIBILITY_COLOURS[discussion.visibility]}>{t(`workspace.visibility.${discussion.visibility}`)}</Tag></span>} data-testid={`discussion-${discussion.id}`}>
      {discussion.comments.map((comment) => (
        <div key={comment.id} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {comment.authorLogin} · {formatInstant(String(comment.createdAt), locale)}
          </Typography.Text>
          <div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(comment.body) }} />
        </div>
      ))}
      {editable && (
        <Flex gap={8} align="flex-start">
          <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} autoSize={{ minRows: 1, maxRows: 6 }} placeholder={t('workspace.commentPlaceholder')} aria-label={t('workspace.comment')} />
          <Button onClick={() => void send()} disabled={!text.trim()} loading={action.busy}>
            {t('workspace.send')}
          </Button>
        </Flex>
      )}
      {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
    </Card>
  );
}
