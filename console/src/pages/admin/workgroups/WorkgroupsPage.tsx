import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useRemote } from '../../../api/hooks';
import type { Workgroup } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { useUserLogins } from '../UserPicker';
import { WorkgroupFormModal } from './WorkgroupFormModal';

export default function WorkgroupsPage() {
  const { t } = useI18n();
  const groups = useRemote<Workgroup[]>('/workgroups');
  const logins = useUserLogins();
  const [editing, setEditing] = useState<Workgroup | 'new' | null>(null);
  const codeOf = (id: number | null) => (id === null ? t('common.none') : (groups.data?.find((group) => group.id === id)?.code ?? `#${id}`));
  const loginOf = (id: number | null) => (id === null ? t('common.none') : (logins.get(id) ?? `#${id}`));

  const columns: TableColumnsType<Workgroup> = [
    { title: t('workgroups.code'), dataIndex: 'code' },
    { title: t('workgroups.name'), dataIndex: 'name' },
    { title: t('workgroups.specialisation'), dataIndex: 'specialisation', render: (value: string | null) => value ?? t('common.none') },
    { title: t('workgroups.territory'), dataIndex: 'territory', render: (value: string | null) => value ?? t('common.none') },
    { title: t('workgroups.qualificationLevel'), dataIndex: 'qualificationLevel' },
    { title: t('workgroups.parent'), dataIndex: 'parentId', render: codeOf },
    { title: t('workgroups.manager'), dataIndex: 'managerId', render: loginOf },
    { title: t('workgroups.members'), dataIndex: 'memberIds', render: (ids: number[]) => ids.map((id) => <Tag key={id}>{loginOf(id)}</Tag>) },
    {
      title: t('workgroups.status'),
      dataIndex: 'active',
      render: (value: boolean) => (value ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, group) => (
        <Button size="small" onClick={() => setEditing(group)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.workgroups')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('workgroups.create')}
          </Button>
        }
      />
      <ErrorAlert message={groups.error} onRetry={groups.reload} />
      <Table<Workgroup> rowKey="id" size="middle" columns={columns} dataSource={groups.data} loading={groups.loading} pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} />
      {editing && (
        <WorkgroupFormModal group={editing === 'new' ? undefined : editing} groups={groups.data ?? []} onClose={() => setEditing(null)} onSaved={groups.reload} />
      )}
    </>
  );
}
