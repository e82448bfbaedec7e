import { Alert, Button, Form, FormInstance, Modal } from 'antd';
import { ReactNode, useId, useState } from 'react';
import { showErrorInForm } from '../api/errors';
import { useI18n } from '../i18n/i18n';

interface FormModalProps<Values> {
  title: ReactNode;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  submitText?: string;
  /** Wider modals for editors that hold rule editors. */
  width?: number;
  /** Saves; a rejection is shown next to its fields, or above the buttons when no field owns it. */
  onSubmit(values: Values): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}

/** A modal form: Enter submits, Escape cancels, API errors land next to the fields they name. */
export function FormModal<Values extends object>({ title, form, initialValues, submitText, width, onSubmit, onClose, children }: FormModalProps<Values>) {
  const i18n = useI18n();
  const formId = useId();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setActionError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      setActionError(showErrorInForm(form, error, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {i18n.t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" htmlType="submit" form={formId} loading={busy}>
          {submitText ?? i18n.t('common.save')}
        </Button>,
      ]}
    >
      <Form<Values> id={formId} form={form} layout="vertical" initialValues={initialValues} onFinish={submit} disabled={busy}>
        {children}
        {actionError && <Alert type="error" showIcon role="alert" title={actionError} />}
      </Form>
    </Modal>
  );
}
