import { Form, Input, InputNumber, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import type { CodedEntry } from '../types';

type Values = Omit<CodedEntry, 'id'>;

/** Code, name, order and status: a place kind, a channel or a direction. */
export function CodedEntryFormModal({ path, entry, title, onClose, onSaved }: { path: string; entry?: CodedEntry; title: string; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, ...changes }: Values) => {
    if (entry) await patch(`${path}/${entry.id}`, changes);
    else await post(path, { code, ...changes });
    onSaved();
  };

  return (
    <FormModal<Values> title={title} form={form} initialValues={entry ?? { active: true, position: 0 }} onSubmit={save} onClose={onClose}>
      {!entry && (
        <Form.Item name="code" label={t('config.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('config.name')} rules={required}>
        <Input autoFocus={Boolean(entry)} />
      </Form.Item>
      <Form.Item name="position" label={t('config.position')}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name="active" label={t('config.active')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </FormModal>
  );
}
