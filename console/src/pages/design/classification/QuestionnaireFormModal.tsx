import { Form, Input } from 'antd';
import { ApiError, patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { ActiveField, CodeNameFields } from '../../config/entry-fields';
import type { QuestionnaireRecord } from './types';

interface Values {
  code: string;
  name: string;
  active: boolean;
  definition: string;
}

const STARTER = {
  questions: [{ code: 'area', text: 'What does not work?', kind: 'choice', options: [{ value: 'internet', label: 'Internet' }, { value: 'other', label: 'Something else' }] }],
  suggestions: [{ when: { '==': [{ var: 'answers.area' }, 'other'] }, note: 'Pick the topic by hand' }],
};

/** The definition's problems name their place in the JSON, since the editor is one text field. */
function withPathsInDefinition(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.map((detail) => (detail.path.startsWith('definition.') ? { path: 'definition', message: `${detail.path.slice('definition.'.length)}: ${detail.message}` } : detail));
  return new ApiError(error.status, error.code, error.message, details);
}

/** A questionnaire's code, name, state and its tree as JSON, checked by the server before it is stored. */
export function QuestionnaireFormModal({ questionnaire, onClose, onSaved }: { questionnaire?: QuestionnaireRecord; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  const save = async ({ code, name, active, definition }: Values) => {
    const parsed: unknown = JSON.parse(definition);
    try {
      if (questionnaire) await patch(`/classification/questionnaires/${questionnaire.id}`, { name, active, definition: parsed });
      else await post('/classification/questionnaires', { code, name, active, definition: parsed });
    } catch (error) {
      throw withPathsInDefinition(error);
    }
    onSaved();
  };

  const parses = (_rule: unknown, text: string) => {
    try {
      JSON.parse(text);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(new Error(t('classification.notJson', { reason: (error as Error).message })));
    }
  };

  return (
    <FormModal<Values>
      width={860}
      title={questionnaire ? t('classification.edit', { code: questionnaire.code }) : t('classification.create')}
      form={form}
      initialValues={{ name: questionnaire?.name, active: questionnaire?.active ?? true, definition: JSON.stringify(questionnaire?.definition ?? STARTER, null, 2) }}
      onSubmit={save}
      onClose={onClose}
    >
      <CodeNameFields creating={!questionnaire} />
      <ActiveField />
      <Form.Item name="definition" label={t('classification.definition')} extra={t('classification.definitionHint')} rules={[{ required: true, message: t('common.required') }, { validator: parses }]}>
        <Input.TextArea autoSize={{ minRows: 12, maxRows: 30 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
      </Form.Item>
    </FormModal>
  );
}
