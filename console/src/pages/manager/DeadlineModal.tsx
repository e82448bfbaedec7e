import { Form, Input, Select } from 'antd';
import { post } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';

interface DeadlineValues {
  clock: string;
  deadline: string;
  reason: string;
}

/** A new deadline for one clock of a request, always with a reason (the journal keeps both). */
export function DeadlineModal({ requestId, clocks, clock, onClose, onSaved }: { requestId: number; clocks: string[]; clock?: string; onClose(): void; onSaved(): void }) {
  const { t, tOr } = useI18n();
  const [form] = Form.useForm<DeadlineValues>();
  return (
    <FormModal<DeadlineValues>
      title={t('sla.changeDeadline')}
      form={form}
      initialValues={{ clock: clock ?? clocks[0] ?? 'resolution' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await post(`/sla/requests/${requestId}/deadline`, { clock: values.clock, deadline: new Date(values.deadline).toISOString(), reason: values.reason.trim() });
        onSaved();
      }}
    >
      <Form.Item name="clock" label={t('sla.clock')}>
        <Select options={(clocks.length ? clocks : ['resolution']).map((value) => ({ value, label: tOr(`sla.clock.${value}`, value) }))} />
      </Form.Item>
      <Form.Item name="deadline" label={t('sla.newDeadline')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="reason" label={t('sla.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 3, message: t('sla.reasonShort') }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
