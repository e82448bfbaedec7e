import { Button, Flex, Input, Segmented, Select, Table, TableColumnsType, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { usePagedRemote, useRemote } from '../../api/hooks';
import type { Page, Queue } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { RequestCard } from './RequestCard';
import { RequestSearch } from './RequestSearch';
import { showValue } from './show-value';
import type { QueueCount, RequestPage, RequestRow } from './types';

type View = 'queue' | 'mine' | 'unassigned';
type State = 'open' | 'closed' | 'all';
const ATTRIBUTE_OPERATORS = ['eq', 'contains', 'startsWith', 'gte', 'lte', 'isNull', 'notNull'] as const;

interface AttributeFilter {
  field?: string;
  op: (typeof ATTRIBUTE_OPERATORS)[number];
  value: string;
}

/** The operator's queues: counts per queue, the list with the administrator's attribute columns, filters, sort and paging. */
export default function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const opened = Number(params.get('request')) || null;
  if (opened) return <RequestCard id={opened} onBack={() => setParams({})} />;
  return <RequestList onOpen={(id) => setParams({ request: String(id) })} />;
}

function RequestList({ onOpen }: { onOpen(id: number): void }) {
  const { t, tOr, locale } = useI18n();
  const statusLabel = (value: string) => tOr(`status.${value}`, value);
  const { can, user } = useAuth();
  const readAll = can('requests.read.all');
  const [view, setView] = useState<View>('queue');
  const [queueId, setQueueId] = useState<number | undefined>();
  const [state, setState] = useState<State>('open');
  const [status, setStatus] = useState('');
  const [subject, setSubject] = useState('');
  const [attribute, setAttribute] = useState<AttributeFilter>({ op: 'eq', value: '' });
  const [sort, setSort] = useState<string | undefined>();
  const queues = useRemote<Page<Queue>>('/queues', { mine: readAll ? undefined : 'true', pageSize: 200 });
  const counts = useRemote<QueueCount[]>(readAll ? '/requests/overview' : '/requests/counts');

  const filters = [
    ...(status.trim() ? [{ field: 'status', op: 'eq', value: status.trim() }] : []),
    ...(subject.trim() ? [{ field: 'subject', op: 'contains', value: subject.trim() }] : []),
    ...(attribute.field && (attribute.value.trim() || attribute.op === 'isNull' || attribute.op === 'notNull') ? [{ field: attribute.field, op: attribute.op, value: attribute.value.trim() }] : []),
  ];
  const list = usePagedRemote<RequestRow>('/requests', { view, queueId, state, sort, filters: filters.length ? JSON.stringify(filters) : undefined });
  const page = list.data as RequestPage | undefined;
  const countOf = (id: number) => counts.data?.find((count) => count.queueId === id);
  const queueName = (id: number | null) => (id === null ? t('common.none') : (queues.data?.items.find((queue) => queue.id === id)?.name ?? `#${id}`));

  const columns: TableColumnsType<RequestRow> = [
    { title: t('workspace.number'), dataIndex: 'number', key: 'number', sorter: true, render: (number: string) => <Typography.Link>{number}</Typography.Link> },
    { title: t('workspace.subject'), dataIndex: 'subject', key: 'subject', sorter: true, ellipsis: true },
    { title: t('workspace.priority'), dataIndex: 'priority', key: 'priority', sorter: true, width: 90 },
    { title: t('workspace.status'), dataIndex: 'status', key: 'status', sorter: true, render: (value: string, row) => <Tag color={row.isOpen ? 'blue' : undefined}>{statusLabel(value)}</Tag> },
    { title: t('workspace.step'), dataIndex: 'currentSteps', key: 'currentSteps', render: (steps: string | null) => steps ?? t('common.none') },
    { title: t('workspace.queue'), dataIndex: 'queueId', key: 'queueId', render: queueName },
    { title: t('workspace.assignee'), dataIndex: 'assigneeId', key: 'assigneeId', render: (id: number | null) => (id === null ? <Tag color="orange">{t('workspace.unassigned')}</Tag> : id === user?.id ? t('workspace.me') : `#${id}`) },
    ...(page?.columns ?? []).map((column) => ({ title: column.name, key: `attr.${column.code}`, sorter: column.valueType !== 'text', render: (_: unknown, row: RequestRow) => showValue(row.columns[column.code], column.valueType, locale) })),
    { title: t('workspace.created'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (value: string) => formatInstant(value, locale) },
    { title: t('workspace.due'), dataIndex: 'dueAt', key: 'dueAt', sorter: true, render: (value: string | null) => formatInstant(value, locale) },
  ];

  const onSort = (sorter: SorterResult<RequestRow> | SorterResult<RequestRow>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    setSort(one?.order && one.columnKey ? `${String(one.columnKey)}:${one.order === 'ascend' ? 'asc' : 'desc'}` : undefined);
  };

  return (
    <>
      <PageHeader title={t('nav.requests')} actions={<Button onClick={() => { list.reload(); counts.reload(); }}>{t('common.reload')}</Button>} />
      <RequestSearch onOpen={onOpen} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[{ value: 'queue', label: t('workspace.view.queue') }, { value: 'mine', label: t('workspace.view.mine') }, { value: 'unassigned', label: t('workspace.view.unassigned') }]}
        />
        <Select<number | undefined>
          aria-label={t('workspace.queue')}
          style={{ minWidth: 260 }}
          value={queueId}
          onChange={setQueueId}
          allowClear
          placeholder={readAll ? t('workspace.allQueues') : t('workspace.allMyQueues')}
          options={(queues.data?.items ?? []).map((queue) => {
            const count = countOf(queue.id);
            return { value: queue.id, label: `${queue.name} · ${t('workspace.queueCounts', { open: count?.open ?? 0, unassigned: count?.unassigned ?? 0 })}` };
          })}
        />
        <Select<State> aria-label={t('workspace.state')} value={state} onChange={setState} style={{ width: 140 }} options={(['open', 'closed', 'all'] as const).map((value) => ({ value, label: t(`workspace.state.${value}`) }))} />
        <Input.Search aria-label={t('workspace.subject')} placeholder={t('workspace.subjectFilter')} allowClear onSearch={setSubject} style={{ width: 220 }} />
        <Input.Search aria-label={t('workspace.status')} placeholder={t('workspace.statusFilter')} allowClear onSearch={setStatus} style={{ width: 160 }} />
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="attribute-filter">
        <Select<string | undefined>
          aria-label={t('workspace.attributeFilter')}
          placeholder={t('workspace.attributeFilter')}
          allowClear
          style={{ minWidth: 200 }}
          value={attribute.field}
          onChange={(field) => setAttribute({ ...attribute, field })}
          options={(page?.columns ?? []).map((column) => ({ value: `attr.${column.code}`, label: column.name }))}
        />
        <Select aria-label={t('workspace.operator')} value={attribute.op} onChange={(op) => setAttribute({ ...attribute, op })} style={{ width: 170 }} options={ATTRIBUTE_OPERATORS.map((op) => ({ value: op, label: t(`workspace.op.${op}`) }))} />
        <Input.Search aria-label={t('workspace.filterValue')} placeholder={t('workspace.filterValue')} style={{ width: 200 }} onSearch={(value) => setAttribute({ ...attribute, value })} allowClear />
      </Flex>
      <ErrorAlert message={list.error ?? queues.error ?? counts.error} onRetry={list.reload} />
      <Table<RequestRow>
        aria-label={t('nav.requests')}
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={page?.items ?? []}
        columns={columns}
        onChange={(_, __, sorter) => onSort(sorter)}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' }, 'data-testid': `request-row-${row.number}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('workspace.noRequests') }}
        pagination={{ current: list.page, pageSize: list.pageSize, total: page?.total ?? 0, showSizeChanger: true, onChange: list.setPage, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: true }}
      />
    </>
  );
}
