import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { remove } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useRemote } from '../../../api/hooks';
import type { RoleRecord } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { RoleFormModal } from './RoleFormModal';

export default function RolesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const roles = useRemote<RoleRecord[]>('/roles');
  const [editing, setEditing] = useState<RoleRecord | 'new' | null>(null);

  const deleteRole = async (role: RoleRecord) => {
    try {
      await remove(`/roles/${role.id}`);
      void message.success(t('roles.deleted', { code: role.code }));
      roles.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  const columns: TableColumnsType<RoleRecord> = [
    { title: t('roles.code'), dataIndex: 'code', render: (code: string, role) => (role.builtIn ? <Space>{code}<Tag>{t('roles.builtIn')}</Tag></Space> : code) },
    { title: t('roles.name'), dataIndex: 'name' },
    { title: t('roles.description'), dataIndex: 'description' },
    { title: t('roles.permissions'), dataIndex: 'permissions', render: (_, role) => role.permissions.map((code) => <Tag key={code}>{code}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) => (
        <Space size="small">
          <Button size="small" onClick={() => setEditing(role)}>
            {t('common.edit')}
          </Button>
          {!role.builtIn && (
            <Popconfirm title={t('roles.deleteConfirm', { code: role.code })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => deleteRole(role)}>
              <Button size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.roles')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('roles.create')}
          </Button>
        }
      />
      <ErrorAlert message={roles.error} onRetry={roles.reload} />
      <Table<RoleRecord> rowKey="id" size="middle" columns={columns} dataSource={roles.data} loading={roles.loading} pagination={false} />
      {editing && <RoleFormModal role={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={roles.reload} />}
    </>
  );
}
