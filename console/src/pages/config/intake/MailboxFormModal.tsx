import { Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import type { Queue } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { UserPicker } from '../../admin/UserPicker';
import { ActiveField, CodeNameFields } from '../entry-fields';
import type { Mailbox } from '../types';
import type { IntakeLists } from './ContactTemplateFormModal';

interface Values {
  code: string;
  name: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  /** Empty when editing: the stored password stays. */
  password?: string;
  folder: string;
  active: boolean;
  topicId: number;
  queueId?: number | null;
  channelId?: number | null;
  directionId?: number | null;
  operatorId: number;
  pollSeconds: number;
}

const NULLABLE = ['queueId', 'channelId', 'directionId'] as const;

/** An IMAP mailbox e-mail intake reads: the server and account (the password is only ever written), and what its mail becomes. */
export function MailboxFormModal({ mailbox, lists, queues, onClose, onSaved }: { mailbox?: Mailbox; lists: IntakeLists; queues: Queue[]; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, password, ...changes }: Values) => {
    const fields: Record<string, unknown> = { ...changes, ...(password ? { password } : {}) };
    for (const name of NULLABLE) fields[name] = changes[name] ?? null;
    if (mailbox) await patch(`/mailboxes/${mailbox.id}`, fields);
    else await post('/mailboxes', { code, ...fields });
    onSaved();
  };

  const initialValues: Partial<Values> = mailbox
    ? { name: mailbox.name, host: mailbox.host, port: mailbox.port, tls: mailbox.tls, username: mailbox.username, folder: mailbox.folder, active: mailbox.active, topicId: mailbox.topicId, queueId: mailbox.queueId, channelId: mailbox.channelId, directionId: mailbox.directionId, operatorId: mailbox.operatorId, pollSeconds: mailbox.pollSeconds }
    : { port: 993, tls: true, folder: 'INBOX', active: true, pollSeconds: 60 };
  const select = (choices: { value: number; label: string }[], allowClear = true) => <Select allowClear={allowClear} showSearch optionFilterProp="label" options={choices} />;
  const coded = (entries: { id: number; code: string; name: string }[]) => entries.map((entry) => ({ value: entry.id, label: `${entry.code} — ${entry.name}` }));

  return (
    <FormModal<Values> width={760} title={mailbox ? t('intake.mailbox.edit', { code: mailbox.code }) : t('intake.mailbox.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      <CodeNameFields creating={!mailbox} />
      <Flex gap={16}>
        <Form.Item name="host" label={t('intake.mailbox.host')} rules={required} style={{ flex: 3 }}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="port" label={t('intake.mailbox.port')} rules={required} style={{ flex: 1 }}>
          <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="tls" label={t('intake.mailbox.tls')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="username" label={t('intake.mailbox.username')} rules={required} style={{ flex: 1 }}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('intake.mailbox.password')} rules={mailbox ? [] : required} extra={mailbox ? t('intake.mailbox.passwordKept') : undefined} style={{ flex: 1 }}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="folder" label={t('intake.mailbox.folder')} rules={required} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="topicId" label={t('intake.mailbox.topic')} rules={required} style={{ flex: 1 }}>
          {select(coded(lists.topics.filter((topic) => topic.kind === 'topic')), false)}
        </Form.Item>
        <Form.Item name="queueId" label={t('intake.mailbox.queue')} style={{ flex: 1 }}>
          {select(coded(queues))}
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="channelId" label={t('intake.tab.channels')} style={{ flex: 1 }}>
          {select(coded(lists.channels))}
        </Form.Item>
        <Form.Item name="directionId" label={t('intake.tab.directions')} style={{ flex: 1 }}>
          {select(coded(lists.directions))}
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="operatorId" label={t('intake.mailbox.operator')} extra={t('intake.mailbox.operatorHint')} rules={required} style={{ flex: 2 }}>
          <UserPicker />
        </Form.Item>
        <Form.Item name="pollSeconds" label={t('intake.mailbox.pollSeconds')} rules={required} style={{ flex: 1 }}>
          <InputNumber min={10} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <ActiveField />
    </FormModal>
  );
}
