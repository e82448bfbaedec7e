import { Tag, Typography, type TableColumnsType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useAuth } from '../../auth/auth';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { showValue } from './show-value';
import type { RequestPage, RequestRow } from './types';

export interface ListNames {
  queue(id: number | null): string;
  /** A user's name, or null when it is not known (yet). */
  person(id: number): string | null;
}

/** The list's columns: the request's own fields, then the administrator's attribute columns. */
export function useRequestColumns(columns: RequestPage['columns'], names: ListNames): TableColumnsType<RequestRow> {
  const { t, tOr, locale } = useI18n();
  const { user } = useAuth();
  const assignee = (id: number | null) => {
    if (id === null) return <Tag color="orange">{t('workspace.unassigned')}</Tag>;
    const name = names.person(id) ?? `#${id}`;
    return id === user?.id ? t('workspace.meNamed', { name }) : name;
  };
  return [
    { title: t('workspace.number'), dataIndex: 'number', key: 'number', sorter: true, render: (number: string) => <Typography.Link>{number}</Typography.Link> },
    { title: t('workspace.subject'), dataIndex: 'subject', key: 'subject', sorter: true, ellipsis: true },
    { title: t('workspace.priority'), dataIndex: 'priority', key: 'priority', sorter: true, width: 90 },
    { title: t('workspace.status'), dataIndex: 'status', key: 'status', sorter: true, render: (value: string, row) => <Tag color={row.isOpen ? 'blue' : undefined}>{tOr(`status.${value}`, value)}</Tag> },
    { title: t('workspace.step'), dataIndex: 'currentSteps', key: 'currentSteps', render: (steps: string | null) => steps ?? t('common.none') },
    { title: t('workspace.queue'), dataIndex: 'queueId', key: 'queueId', render: names.queue },
    { title: t('workspace.assignee'), dataIndex: 'assigneeId', key: 'assigneeId', render: assignee },
    ...columns.map((column) => ({ title: column.name, key: `attr.${column.code}`, sorter: column.valueType !== 'text', render: (_: unknown, row: RequestRow) => showValue(row.columns[column.code], column.valueType, locale) })),
    { title: t('workspace.created'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (value: string) => formatInstant(value, locale) },
    { title: t('workspace.due'), dataIndex: 'dueAt', key: 'dueAt', sorter: true, render: (value: string | null) => formatInstant(value, locale) },
  ];
}

/** A table's sorter as the list's `sort` parameter. */
export function sortOf(sorter: SorterResult<RequestRow> | SorterResult<RequestRow>[]): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  return one?.order && one.columnKey ? `${String(one.columnKey)}:${one.order === 'ascend' ? 'asc' : 'desc'}` : undefined;
}
