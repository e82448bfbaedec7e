import { Form } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import type { CodedEntry } from '../types';
import { ActiveField, CodeNameFields, PositionField } from '../entry-fields';

type Values = Omit<CodedEntry, 'id'>;

/** Code, name, order and status: a place kind, a channel or a direction. */
export function CodedEntryFormModal({ path, entry, title, onClose, onSaved }: { path: string; entry?: CodedEntry; title: string; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<Values>();

  const save = async ({ code, ...changes }: Values) => {
    if (entry) await patch(`${path}/${entry.id}`, changes);
    else await post(path, { code, ...changes });
    onSaved();
  };

  return (
    <FormModal<Values> title={title} form={form} initialValues={entry ?? { active: true, position: 0 }} onSubmit={save} onClose={onClose}>
      <CodeNameFields creating={!entry} />
      <PositionField />
      <ActiveField />
    </FormModal>
  );
}
