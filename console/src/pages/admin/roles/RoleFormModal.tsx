import { App, Form, Input } from 'antd';
import { patch, post } from '../../../api/client';
import type { RoleInput, RoleRecord } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { PermissionChecklist } from '../PermissionChecklist';

export function RoleFormModal({ role, onClose, onSaved }: { role?: RoleRecord; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleInput>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, ...changes }: RoleInput) => {
    if (role) {
      await patch(`/roles/${role.id}`, changes);
      void message.success(t('common.saved'));
    } else {
      await post('/roles', { code, ...changes } satisfies RoleInput);
      void message.success(t('roles.created', { code }));
    }
    onSaved();
  };

  const initialValues: Partial<RoleInput> = role
    ? { name: role.name, description: role.description, permissions: role.permissions }
    : { description: '', permissions: [] };

  return (
    <FormModal<RoleInput> title={role ? t('roles.edit', { code: role.code }) : t('roles.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      {!role && (
        <Form.Item name="code" label={t('roles.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('roles.name')} rules={required}>
        <Input autoFocus={Boolean(role)} />
      </Form.Item>
      <Form.Item name="description" label={t('roles.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="permissions" label={t('roles.permissions')}>
        <PermissionChecklist />
      </Form.Item>
    </FormModal>
  );
}
