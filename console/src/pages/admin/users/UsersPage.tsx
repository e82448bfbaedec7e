import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Space, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { patch } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { usePagedRemote } from '../../../api/hooks';
import type { User } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { PasswordModal } from './PasswordModal';
import { UserFormModal } from './UserFormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | { mode: 'password'; user: User } | null;
type ActiveFilter = 'all' | 'true' | 'false';

export default function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [editing, setEditing] = useState<Editing>(null);
  const users = usePagedRemote<User>('/users', { q: search, active: active === 'all' ? undefined : active });

  const setUserActive = async (user: User, value: boolean) => {
    try {
      await patch(`/users/${user.id}`, { active: value });
      users.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.login'), dataIndex: 'login' },
    { title: t('users.name'), dataIndex: 'name' },
    { title: t('users.email'), dataIndex: 'email', render: (email: string | null) => email ?? t('common.none') },
    { title: t('users.roles'), dataIndex: 'roles', render: (_, user) => user.roles.map((role) => <Tag key={role.id}>{role.name}</Tag>) },
    {
      title: t('users.status'),
      dataIndex: 'active',
      render: (value: boolean) => (value ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size="small" wrap>
          <Button size="small" onClick={() => setEditing({ mode: 'edit', user })}>
            {t('common.edit')}
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setEditing({ mode: 'password', user })}>
            {t('users.resetPassword')}
          </Button>
          {user.active ? (
            <Popconfirm title={t('users.deactivateConfirm', { login: user.login })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => setUserActive(user, false)}>
              <Button size="small" danger>
                {t('users.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={() => void setUserActive(user, true)}>
              {t('users.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('users.searchPlaceholder')} aria-label={t('common.search')} onSearch={setSearch} style={{ width: 280 }} />
        <Select<ActiveFilter>
          aria-label={t('users.status')}
          value={active}
          onChange={setActive}
          style={{ width: 160 }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
        />
      </Space>
      <ErrorAlert message={users.error} onRetry={users.reload} />
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.loading}
        pagination={{
          current: users.page,
          pageSize: users.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: users.setPage,
        }}
      />
      {editing?.mode === 'create' && <UserFormModal onClose={() => setEditing(null)} onSaved={users.reload} />}
      {editing?.mode === 'edit' && <UserFormModal user={editing.user} onClose={() => setEditing(null)} onSaved={users.reload} />}
      {editing?.mode === 'password' && <PasswordModal user={editing.user} onClose={() => setEditing(null)} />}
    </>
  );
}
