import { App, Form, Input, InputNumber, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import type { DictionaryInput, DictionaryRecord } from '../types';

export function DictionaryFormModal({ dictionary, onClose, onSaved }: { dictionary?: DictionaryRecord; onClose(): void; onSaved(saved: DictionaryRecord): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DictionaryInput>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, ...changes }: DictionaryInput) => {
    const saved = dictionary ? await patch<DictionaryRecord>(`/dictionaries/${dictionary.id}`, changes) : await post<DictionaryRecord>('/dictionaries', { code, ...changes });
    void message.success(dictionary ? t('common.saved') : t('dictionaries.created', { code }));
    onSaved(saved);
  };

  const initialValues: Partial<DictionaryInput> = dictionary
    ? { name: dictionary.name, description: dictionary.description, hierarchical: dictionary.hierarchical, active: dictionary.active, position: dictionary.position }
    : { description: '', hierarchical: false, active: true, position: 0 };

  return (
    <FormModal<DictionaryInput> title={dictionary ? t('dictionaries.edit', { code: dictionary.code }) : t('dictionaries.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      {!dictionary && (
        <Form.Item name="code" label={t('config.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('config.name')} rules={required}>
        <Input autoFocus={Boolean(dictionary)} />
      </Form.Item>
      <Form.Item name="description" label={t('config.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="hierarchical" label={t('dictionaries.hierarchical')} valuePropName="checked">
        <Switch />
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
