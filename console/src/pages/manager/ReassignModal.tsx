import { Form, Select } from 'antd';
import { get, post } from '../../api/client';
import { useRemote } from '../../api/hooks';
import type { Queue } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { useUserLogins } from '../admin/UserPicker';
import type { RequestCardView } from '../workspace/types';

/** Gives a request to another member of its queue (or to nobody), against the version just read. */
export function ReassignModal({ requestId, onClose, onSaved }: { requestId: number; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ assigneeId: number | null }>();
  const card = useRemote<RequestCardView>(`/requests/${requestId}`);
  const queueId = card.data?.request.queueId;
  const queue = useRemote<Queue>(queueId ? `/queues/${queueId}` : null);
  const logins = useUserLogins();
  const members = queue.data?.memberIds ?? [];
  return (
    <FormModal<{ assigneeId: number | null }>
      title={t('sla.reassign')}
      form={form}
      onClose={onClose}
      onSubmit={async ({ assigneeId }) => {
        // Read the version at the moment of saving: the list may be older than the request.
        const fresh = await get<RequestCardView>(`/requests/${requestId}`);
        await post(`/requests/${requestId}/assign`, { expectedVersion: fresh.request.version, assigneeId: assigneeId ?? null });
        onSaved();
      }}
    >
      <Form.Item name="assigneeId" label={t('workspace.assignee')}>
        <Select allowClear loading={queue.loading || card.loading} placeholder={t('workspace.unassigned')} options={members.map((id) => ({ value: id, label: logins.get(id) ?? `#${id}` }))} />
      </Form.Item>
    </FormModal>
  );
}
