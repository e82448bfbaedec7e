import { Table, Tag, Typography } from 'antd';
import type { ErrorDetail } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { ImportPlan, KindPlan } from '../../../../../server/src/config-transfer/import-session';

interface KindRow extends KindPlan {
  kind: string;
}

/** Codes in a cell: the first few, and how many more. */
function Codes({ codes, colour }: { codes: string[]; colour?: string }) {
  if (!codes.length) return <Typography.Text type="secondary">0</Typography.Text>;
  const shown = codes.slice(0, 6);
  return (
    <>
      <Typography.Text strong>{codes.length}</Typography.Text>{' '}
      {shown.map((code) => (
        <Tag key={code} color={colour}>
          {code}
        </Tag>
      ))}
      {codes.length > shown.length && <Typography.Text type="secondary">…</Typography.Text>}
    </>
  );
}

/** Per kind of configuration: what an import creates, updates and leaves as it is. */
export function PlanTable({ plan }: { plan: ImportPlan }) {
  const { tOr, t } = useI18n();
  const rows: KindRow[] = Object.entries(plan.kinds)
    .filter(([, kind]) => kind.created.length + kind.updated.length + kind.unchanged.length > 0)
    .map(([kind, outcome]) => ({ kind, ...outcome }));
  return (
    <Table<KindRow>
      rowKey="kind"
      size="small"
      pagination={false}
      aria-label={t('transfer.kind')}
      dataSource={rows}
      columns={[
        { title: t('transfer.kind'), dataIndex: 'kind', render: (kind: string) => tOr(`transfer.kind.${kind}`, kind) },
        { title: t('transfer.created'), dataIndex: 'created', render: (codes: string[]) => <Codes codes={codes} colour="green" /> },
        { title: t('transfer.updated'), dataIndex: 'updated', render: (codes: string[]) => <Codes codes={codes} colour="gold" /> },
        { title: t('transfer.unchanged'), dataIndex: 'unchanged', render: (codes: string[]) => <Typography.Text>{codes.length}</Typography.Text> },
      ]}
    />
  );
}

/** Every problem of a file, at its place in the file (`attributes.3.dictionaryCode`). */
export function ProblemTable({ problems }: { problems: ErrorDetail[] }) {
  const { t } = useI18n();
  return (
    <Table<ErrorDetail & { key: number }>
      size="small"
      pagination={false}
      aria-label={t('transfer.problems')}
      dataSource={problems.map((problem, key) => ({ ...problem, key }))}
      columns={[
        { title: t('transfer.path'), dataIndex: 'path', render: (path: string) => <Typography.Text code>{path}</Typography.Text> },
        { title: t('transfer.problem'), dataIndex: 'message' },
      ]}
    />
  );
}
