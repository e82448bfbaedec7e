import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { usePagedRemote, useRemote } from '../../../api/hooks';
import type { Queue, Workgroup } from '../../../api/types';
import { useAuth } from '../../../auth/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { useUserLogins } from '../UserPicker';
import { QueueFormModal } from './QueueFormModal';

export default function QueuesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [search, setSearch] = useState('');
  const queues = usePagedRemote<Queue>('/queues', { search });
  const workgroups = useRemote<Workgroup[]>(can('users.manage') ? '/workgroups' : null);
  const logins = useUserLogins();
  const [editing, setEditing] = useState<Queue | 'new' | null>(null);
  const loginOf = (id: number) => logins.get(id) ?? `#${id}`;
  const groupOf = (id: number) => workgroups.data?.find((group) => group.id === id)?.code ?? `#${id}`;
  const tags = (ids: number[], label: (id: number) => string) => (ids.length ? ids.map((id) => <Tag key={id}>{label(id)}</Tag>) : t('common.none'));

  const columns: TableColumnsType<Queue> = [
    { title: t('queues.code'), dataIndex: 'code' },
    { title: t('queues.name'), dataIndex: 'name' },
    { title: t('queues.members'), dataIndex: 'memberIds', render: (ids: number[]) => tags(ids, loginOf) },
    { title: t('queues.workgroups'), dataIndex: 'workgroupIds', render: (ids: number[]) => tags(ids, groupOf) },
    { title: t('queues.administrators'), dataIndex: 'administratorIds', render: (ids: number[]) => tags(ids, loginOf) },
    { title: t('queues.allowedSteps'), dataIndex: 'allowedSteps', render: (steps: string[]) => (steps.length ? steps.map((step) => <Tag key={step}>{step}</Tag>) : t('queues.anyStep')) },
    { title: t('queues.status'), dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    ...(can('queues.manage')
      ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, queue: Queue) => <Button size="small" onClick={() => setEditing(queue)}>{t('common.edit')}</Button> }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.queues')}
        actions={
          can('queues.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('queues.create')}
            </Button>
          )
        }
      />
      <Input.Search aria-label={t('common.search')} placeholder={t('queues.searchPlaceholder')} allowClear onSearch={setSearch} style={{ maxWidth: 320, marginBottom: 12 }} />
      <ErrorAlert message={queues.error} onRetry={queues.reload} />
      <Table<Queue>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={queues.data?.items}
        loading={queues.loading}
        pagination={{ current: queues.page, pageSize: queues.pageSize, total: queues.data?.total, onChange: queues.setPage, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      />
      {editing && <QueueFormModal queue={editing === 'new' ? undefined : editing} workgroups={workgroups.data ?? []} onClose={() => setEditing(null)} onSaved={queues.reload} />}
    </>
  );
}
