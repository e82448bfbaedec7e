import { App, Form, Input, Select, Switch } from 'antd';
import { patch, post, put } from '../../../api/client';
import type { Queue, QueueInput, QueuePeople, Workgroup } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { UserPicker } from '../UserPicker';

type Values = QueueInput & QueuePeople;

const sameIds = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** A queue and who works it: members, whole workgroups, and its administrators. */
export function QueueFormModal({ queue, workgroups, onClose, onSaved }: { queue?: Queue; workgroups: Workgroup[]; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, memberIds, workgroupIds, administratorIds, ...fields }: Values) => {
    const changes = { ...fields, description: fields.description || null, allowedSteps: fields.allowedSteps ?? [] };
    const saved = queue ? await patch<Queue>(`/queues/${queue.id}`, changes) : await post<Queue>('/queues', { code, ...changes } satisfies QueueInput);
    // People are their own endpoint; the queue is saved first so refused people cannot lose the other edits.
    const people = { memberIds, workgroupIds, administratorIds };
    if (!sameIds(saved.memberIds, memberIds) || !sameIds(saved.workgroupIds, workgroupIds) || !sameIds(saved.administratorIds, administratorIds)) {
      await put(`/queues/${saved.id}/people`, people satisfies QueuePeople);
    }
    void message.success(queue ? t('common.saved') : t('queues.created', { code }));
    onSaved();
  };

  const initialValues: Partial<Values> = queue
    ? { name: queue.name, description: queue.description, active: queue.active, allowedSteps: queue.allowedSteps, memberIds: queue.memberIds, workgroupIds: queue.workgroupIds, administratorIds: queue.administratorIds }
    : { active: true, allowedSteps: [], memberIds: [], workgroupIds: [], administratorIds: [] };

  return (
    <FormModal<Values> title={queue ? t('queues.edit', { code: queue.code }) : t('queues.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose} width={640}>
      {!queue && (
        <Form.Item name="code" label={t('queues.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('queues.name')} rules={required}>
        <Input autoFocus={Boolean(queue)} />
      </Form.Item>
      <Form.Item name="description" label={t('queues.description')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="allowedSteps" label={t('queues.allowedSteps')} tooltip={t('queues.allowedStepsHint')}>
        <Select mode="tags" open={false} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('queues.members')}>
        <UserPicker multiple />
      </Form.Item>
      <Form.Item name="workgroupIds" label={t('queues.workgroups')}>
        <Select mode="multiple" options={workgroups.map((group) => ({ value: group.id, label: `${group.code} — ${group.name}` }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="administratorIds" label={t('queues.administrators')}>
        <UserPicker multiple />
      </Form.Item>
      <Form.Item name="active" label={t('queues.status')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </FormModal>
  );
}
