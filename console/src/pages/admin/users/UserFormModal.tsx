import { App, Form, Input, Select, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import { useRemote } from '../../../api/hooks';
import type { RoleRecord, User, UserChanges, UserInput } from '../../../api/types';
import { useAuth } from '../../../auth/auth';
import { FormModal } from '../../../components/FormModal';
import { LOCALES, useI18n } from '../../../i18n/i18n';

type Values = UserInput & { active: boolean };

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** Creates a user, or edits one (login and password are not edited here). */
export function UserFormModal({ user, onClose, onSaved }: { user?: User; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const roles = useRemote<RoleRecord[]>(can('roles.manage') ? '/roles' : null);
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ login, password, email, ...rest }: Values) => {
    const shared = { ...rest, email: email ? email : null };
    if (user) {
      await patch<User>(`/users/${user.id}`, shared satisfies UserChanges);
      void message.success(t('common.saved'));
    } else {
      await post<User>('/users', { ...shared, login, password } satisfies UserInput);
      void message.success(t('users.created', { login }));
    }
    onSaved();
  };

  const initialValues: Partial<Values> = user
    ? { name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone, active: user.active, roleCodes: user.roles.map((role) => role.code) }
    : { locale: 'ru', timeZone: 'Europe/Moscow', active: true, roleCodes: [] };

  return (
    <FormModal<Values> title={user ? t('users.edit', { login: user.login }) : t('users.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      {!user && (
        <Form.Item name="login" label={t('users.login')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('users.name')} rules={required}>
        <Input autoFocus={Boolean(user)} />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label={t('users.password')} rules={required}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item name="email" label={t('users.email')}>
        <Input type="email" />
      </Form.Item>
      {roles.data && (
        <Form.Item name="roleCodes" label={t('users.roles')}>
          <Select mode="multiple" options={roles.data.map((role) => ({ value: role.code, label: role.name }))} optionFilterProp="label" />
        </Form.Item>
      )}
      <Form.Item name="locale" label={t('users.locale')}>
        <Select options={LOCALES.map((value) => ({ value, label: value.toUpperCase() }))} />
      </Form.Item>
      <Form.Item name="timeZone" label={t('users.timeZone')}>
        <Select showSearch options={TIME_ZONES.map((value) => ({ value, label: value }))} />
      </Form.Item>
      <Form.Item name="active" label={t('users.status')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </FormModal>
  );
}
