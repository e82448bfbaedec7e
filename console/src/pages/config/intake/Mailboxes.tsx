import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Modal, Space, Table, TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useRemote } from '../../../api/hooks';
import type { Page, Queue } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatInstant } from '../../../components/format';
import { useI18n } from '../../../i18n/i18n';
import type { Mailbox, MailMessage } from '../types';
import type { IntakeLists } from './ContactTemplateFormModal';
import { MailboxFormModal } from './MailboxFormModal';

const OUTCOME_COLOURS: Record<MailMessage['outcome'], string> = { request: 'green', comment: 'blue', ignored: 'default', failed: 'red' };

/** What became of a mailbox's latest messages: a request, a comment, ignored, or failed with why. */
function MailboxMessages({ mailbox, onClose }: { mailbox: Mailbox; onClose(): void }) {
  const { t, locale } = useI18n();
  const messages = useRemote<MailMessage[]>(`/mailboxes/${mailbox.id}/messages`);
  const columns: TableColumnsType<MailMessage> = [
    { title: t('intake.mailbox.received'), dataIndex: 'createdAt', render: (value: string) => formatInstant(value, locale) },
    { title: 'Message-ID', dataIndex: 'messageKey', ellipsis: true },
    { title: t('intake.mailbox.outcome'), dataIndex: 'outcome', render: (outcome: MailMessage['outcome']) => <Tag color={OUTCOME_COLOURS[outcome]}>{t(`intake.mailbox.outcome.${outcome}`)}</Tag> },
    { title: t('intake.mailbox.request'), dataIndex: 'requestId', render: (id: number | null) => (id === null ? '—' : <Typography.Link href={`/workspace/requests?request=${id}`}>#{id}</Typography.Link>) },
    { title: t('intake.mailbox.detail'), dataIndex: 'detail', render: (detail: string | null) => detail ?? '' },
  ];
  return (
    <Modal open width={960} title={t('intake.mailbox.messagesOf', { code: mailbox.code })} footer={null} onCancel={onClose}>
      <ErrorAlert message={messages.error} onRetry={messages.reload} />
      <Table<MailMessage> rowKey="id" size="small" columns={columns} dataSource={messages.data} loading={messages.loading} pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} />
    </Modal>
  );
}

/** The IMAP mailboxes e-mail intake polls: where each stands, polling one at once, and what its mail became. */
export function Mailboxes({ lists }: { lists: IntakeLists }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { message } = App.useApp();
  const mailboxes = useRemote<Mailbox[]>('/mailboxes');
  const queues = useRemote<Page<Queue>>('/queues', { pageSize: 200 });
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const [reading, setReading] = useState<Mailbox | null>(null);

  const pollNow = async (mailbox: Mailbox) => {
    try {
      await post(`/mailboxes/${mailbox.id}/poll`);
      void message.success(t('intake.mailbox.polling', { code: mailbox.code }));
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  const columns: TableColumnsType<Mailbox> = [
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('intake.mailbox.server'), key: 'server', render: (_, mailbox) => `${mailbox.username}@${mailbox.host}:${mailbox.port} / ${mailbox.folder}` },
    { title: t('intake.mailbox.lastPolled'), dataIndex: 'lastPolledAt', render: (value: string | null) => (value ? formatInstant(value, locale) : '—') },
    { title: t('intake.mailbox.lastError'), dataIndex: 'lastError', render: (error: string | null) => (error ? <Typography.Text type="danger">{error}</Typography.Text> : '') },
    { title: t('config.active'), dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, mailbox) => (
        <Space wrap>
          <Button size="small" onClick={() => setEditing(mailbox)}>
            {t('common.edit')}
          </Button>
          <Button size="small" disabled={!mailbox.active} onClick={() => void pollNow(mailbox)}>
            {t('intake.mailbox.pollNow')}
          </Button>
          <Button size="small" onClick={() => setReading(mailbox)}>
            {t('intake.mailbox.messages')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
        <Button onClick={mailboxes.reload}>{t('common.reload')}</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('intake.mailbox.create')}
        </Button>
      </Flex>
      <ErrorAlert message={mailboxes.error} onRetry={mailboxes.reload} />
      <Table<Mailbox> rowKey="id" size="middle" columns={columns} dataSource={mailboxes.data} loading={mailboxes.loading} pagination={false} />
      {editing && <MailboxFormModal mailbox={editing === 'new' ? undefined : editing} lists={lists} queues={queues.data?.items ?? []} onClose={() => setEditing(null)} onSaved={mailboxes.reload} />}
      {reading && <MailboxMessages mailbox={reading} onClose={() => setReading(null)} />}
    </>
  );
}
