import { Button, Flex, Select, Space, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { usePagedRemote, useRemote } from '../../api/hooks';
import type { Page, Queue } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import type { Breach } from '../workspace/types';
import { DeadlineModal } from './DeadlineModal';
import { ReassignModal } from './ReassignModal';

type Kind = 'breach' | 'warning';
type State = 'current' | 'past' | 'all';

/** Missed and nearly missed deadlines, filtered by kind, state and queue, with the manager's two remedies. */
export default function BreachesPage() {
  const { t, tOr, locale } = useI18n();
  const { can } = useAuth();
  const [kind, setKind] = useState<Kind>('breach');
  const [state, setState] = useState<State>('current');
  const [queueId, setQueueId] = useState<number | undefined>();
  const [deadlineFor, setDeadlineFor] = useState<Breach | null>(null);
  const [reassigning, setReassigning] = useState<Breach | null>(null);
  const breaches = usePagedRemote<Breach>('/sla/breaches', { kind, state, queueId });
  const queues = useRemote<Page<Queue>>('/queues', { pageSize: 200 });
  const queueName = (id: number | null) => (id === null ? t('common.none') : (queues.data?.items.find((queue) => queue.id === id)?.name ?? `#${id}`));

  const columns: TableColumnsType<Breach> = [
    { title: t('sla.request'), dataIndex: 'requestId', render: (id: number) => <Link to={`/workspace/requests?request=${id}`}>#{id}</Link> },
    { title: t('sla.clock'), dataIndex: 'clock', render: (clock: string) => tOr(`sla.clock.${clock}`, clock) },
    { title: t('sla.kind'), dataIndex: 'kind', render: (value: Kind) => <Tag color={value === 'breach' ? 'red' : 'orange'}>{t(`sla.kind.${value}`)}</Tag> },
    { title: t('sla.deadline'), dataIndex: 'deadline', render: (value: string) => formatInstant(value, locale) },
    { title: t('sla.occurredAt'), dataIndex: 'occurredAt', render: (value: string) => formatInstant(value, locale) },
    { title: t('workspace.queue'), dataIndex: 'queueId', render: queueName },
    { title: t('workspace.assignee'), dataIndex: 'assigneeId', render: (id: number | null) => (id === null ? t('workspace.unassigned') : `#${id}`) },
    { title: t('workspace.priority'), dataIndex: 'priority' },
    { title: t('sla.closedAt'), dataIndex: 'closedAt', render: (value: string | null) => (value ? formatInstant(value, locale) : <Tag color="red">{t('sla.current')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, breach) => (
        <Space>
          {can('sla.deadline') && !breach.closedAt && <Button size="small" onClick={() => setDeadlineFor(breach)}>{t('sla.changeDeadline')}</Button>}
          {can('requests.work') && <Button size="small" onClick={() => setReassigning(breach)}>{t('sla.reassign')}</Button>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.breaches')} actions={<Button onClick={breaches.reload}>{t('common.reload')}</Button>} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select<Kind> aria-label={t('sla.kind')} value={kind} onChange={setKind} style={{ width: 160 }} options={(['breach', 'warning'] as const).map((value) => ({ value, label: t(`sla.kind.${value}`) }))} />
        <Select<State> aria-label={t('sla.stateFilter')} value={state} onChange={setState} style={{ width: 160 }} options={(['current', 'past', 'all'] as const).map((value) => ({ value, label: t(`sla.breachState.${value}`) }))} />
        <Select<number | undefined> aria-label={t('workspace.queue')} value={queueId} onChange={setQueueId} allowClear placeholder={t('workspace.allQueues')} style={{ minWidth: 220 }} options={(queues.data?.items ?? []).map((queue) => ({ value: queue.id, label: queue.name }))} />
      </Flex>
      <ErrorAlert message={breaches.error} onRetry={breaches.reload} />
      <Table<Breach>
        aria-label={t('nav.breaches')}
        rowKey="id"
        size="small"
        loading={breaches.loading}
        dataSource={breaches.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('sla.noBreaches') }}
        onRow={(breach) => ({ 'data-testid': `breach-${breach.requestId}-${breach.clock}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: breaches.page, pageSize: breaches.pageSize, total: breaches.data?.total ?? 0, onChange: breaches.setPage, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: true }}
      />
      {deadlineFor && <DeadlineModal requestId={deadlineFor.requestId} clocks={[deadlineFor.clock]} clock={deadlineFor.clock} onClose={() => setDeadlineFor(null)} onSaved={breaches.reload} />}
      {reassigning && <ReassignModal requestId={reassigning.requestId} onClose={() => setReassigning(null)} onSaved={breaches.reload} />}
    </>
  );
}
