import { Button, Flex, Form, Input, Modal, Rate, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { post } from '../../api/client';
import { useRemote } from '../../api/hooks';
import type { Queue } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import type { CardAction } from './card-action';
import { placeErrors } from './field-errors';
import type { RequestCardView } from './types';

type Closing = 'confirm' | 'reject' | 'reopen';

/**
 * The card names no problem, so the journal says which one: its last `problem.link` (or `problem.unlink`)
 * line on the request carries the problem's number.
 */
export function problemOf(history: RequestCardView['history']): string | null {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const entry = history[index];
    if (entry.action === 'problem.unlink') return null;
    const change = entry.action === 'problem.link' ? entry.changes.find((candidate) => candidate.field === 'problem') : undefined;
    if (change && typeof change.new === 'string') return change.new;
  }
  return null;
}

/** Two-phase closure: a resolved request is confirmed (with the customer's rating) or sent back; a closed one reopened by a queue administrator. */
export function CardClosure({ card, action }: { card: RequestCardView; action: CardAction }) {
  const { t } = useI18n();
  const { can, user } = useAuth();
  const { request } = card;
  const [closing, setClosing] = useState<Closing | null>(null);
  const mayWork = card.canWork && can('requests.work');
  const resolved = mayWork && request.status === 'resolved';
  const closed = !request.isOpen && can('requests.work') && can('queues.read') && request.queueId !== null;
  // The server decides in the end (403 not_queue_administrator); this only hides a button that would be refused.
  const queue = useRemote<Queue>(closed ? `/queues/${request.queueId}` : null);
  const reloadQueue = queue.reload;
  // Reloading the card reloads this too: administrators change, and the card is the thing people reload.
  useEffect(() => reloadQueue(), [card, reloadQueue]);
  const administers = closed && !!user && (queue.data?.administratorIds ?? []).includes(user.id);
  const problem = problemOf(card.history);
  if (!resolved && !administers && !problem) return null;

  const path = `/requests/${request.id}`;
  const versioned = { expectedVersion: request.version };
  return (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }} data-testid="card-closure">
      {problem && (
        <Typography.Text>
          {t('workspace.problem')}: <Tag color="volcano" data-testid="card-problem">{problem}</Tag>
        </Typography.Text>
      )}
      {resolved && (
        <>
          <Typography.Text strong>{t('workspace.closureHint')}</Typography.Text>
          <Button type="primary" loading={action.busy} onClick={() => setClosing('confirm')}>{t('workspace.confirm')}</Button>
          <Button loading={action.busy} onClick={() => setClosing('reject')}>{t('workspace.rejectSolution')}</Button>
        </>
      )}
      {administers && <Button loading={action.busy} onClick={() => setClosing('reopen')}>{t('workspace.reopen')}</Button>}
      {closing === 'confirm' && <ConfirmModal onClose={() => setClosing(null)} onSubmit={(body, onError) => action.run(() => post(`${path}/confirm`, { ...versioned, ...body }), t('workspace.confirmed'), onError)} />}
      {closing === 'reject' && <ReasonModal title={t('workspace.rejectSolution')} label={t('workspace.rejectReason')} onClose={() => setClosing(null)} onSubmit={(reason, onError) => action.run(() => post(`${path}/reject-solution`, { ...versioned, reason }), t('workspace.solutionRejected'), onError)} />}
      {closing === 'reopen' && <ReasonModal title={t('workspace.reopen')} label={t('workspace.reopenReason')} onClose={() => setClosing(null)} onSubmit={(reason, onError) => action.run(() => post(`${path}/reopen`, { ...versioned, reason }), t('workspace.reopened'), onError)} />}
    </Flex>
  );
}

type Submit<T> = (value: T, onError: (error: unknown) => void) => Promise<boolean>;

function ConfirmModal({ onClose, onSubmit }: { onClose(): void; onSubmit: Submit<{ rating: number; comment?: string }> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async ({ rating, comment }: { rating: number; comment?: string }) => {
    const body = { rating, ...(comment?.trim() ? { comment: comment.trim() } : {}) };
    if (await onSubmit(body, (error) => setProblem(placeErrors(form, error, i18n, ['rating', 'comment'])))) onClose();
  };
  return (
    <Modal open title={t('workspace.confirmTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('workspace.confirm')}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="rating" label={t('workspace.rating')} rules={[{ required: true, message: t('common.required') }]}>
          <Rate aria-label={t('workspace.rating')} />
        </Form.Item>
        <Form.Item name="comment" label={t('workspace.ratingComment')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}

/** A change that must say why: the reason is required and journalled. */
export function ReasonModal({ title, label, maxLength = 2000, onClose, onSubmit }: { title: string; label: string; maxLength?: number; onClose(): void; onSubmit: Submit<string> }) {
  const i18n = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    if (await onSubmit(reason.trim(), (error) => setProblem(placeErrors(form, error, i18n, ['reason'])))) onClose();
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={title}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: i18n.t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={maxLength} />
        </Form.Item>
        {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}
