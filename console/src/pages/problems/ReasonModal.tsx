import { App, Form, Input } from 'antd';
import { post } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';

/** Resolving, ending or reopening a problem says why; the reason is journalled on the problem and on every request it changes. */
export function ReasonModal({ title, label, done, path, body = {}, onClose, onSaved }: { title: string; label: string; done: string; path: string; body?: Record<string, unknown>; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const save = async ({ reason }: { reason: string }) => {
    await post(path, { ...body, reason: reason.trim() });
    void message.success(done);
    onSaved();
  };
  return (
    <FormModal<{ reason: string }> title={title} form={form} submitText={title} onSubmit={save} onClose={onClose}>
      <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
