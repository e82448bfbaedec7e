import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { AttributeForm } from './AttributeForm';
import { changedValues, toFieldValue, type FieldSpec } from './attribute-values';
import type { CardAction } from './card-action';
import { placeErrors } from './field-errors';
import type { RequestCardView } from './types';

/** The request's attributes as the current step's flags allow: editable ones saved with the version read. */
export function CardAttributes({ card, specs, action, editable }: { card: RequestCardView; specs: FieldSpec[]; action: CardAction; editable: boolean }) {
  const i18n = useI18n();
  const [form] = Form.useForm<{ values: Record<string, unknown> }>();
  const [problem, setProblem] = useState<string | null>(null);
  const stored = Object.fromEntries(card.attributes.map((attribute) => [attribute.code, attribute.value]));
  const initial = Object.fromEntries(specs.map((spec) => [spec.code, toFieldValue(spec, stored[spec.code])]));
  const canEdit = editable && specs.some((spec) => !spec.readOnly);

  const save = async ({ values }: { values: Record<string, unknown> }) => {
    setProblem(null);
    const changes = changedValues(specs, stored, values ?? {});
    if (!Object.keys(changes).length) return setProblem(i18n.t('workspace.nothingChanged'));
    await action.run(() => post(`/requests/${card.request.id}/attributes`, { expectedVersion: card.request.version, values: changes }), i18n.t('common.saved'), (error) =>
      setProblem(placeErrors(form, error, i18n, specs.map((spec) => `values.${spec.code}`))),
    );
  };

  return (
    // The version in the key gives a fresh form whenever the card reloads.
    <Form key={card.request.version} form={form} layout="vertical" initialValues={{ values: initial }} onFinish={save} disabled={!editable || action.busy} data-testid="card-attributes">
      <AttributeForm specs={specs} prefix={['values']} disabled={!editable} />
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {i18n.t('workspace.saveAttributes')}
        </Button>
      )}
    </Form>
  );
}
