import { Button, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { usePagedRemote } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatInstant } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n/i18n';
import type { PortalRequestSummary } from './portal-types';
import { StatusTag } from './StatusTag';

/** The requests of the customer's company, newest first. */
export function MyRequestsPage() {
  const { t, locale } = useI18n();
  const list = usePagedRemote<PortalRequestSummary>('/portal/requests', {});
  return (
    <>
      <PageHeader
        title={t('portal.myRequests')}
        actions={
          <Link to="/portal/new">
            <Button type="primary">{t('portal.newRequest')}</Button>
          </Link>
        }
      />
      <ErrorAlert message={list.error} onRetry={list.reload} />
      <Table<PortalRequestSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        locale={{ emptyText: t('portal.list.empty') }}
        pagination={{ current: list.page, pageSize: list.pageSize, total: list.data?.total, onChange: list.setPage }}
        columns={[
          { key: 'number', title: t('portal.list.number'), render: (_value, row) => <Link to={`/portal/requests/${row.id}`}>{row.number}</Link> },
          { key: 'subject', title: t('portal.list.subject'), dataIndex: 'subject' },
          { key: 'topic', title: t('portal.list.topic'), render: (_value, row) => row.topic?.name ?? <Tag>—</Tag> },
          { key: 'status', title: t('portal.list.status'), render: (_value, row) => <StatusTag status={row.status} /> },
          { key: 'created', title: t('portal.list.created'), render: (_value, row) => formatInstant(row.createdAt, locale) },
        ]}
      />
    </>
  );
}
