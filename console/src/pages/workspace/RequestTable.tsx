import { Table } from 'antd';
import { useEffect } from 'react';
import type { Query } from '../../api/client';
import { usePagedRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { sortOf, useRequestColumns, type ListNames } from './request-columns';
import type { RowSelection } from './row-selection';
import type { RequestPage, RequestRow } from './types';

interface RequestTableProps {
  /** GET /api/requests parameters without paging. */
  params: Query;
  names: ListNames;
  selection: RowSelection;
  /** Changes whenever the list should be read again (after a bulk action, the reload button). */
  generation: number;
  label: string;
  onOpen(id: number): void;
  onSort(sort: string | undefined): void;
  /** Each answer, for what the page shows around the table: attribute columns, queues of the rows. */
  onPage(page: RequestPage): void;
}

/** One page of requests with checkboxes: the whole list, or one group of it. */
export function RequestTable({ params, names, selection, generation, label, onOpen, onSort, onPage }: RequestTableProps) {
  const { t } = useI18n();
  const list = usePagedRemote<RequestRow>('/requests', params);
  const page = list.data as RequestPage | undefined;
  const { reload } = list;
  const { refresh } = selection;
  const columns = useRequestColumns(page?.columns ?? [], names);

  useEffect(() => {
    if (generation) reload();
  }, [generation, reload]);
  useEffect(() => {
    if (!page) return;
    refresh(page.items);
    onPage(page);
  }, [page, refresh, onPage]);

  const onPageIds = new Set((page?.items ?? []).map((row) => row.id));
  return (
    <>
      <ErrorAlert message={list.error} onRetry={list.reload} />
      <Table<RequestRow>
        aria-label={label}
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={page?.items ?? []}
        columns={columns}
        onChange={(_, __, sorter) => onSort(sortOf(sorter))}
        rowSelection={{
          selectedRowKeys: selection.ids.filter((id) => onPageIds.has(id)),
          onSelect: (row, chosen) => selection.choose([row], chosen),
          onSelectAll: (chosen, _, changed) => selection.choose(changed, chosen),
          getCheckboxProps: (row) => ({ 'aria-label': t('workspace.bulk.choose', { number: row.number }) }),
        }}
        onRow={(row) =>
          ({
            // A click on the checkbox chooses the row; anywhere else opens the request.
            onClick: (event: React.MouseEvent<HTMLElement>) => (event.target as HTMLElement).closest('.ant-table-selection-column') || onOpen(row.id),
            style: { cursor: 'pointer' },
            'data-testid': `request-row-${row.number}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: t('workspace.noRequests') }}
        pagination={{ current: list.page, pageSize: list.pageSize, total: page?.total ?? 0, showSizeChanger: true, onChange: list.setPage, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: true }}
      />
    </>
  );
}
