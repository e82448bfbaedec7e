import { App, Form } from 'antd';
import { post } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { RequestPicker } from './RequestPicker';
import type { ProblemDetails } from './types';

/** Links the chosen requests to the problem, all or none: a refusal names the requests that cannot be linked. */
export function LinkRequestsModal({ problemId, onClose, onSaved }: { problemId: number; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ requestIds: number[] }>();
  const save = async ({ requestIds }: { requestIds: number[] }) => {
    const linked = await post<ProblemDetails>(`/problems/${problemId}/requests`, { requestIds });
    void message.success(t('problems.linkedDone', { count: linked.linkedCount }));
    onSaved();
  };
  return (
    <FormModal<{ requestIds: number[] }> title={t('problems.link')} form={form} initialValues={{ requestIds: [] }} submitText={t('problems.link')} width={640} onSubmit={save} onClose={onClose}>
      <Form.Item name="requestIds" label={t('problems.linkSearch')} rules={[{ required: true, type: 'array', min: 1, message: t('problems.linkNone') }]}>
        <RequestPicker />
      </Form.Item>
    </FormModal>
  );
}
