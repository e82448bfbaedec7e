import { Button, Flex, Select, Spin } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRemote } from '../../api/hooks';
import type { Page, Queue } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { BulkActions } from './BulkActions';
import { EMPTY_CONTROLS, GROUP_FIELDS, listParams, type GroupField, type ListControls } from './list-query';
import { ListFilters } from './ListFilters';
import { useQueueStaff } from './queue-staff';
import type { ListNames } from './request-columns';
import { RequestGroups } from './RequestGroups';
import { RequestSearch } from './RequestSearch';
import { RequestTable } from './RequestTable';
import { useRowSelection } from './row-selection';
import { SavedFilters } from './SavedFilters';
import type { QueueCount, RequestPage } from './types';

// The card and what it brings (attachments, work orders, history, closure) load when a request is opened,
// not with the list's first page.
const RequestCard = lazy(() => import('./RequestCard').then((module) => ({ default: module.RequestCard })));

/** The operator's queues: counts per queue, the list with the administrator's attribute columns, filters, saved filters, grouping and bulk actions. */
export default function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const opened = Number(params.get('request')) || null;
  if (opened) {
    return (
      <Suspense fallback={<Spin />}>
        <RequestCard key={opened} id={opened} onBack={() => setParams({})} onOpen={(id) => setParams({ request: String(id) })} />
      </Suspense>
    );
  }
  return <RequestList onOpen={(id) => setParams({ request: String(id) })} />;
}

function RequestList({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const readAll = can('requests.read.all');
  const [controls, setControls] = useState<ListControls>(EMPTY_CONTROLS);
  // A saved filter replaces the bar's contents: the bar starts afresh with them.
  const [applied, setApplied] = useState(0);
  const [groupBy, setGroupBy] = useState<GroupField>();
  const [generation, setGeneration] = useState(0);
  const [seen, setSeen] = useState<{ columns: RequestPage['columns']; queueIds: number[] }>({ columns: [], queueIds: [] });
  const selection = useRowSelection();
  const queues = useRemote<Page<Queue>>('/queues', { mine: readAll ? undefined : 'true', pageSize: 200 });
  const counts = useRemote<QueueCount[]>(readAll ? '/requests/overview' : '/requests/counts');
  const myQueueIds = readAll ? [] : (queues.data?.items ?? []).map((queue) => queue.id);
  const staff = useQueueStaff([...(controls.queueId !== undefined ? [controls.queueId] : myQueueIds), ...seen.queueIds]);

  const names: ListNames = {
    queue: (id) => (id === null ? t('common.none') : (queues.data?.items.find((queue) => queue.id === id)?.name ?? `#${id}`)),
    person: (id) => staff.byId.get(id)?.displayName ?? null,
  };
  const onPage = useCallback((page: RequestPage) => {
    setSeen((current) => {
      const queueIds = [...new Set([...current.queueIds, ...page.items.flatMap((row) => (row.queueId === null ? [] : [row.queueId]))])];
      const sameColumns = JSON.stringify(current.columns) === JSON.stringify(page.columns) || !page.items.length;
      return sameColumns && queueIds.length === current.queueIds.length ? current : { columns: sameColumns ? current.columns : page.columns, queueIds };
    });
  }, []);
  const reloadAll = () => {
    setGeneration((value) => value + 1);
    counts.reload();
  };
  const table = { names, selection, generation, onOpen, onPage, onSort: (sort: string | undefined) => setControls((current) => ({ ...current, sort })) };

  return (
    <>
      <PageHeader title={t('nav.requests')} actions={<Button onClick={reloadAll}>{t('common.reload')}</Button>} />
      <RequestSearch onOpen={onOpen} />
      <SavedFilters
        controls={controls}
        onApply={(next) => {
          setControls(next);
          setApplied((value) => value + 1);
        }}
      />
      <ListFilters key={applied} controls={controls} onChange={setControls} queues={queues.data?.items ?? []} counts={counts.data ?? []} readAll={readAll} columns={seen.columns} staff={staff.of(controls.queueId !== undefined ? [controls.queueId] : myQueueIds.length ? myQueueIds : seen.queueIds)} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<GroupField | undefined>
          aria-label={t('workspace.group.by')}
          placeholder={t('workspace.group.none')}
          allowClear
          style={{ width: 220 }}
          value={groupBy}
          onChange={setGroupBy}
          options={GROUP_FIELDS.map((field) => ({ value: field, label: t(`workspace.group.${field}`) }))}
        />
      </Flex>
      <BulkActions selection={selection} staff={staff} columns={seen.columns} onDone={reloadAll} />
      <ErrorAlert message={queues.error ?? counts.error ?? staff.error} onRetry={reloadAll} />
      {groupBy ? <RequestGroups controls={controls} by={groupBy} table={table} /> : <RequestTable {...table} label={t('nav.requests')} params={listParams(controls)} />}
    </>
  );
}
