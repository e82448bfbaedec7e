import { App, Form, Input, Select, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import { useRemote } from '../../../api/hooks';
import type { RoleRecord, User, UserChanges, UserInput } from '../../../api/types';
import { useAuth } from '../../../auth/auth';
import { FormModal } from '../../../components/FormModal';
import { LOCALES, useI18n } from '../../../i18n/i18n';
import { DirectoryPicker } from './DirectoryPicker';

type Values = UserInput & { active: boolean };

/** The built-in roles whose users are bound: a customer to a client, a partner's user to a partner. */
const CUSTOMER_ROLE = 'customer';
const PARTNER_ROLE = 'partner';

/** A binding goes with its role: without the role it is cleared; only what changed is sent. */
function bindingChanges(values: Values, user: User | undefined): Pick<UserInput, 'clientId' | 'partnerId'> {
  const roles = values.roleCodes ?? user?.roles.map((role) => role.code) ?? [];
  // A picker not shown (no directory access) leaves the binding as it was.
  const clientId = roles.includes(CUSTOMER_ROLE) ? (values.clientId === undefined ? (user?.clientId ?? null) : values.clientId) : null;
  const partnerId = roles.includes(PARTNER_ROLE) ? (values.partnerId === undefined ? (user?.partnerId ?? null) : values.partnerId) : null;
  return { ...(clientId !== (user?.clientId ?? null) ? { clientId } : {}), ...(partnerId !== (user?.partnerId ?? null) ? { partnerId } : {}) };
}

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** Creates a user, or edits one (login and password are not edited here). */
export function UserFormModal({ user, onClose, onSaved }: { user?: User; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const roles = useRemote<RoleRecord[]>(can('roles.manage') ? '/roles' : null);
  const required = [{ required: true, message: t('common.required') }];

  const roleCodes = Form.useWatch('roleCodes', form) ?? user?.roles.map((role) => role.code) ?? [];
  // The pickers search the directory; without reading it there is nothing to pick from.
  const binds = (role: string) => roleCodes.includes(role) && can('directory.read');
  const save = async (values: Values) => {
    const { login, password, email, clientId: _client, partnerId: _partner, ...rest } = values;
    const shared = { ...rest, email: email ? email : null, ...bindingChanges(values, user) };
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
    ? { name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone, active: user.active, roleCodes: user.roles.map((role) => role.code), clientId: user.clientId, partnerId: user.partnerId }
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
      {binds(CUSTOMER_ROLE) && (
        <Form.Item name="clientId" label={t('users.client')} extra={t('users.clientHint')}>
          <DirectoryPicker path="/clients" />
        </Form.Item>
      )}
      {binds(PARTNER_ROLE) && (
        <Form.Item name="partnerId" label={t('users.partner')} extra={t('users.partnerHint')}>
          <DirectoryPicker path="/partners" />
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
