import { App, Form, Input, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import type { DictionaryInput, DictionaryRecord } from '../types';
import { ActiveField, CodeNameFields, PositionField } from '../entry-fields';

export function DictionaryFormModal({ dictionary, onClose, onSaved }: { dictionary?: DictionaryRecord; onClose(): void; onSaved(saved: DictionaryRecord): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DictionaryInput>();

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
      <CodeNameFields creating={!dictionary} />
      <Form.Item name="description" label={t('config.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="hierarchical" label={t('dictionaries.hierarchical')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <PositionField />
      <ActiveField />
    </FormModal>
  );
}
