import { Button, Flex, Form, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get, post } from '../../api/client';
import { useRemote } from '../../api/hooks';
import type { Page } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { AttributeForm } from './AttributeForm';
import { toApiValue, type FieldSpec } from './attribute-values';
import { BulkResults } from './BulkResults';
import type { QueueStaff } from './queue-staff';
import type { RowSelection } from './row-selection';
import type { BulkAction, BulkReport, CardTransition, ProblemRecord, RequestPage, RequestRow } from './types';

interface BulkActionsProps {
  selection: RowSelection;
  staff: QueueStaff;
  /** The list-column attributes: what "set attribute" offers. */
  columns: RequestPage['columns'];
  /** After a bulk call: the list and its counts are read again. */
  onDone(): void;
}

interface Outcome {
  report: BulkReport;
  rows: RequestRow[];
}

/** The chosen rows' toolbar: one action for all of them, then each request's result. */
export function BulkActions({ selection, staff, columns, onDone }: BulkActionsProps) {
  const { t } = useI18n();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const rows = selection.rows;

  const run = async (chosen: BulkAction, params: Record<string, unknown>) => {
    const report = await post<BulkReport>('/requests/bulk', { ids: rows.map((row) => row.id), action: chosen, params, expectedVersions: Object.fromEntries(rows.map((row) => [String(row.id), row.version])) });
    setOutcome({ report, rows });
    // The refused stay chosen, to try again once the list shows them as they are now.
    selection.keep(report.results.filter((result) => !result.ok).map((result) => result.id));
    onDone();
  };

  if (!rows.length && !outcome) return null;
  const modal = { onClose: () => setAction(null) };
  return (
    <>
      {rows.length > 0 && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="bulk-actions">
          <Typography.Text strong>{t('workspace.bulk.chosen', { count: rows.length })}</Typography.Text>
          <Button onClick={() => setAction('assign')}>{t('workspace.bulk.assign')}</Button>
          <Button onClick={() => setAction('transition')}>{t('workspace.bulk.transition')}</Button>
          <Button onClick={() => setAction('setAttribute')} disabled={!columns.length}>
            {t('workspace.bulk.setAttribute')}
          </Button>
          <Button onClick={() => setAction('linkProblem')}>{t('workspace.bulk.linkProblem')}</Button>
          <Button type="link" onClick={selection.clear}>
            {t('workspace.bulk.clear')}
          </Button>
        </Flex>
      )}
      {action === 'assign' && <AssignModal {...modal} staff={staff} rows={rows} onRun={(params) => run('assign', params)} />}
      {action === 'transition' && <TransitionModal {...modal} rows={rows} onRun={(params) => run('transition', params)} />}
      {action === 'setAttribute' && <AttributeModal {...modal} columns={columns} onRun={(params) => run('setAttribute', params)} />}
      {action === 'linkProblem' && <ProblemModal {...modal} onRun={(params) => run('linkProblem', params)} />}
      {outcome && <BulkResults report={outcome.report} rows={outcome.rows} onClose={() => setOutcome(null)} />}
    </>
  );
}

interface ModalProps {
  onRun(params: Record<string, unknown>): Promise<void>;
  onClose(): void;
}

function AssignModal({ staff, rows, onRun, onClose }: ModalProps & { staff: QueueStaff; rows: RequestRow[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ assigneeId: number | 'none' }>();
  const people = staff.of(rows.flatMap((row) => (row.queueId === null ? [] : [row.queueId])));
  return (
    <FormModal title={t('workspace.bulk.assignTitle', { count: rows.length })} form={form} submitText={t('workspace.bulk.assign')} onSubmit={({ assigneeId }) => onRun({ assigneeId: assigneeId === 'none' ? null : assigneeId })} onClose={onClose}>
      <Form.Item name="assigneeId" label={t('workspace.assignee')} rules={[{ required: true, message: t('common.required') }]} extra={t('workspace.bulk.assignHint')}>
        <Select showSearch optionFilterProp="label" options={[...people.map((member) => ({ value: member.id, label: member.displayName })), { value: 'none', label: t('workspace.bulk.nobody') }]} />
      </Form.Item>
    </FormModal>
  );
}

/** The transitions offered to the chosen requests, each with how many of them it is offered to. */
function useOfferedTransitions(rows: RequestRow[]) {
  const [offered, setOffered] = useState<{ transitionId: string; name: string; offeredTo: number }[]>();
  const ids = rows.map((row) => row.id).join(',');
  useEffect(() => {
    let current = true;
    void Promise.all(ids.split(',').map((id) => get<CardTransition[]>(`/requests/${id}/transitions`).catch(() => [] as CardTransition[]))).then((lists) => {
      const byId = new Map<string, { transitionId: string; name: string; offeredTo: number }>();
      for (const step of lists.flatMap((list) => list.filter((candidate) => candidate.offered))) {
        const entry = byId.get(step.transitionId) ?? { transitionId: step.transitionId, name: step.name ?? step.transitionId, offeredTo: 0 };
        byId.set(step.transitionId, { ...entry, offeredTo: entry.offeredTo + 1 });
      }
      if (current) setOffered([...byId.values()]);
    });
    return () => {
      current = false;
    };
  }, [ids]);
  return offered;
}

function TransitionModal({ rows, onRun, onClose }: ModalProps & { rows: RequestRow[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ transitionId: string }>();
  const offered = useOfferedTransitions(rows);
  return (
    <FormModal title={t('workspace.bulk.transitionTitle', { count: rows.length })} form={form} submitText={t('workspace.bulk.transition')} onSubmit={(values) => onRun(values)} onClose={onClose}>
      <Form.Item name="transitionId" label={t('workspace.bulk.step')} rules={[{ required: true, message: t('common.required') }]} extra={offered && !offered.length ? t('workspace.bulk.noTransitions') : undefined}>
        <Select loading={!offered} options={(offered ?? []).map((step) => ({ value: step.transitionId, label: t('workspace.bulk.offeredTo', { name: step.name, count: step.offeredTo, total: rows.length }) }))} />
      </Form.Item>
    </FormModal>
  );
}

function AttributeModal({ columns, onRun, onClose }: ModalProps & { columns: RequestPage['columns'] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string; values: Record<string, unknown> }>();
  const code = Form.useWatch('code', form);
  const column = columns.find((candidate) => candidate.code === code);
  const spec: FieldSpec | undefined = column && { code: column.code, name: column.name, valueType: column.valueType, multiple: false, required: false, readOnly: false, group: null };
  return (
    <FormModal
      title={t('workspace.bulk.setAttribute')}
      form={form}
      submitText={t('workspace.bulk.setAttribute')}
      onSubmit={({ code: chosen, values }) => onRun({ values: { [chosen]: spec ? (toApiValue(spec, values?.[chosen]) ?? null) : null } })}
      onClose={onClose}
    >
      <Form.Item name="code" label={t('workspace.bulk.attribute')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={columns.map((candidate) => ({ value: candidate.code, label: candidate.name }))} />
      </Form.Item>
      {spec && <AttributeForm specs={[spec]} prefix={['values']} />}
    </FormModal>
  );
}

function ProblemModal({ onRun, onClose }: ModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ problemId: number }>();
  const problems = useRemote<Page<ProblemRecord>>('/problems', { pageSize: 100 });
  const open = (problems.data?.items ?? []).filter((problem) => problem.status !== 'closed');
  return (
    <FormModal title={t('workspace.bulk.linkProblem')} form={form} submitText={t('workspace.bulk.linkProblem')} onSubmit={(values) => onRun(values)} onClose={onClose}>
      <Form.Item name="problemId" label={t('workspace.problem')} rules={[{ required: true, message: t('common.required') }]} extra={problems.error ?? undefined}>
        <Select showSearch optionFilterProp="label" loading={problems.loading} options={open.map((problem) => ({ value: problem.id, label: `${problem.number} · ${problem.subject}` }))} />
      </Form.Item>
    </FormModal>
  );
}
