import { Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { usePagedRemote } from '../../../api/hooks';
import type { AuditRecord } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatInstant } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { AuditFilterBar, AuditFilters } from './AuditFilterBar';
import { ChangesTable } from './ChangesTable';

export default function AuditPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>({});
  const journal = usePagedRemote<AuditRecord>('/audit', { ...filters });

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatInstant(at, locale), width: 170 },
    { title: t('audit.actor'), dataIndex: 'actorLogin' },
    { title: t('audit.entityType'), dataIndex: 'entityType', render: (type: string) => <Tag>{type}</Tag> },
    { title: t('audit.entityId'), dataIndex: 'entityId' },
    { title: t('audit.action'), dataIndex: 'action' },
    { title: t('audit.changes'), dataIndex: 'changes', render: (_, entry) => entry.changes.map((change) => change.field).join(', ') || t('audit.noChanges') },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <AuditFilterBar onApply={setFilters} />
      <ErrorAlert message={journal.error} onRetry={journal.reload} />
      <Table<AuditRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={journal.data?.items}
        loading={journal.loading}
        expandable={{ expandedRowRender: (entry) => <ChangesTable changes={entry.changes} />, rowExpandable: (entry) => entry.changes.length > 0 }}
        pagination={{
          current: journal.page,
          pageSize: journal.pageSize,
          total: journal.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: journal.setPage,
        }}
      />
    </>
  );
}
