import { App, Form, Input } from 'antd';
import { post } from '../../../api/client';
import type { User } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';

interface Values {
  password: string;
}

export function PasswordModal({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async ({ password }: Values) => {
    await post(`/users/${user.id}/password`, { password });
    void message.success(t('users.passwordReset', { login: user.login }));
  };
  return (
    <FormModal<Values> title={t('users.resetPasswordTitle', { login: user.login })} form={form} onSubmit={save} onClose={onClose}>
      <Form.Item name="password" label={t('users.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoFocus autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
