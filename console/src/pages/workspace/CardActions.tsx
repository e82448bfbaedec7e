import { Button, Flex, Form, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { AttributeForm } from './AttributeForm';
import { toFieldValue, valuesForCreate, type FieldSpec } from './attribute-values';
import type { CardAction } from './card-action';
import { ReasonModal } from './CardClosure';
import { placeErrors } from './field-errors';
import type { CardTransition, RequestCardView } from './types';

interface CardActionsProps {
  card: RequestCardView;
  specs: FieldSpec[];
  action: CardAction;
}

/** What the operator can do with the request now: the route's transitions, accepting or handing back a hand-off, taking it, calling in management. */
export function CardActions({ card, specs, action }: CardActionsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const { request } = card;
  const [prompting, setPrompting] = useState<CardTransition | null>(null);
  const [handingBack, setHandingBack] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const versioned = { expectedVersion: request.version };
  const path = `/requests/${request.id}`;

  const transition = (step: CardTransition, changes?: Record<string, unknown>, onError?: (error: unknown) => void) =>
    action.run(() => post(`${path}/transitions`, { ...versioned, transitionId: step.transitionId, ...(step.tokenId ? { tokenId: step.tokenId } : {}), ...(changes ? { changes } : {}) }), t('workspace.moved', { name: step.name ?? step.transitionId }), onError);

  const transitions = card.transitions;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {request.awaitingAcceptance && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{t('workspace.awaitingAcceptance')}</Typography.Text>
          <Button type="primary" loading={action.busy} onClick={() => void action.run(() => post(`${path}/accept`, versioned), t('workspace.accepted'))}>
            {t('workspace.accept')}
          </Button>
          <Button loading={action.busy} onClick={() => setHandingBack(true)}>
            {t('workspace.handBack')}
          </Button>
        </Flex>
      )}
      <Flex gap={8} align="center" wrap>
        {transitions.length > 0 && <Typography.Text type="secondary">{t('workspace.transitions')}</Typography.Text>}
        {transitions.map((step) => {
          const button = (
            <Button
              key={`${step.transitionId}:${step.tokenId ?? ''}`}
              type={step.offered ? 'primary' : 'default'}
              disabled={!step.offered || action.busy}
              onClick={() => (step.mustPrompt?.length ? setPrompting(step) : void transition(step))}
            >
              {step.name ?? step.transitionId}
            </Button>
          );
          return step.offered ? button : <Tooltip key={step.transitionId} title={step.reasons.join('; ')}>{button}</Tooltip>;
        })}
        {request.isOpen && request.assigneeId !== user?.id && (
          <Button loading={action.busy} onClick={() => void action.run(() => post(`${path}/assign`, { ...versioned, assigneeId: user?.id }), t('workspace.taken'))}>
            {t('workspace.take')}
          </Button>
        )}
        {request.isOpen && request.assigneeId !== null && (
          <Button loading={action.busy} onClick={() => void action.run(() => post(`${path}/assign`, { ...versioned, assigneeId: null }), t('workspace.unassignedDone'))}>
            {t('workspace.unassign')}
          </Button>
        )}
        {request.isOpen && (
          <Button loading={action.busy} onClick={() => setEscalating(true)}>
            {t('workspace.escalateUp')}
          </Button>
        )}
      </Flex>
      {prompting && <PromptModal step={prompting} specs={specs.filter((spec) => prompting.mustPrompt?.includes(spec.code))} values={Object.fromEntries(card.attributes.map((attribute) => [attribute.code, attribute.value]))} onClose={() => setPrompting(null)} onSubmit={transition} busy={action.busy} i18n={i18n} />}
      {escalating && <ReasonModal title={t('workspace.escalateUp')} label={t('workspace.escalateUpReason')} maxLength={1000} onClose={() => setEscalating(false)} onSubmit={(reason, onError) => action.run(() => post(`${path}/escalate-up`, { reason }), t('workspace.escalatedUp'), onError)} />}
      {handingBack && <ReasonModal title={t('workspace.handBack')} label={t('workspace.handBackReason')} maxLength={1000} onClose={() => setHandingBack(false)} onSubmit={(reason, onError) => action.run(() => post(`${path}/hand-back`, { ...versioned, reason }), t('workspace.handedBack'), onError)} />}
    </Flex>
  );
}

interface PromptModalProps {
  step: CardTransition;
  specs: FieldSpec[];
  values: Record<string, unknown>;
  busy: boolean;
  i18n: ReturnType<typeof useI18n>;
  onClose(): void;
  onSubmit(step: CardTransition, changes: Record<string, unknown>, onError: (error: unknown) => void): Promise<boolean>;
}

/** A transition that asks for attribute values first. */
function PromptModal({ step, specs, values, busy, i18n, onClose, onSubmit }: PromptModalProps) {
  const [form] = Form.useForm<{ changes: Record<string, unknown> }>();
  const [problem, setProblem] = useState<string | null>(null);
  // The route asks for these values: each is required here and sent whether or not it changed.
  const prompted = specs.map((spec) => ({ ...spec, required: true, readOnly: false }));
  const submit = async ({ changes }: { changes: Record<string, unknown> }) => {
    const ok = await onSubmit(step, valuesForCreate(prompted, changes ?? {}), (error) => setProblem(placeErrors(form, error, i18n, specs.map((spec) => `changes.${spec.code}`))));
    if (ok) onClose();
  };
  return (
    <Modal open title={step.name ?? step.transitionId} onCancel={onClose} onOk={() => form.submit()} okText={i18n.t('workspace.doTransition')} confirmLoading={busy}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ changes: Object.fromEntries(prompted.map((spec) => [spec.code, toFieldValue(spec, values[spec.code])])) }}>
        <AttributeForm specs={prompted} prefix={['changes']} expandAll />
        {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}
