import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { post } from '../../api/client';
import { useRemote } from '../../api/hooks';
import type { Page } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { plainToHtml } from '../workspace/plain-text';
import type { Partner } from './types';

interface Values {
  partnerId: number;
  subject: string;
  description?: string;
  dueAt?: Dayjs | null;
}

/** Gives a partner organisation a work order on the request; the server checks the partner and the request. */
export function WorkOrderFormModal({ requestId, onSaved, onClose }: { requestId: number; onSaved(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const partners = useRemote<Page<Partner>>('/partners', { pageSize: 200 });
  const save = async ({ partnerId, subject, description, dueAt }: Values) => {
    await post(`/requests/${requestId}/work-orders`, { partnerId, subject: subject.trim(), ...(description?.trim() ? { description: plainToHtml(description) } : {}), ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) });
    onSaved();
  };
  return (
    <FormModal<Values> title={t('workOrders.new')} form={form} onSubmit={save} onClose={onClose}>
      <Form.Item name="partnerId" label={t('workOrders.partner')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch optionFilterProp="label" loading={partners.loading} options={(partners.data?.items ?? []).map((partner) => ({ value: partner.id, label: partner.name }))} />
      </Form.Item>
      <Form.Item name="subject" label={t('workOrders.subject')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="description" label={t('workOrders.description')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="dueAt" label={t('workOrders.due')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
    </FormModal>
  );
}
