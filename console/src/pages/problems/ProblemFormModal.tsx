import { App, Form, Input, Switch } from 'antd';
import { post } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { plainToHtml } from '../workspace/plain-text';
import type { Problem } from './types';

interface Values {
  subject: string;
  description?: string;
  isMass: boolean;
  knownSolution?: string;
  workaround?: string;
}

/** Records a problem; texts are typed as plain lines and sent as the rich text the server sanitises. */
export function ProblemFormModal({ onClose, onCreated }: { onClose(): void; onCreated(problem: Problem): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async ({ subject, description, isMass, knownSolution, workaround }: Values) => {
    const problem = await post<Problem>('/problems', { subject, isMass, description: plainToHtml(description), knownSolution: plainToHtml(knownSolution), workaround: plainToHtml(workaround) });
    void message.success(t('problems.created', { number: problem.number }));
    onCreated(problem);
  };
  return (
    <FormModal<Values> title={t('problems.create')} form={form} initialValues={{ isMass: false }} submitText={t('common.create')} onSubmit={save} onClose={onClose}>
      <Form.Item name="subject" label={t('problems.subject')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={500} />
      </Form.Item>
      <Form.Item name="description" label={t('problems.description')}>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item name="isMass" label={t('problems.isMass')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="knownSolution" label={t('problems.knownSolution')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="workaround" label={t('problems.workaround')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}
