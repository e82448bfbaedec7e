import { App, Form, Input, Typography } from 'antd';
import { put } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { changedRichText, editableText } from '../knowledge/editable-text';
import type { ProblemDetails } from './types';

interface Values {
  knownSolution?: string;
  workaround?: string;
}

/** The known solution and the workaround, each sent only when changed: every change is told to the customers. */
export function SolutionModal({ problem, onClose, onSaved }: { problem: ProblemDetails; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    const changes = { knownSolution: changedRichText(problem.knownSolution, values.knownSolution), workaround: changedRichText(problem.workaround, values.workaround) };
    if (changes.knownSolution === undefined && changes.workaround === undefined) return;
    await put(`/problems/${problem.id}/solution`, changes);
    void message.success(t('problems.solutionSaved'));
    onSaved();
  };
  return (
    <FormModal<Values> title={t('problems.editSolution')} form={form} initialValues={{ knownSolution: editableText(problem.knownSolution), workaround: editableText(problem.workaround) }} onSubmit={save} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('problems.solutionHint')}</Typography.Paragraph>
      <Form.Item name="knownSolution" label={t('problems.knownSolution')}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item name="workaround" label={t('problems.workaround')}>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </FormModal>
  );
}
