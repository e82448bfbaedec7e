import { DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post, put } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { DATASET_OFFERS, DATASETS, type Dataset, type Dimension, type Measure, type PeriodField, type ReportSpec } from '../../../../server/src/reports/definitions/report-vocabulary';
import { conditionRowsOf, conditionsOf, ReportConditions, type ConditionRow } from './ReportConditions';
import type { ReportRecord } from './types';

interface Values {
  code: string;
  name: string;
  description?: string;
  dataset: Dataset;
  groupBy: Dimension[];
  measures: Measure[];
  state: 'any' | 'open' | 'closed';
  periodField?: PeriodField;
  lastDays?: number;
  /** A fixed period, whole days: from the first day's start to the last day's end. */
  days?: [Dayjs | null, Dayjs | null] | null;
  repeatDays?: number;
  where?: ConditionRow[];
}

/** The fields of a definition the form edits. */
function valuesOf(report: ReportRecord | null): Partial<Values> {
  const spec = report?.definition;
  if (!report || !spec) return { dataset: 'requests', groupBy: ['queue'], measures: ['count'], state: 'any', where: [] };
  const { period } = spec;
  const days: Values['days'] = period?.from || period?.to ? [period.from ? dayjs(period.from) : null, period.to ? dayjs(period.to).subtract(1, 'day') : null] : undefined;
  return { code: report.code, name: report.name, description: report.description ?? undefined, dataset: spec.dataset, groupBy: spec.groupBy, measures: spec.measures, state: spec.open === undefined ? 'any' : spec.open ? 'open' : 'closed', periodField: period?.field, lastDays: period?.lastDays, days, repeatDays: spec.repeatDays, where: conditionRowsOf(spec.where) };
}

/** The period the form describes: the last days, or else the fixed days (the end exclusive: the next day's start). */
function periodOf(values: Values): ReportSpec['period'] {
  if (!values.periodField) return undefined;
  if (values.lastDays) return { field: values.periodField, lastDays: values.lastDays };
  const [first, last] = values.days ?? [];
  if (!first && !last) return undefined;
  return { field: values.periodField, ...(first ? { from: first.startOf('day').toISOString() } : {}), ...(last ? { to: last.startOf('day').add(1, 'day').toISOString() } : {}) };
}

function definitionOf(values: Values, previous: ReportSpec | undefined): ReportSpec {
  const spec: ReportSpec = { ...previous, dataset: values.dataset, groupBy: values.groupBy ?? [], measures: values.measures ?? [] };
  delete spec.open;
  if (values.state !== 'any') spec.open = values.state === 'open';
  const period = periodOf(values);
  if (period) spec.period = period;
  else delete spec.period;
  if (values.repeatDays) spec.repeatDays = values.repeatDays;
  else delete spec.repeatDays;
  const where = conditionsOf(values.where);
  if (where.length) spec.where = where;
  else delete spec.where;
  return spec;
}

/** Defines a report, or edits one the user defined; the server checks the definition and names what is wrong. */
export function ReportFormModal({ report, onSaved, onClose }: { report: ReportRecord | null; onSaved(saved: ReportRecord): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const dataset = Form.useWatch('dataset', form) ?? 'requests';
  const offers = DATASET_OFFERS[dataset];
  const save = async (values: Values) => {
    const definition = definitionOf(values, report?.definition);
    const saved = report ? await put<ReportRecord>(`/reports/definitions/${report.id}`, { name: values.name, description: values.description ?? null, definition }) : await post<ReportRecord>('/reports/definitions', { code: values.code, name: values.name, description: values.description, definition });
    onSaved(saved);
  };
  return (
    <FormModal<Values> title={report ? t('reports.edit') : t('reports.new')} form={form} initialValues={valuesOf(report)} onSubmit={save} onClose={onClose} width={760}>
      <Form.Item name="code" label={t('reports.code')} rules={[{ required: true, message: t('common.required') }]}>
        <Input disabled={!!report} />
      </Form.Item>
      <Form.Item name="name" label={t('reports.name')} rules={[{ required: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('reports.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="dataset" label={t('reports.dataset')}>
        <Select options={DATASETS.map((value) => ({ value, label: t(`reports.dataset.${value}`) }))} />
      </Form.Item>
      <Form.Item name="groupBy" label={t('reports.groupBy')}>
        <Select mode="multiple" maxCount={3} options={offers.dimensions.map((value) => ({ value, label: value }))} />
      </Form.Item>
      <Form.Item name="measures" label={t('reports.measures')} rules={[{ required: true, message: t('common.required') }]}>
        <Select mode="multiple" options={offers.measures.map((value) => ({ value, label: value }))} />
      </Form.Item>
      <Form.Item name="state" label={t('reports.state')}>
        <Select options={(['any', 'open', 'closed'] as const).map((value) => ({ value, label: t(`reports.state.${value}`) }))} />
      </Form.Item>
      <Form.Item name="periodField" label={t('reports.periodField')}>
        <Select allowClear options={offers.periods.map((value) => ({ value, label: value }))} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="lastDays" label={t('reports.lastDays')}>
          <InputNumber min={1} max={3660} />
        </Form.Item>
        <Form.Item name="days" label={t('reports.days')} tooltip={t('reports.days.hint')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </Flex>
      <Form.Item name="repeatDays" label={t('reports.repeatDays')}>
        <InputNumber min={1} max={365} />
      </Form.Item>
      <ReportConditions />
    </FormModal>
  );
}
