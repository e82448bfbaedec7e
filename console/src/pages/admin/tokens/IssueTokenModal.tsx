import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { post } from '../../../api/client';
import type { IssuedToken, TokenInput } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { PermissionChecklist } from '../PermissionChecklist';
import { UserPicker } from '../UserPicker';

interface Values {
  name: string;
  userId?: number | null;
  scopes: TokenInput['scopes'];
  expiresAt?: Dayjs | null;
}

export function IssueTokenModal({ onClose, onIssued }: { onClose(): void; onIssued(token: IssuedToken): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  const issue = async ({ name, userId, scopes, expiresAt }: Values) => {
    const body: TokenInput = { name, scopes, userId: userId ?? undefined, expiresAt: expiresAt?.toISOString() };
    onIssued(await post<IssuedToken>('/tokens', body));
  };

  return (
    <FormModal<Values> title={t('tokens.issue')} form={form} initialValues={{ scopes: [] }} submitText={t('tokens.issue')} onSubmit={issue} onClose={onClose}>
      <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, message: t('common.required') }]}>
        <Input autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item name="userId" label={t('tokens.user')} extra={t('tokens.userHint')}>
        <UserPicker />
      </Form.Item>
      <Form.Item name="expiresAt" label={t('tokens.expiresAt')}>
        <DatePicker showTime />
      </Form.Item>
      <Form.Item name="scopes" label={t('tokens.scopes')}>
        <PermissionChecklist />
      </Form.Item>
    </FormModal>
  );
}
