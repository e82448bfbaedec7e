import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { remove } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useRemote } from '../../../api/hooks';
import type { ApiToken, IssuedToken } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatInstant } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { useUserLogins } from '../UserPicker';
import { IssueTokenModal } from './IssueTokenModal';
import { SecretModal } from './SecretModal';

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useI18n();
  if (token.revokedAt) return <Tag color="red">{t('tokens.statusRevoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return <Tag>{t('tokens.statusExpired')}</Tag>;
  return <Tag color="green">{t('tokens.statusActive')}</Tag>;
}

export default function TokensPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { message } = App.useApp();
  const tokens = useRemote<ApiToken[]>('/tokens');
  const logins = useUserLogins();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);

  const revoke = async (token: ApiToken) => {
    try {
      await remove(`/tokens/${token.id}`);
      void message.success(t('tokens.revoked', { name: token.name }));
      tokens.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  const instant = (value: string | null) => formatInstant(value, locale);
  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (prefix: string) => <code>{prefix}…</code> },
    { title: t('tokens.user'), dataIndex: 'userId', render: (id: number) => logins.get(id) ?? `#${id}` },
    { title: t('tokens.scopes'), dataIndex: 'scopes', render: (scopes: string[]) => scopes.map((scope) => <Tag key={scope}>{scope}</Tag>) },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: instant },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: instant },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: instant },
    { title: t('tokens.status'), key: 'status', render: (_, token) => <TokenStatus token={token} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        !token.revokedAt && (
          <Popconfirm title={t('tokens.revokeConfirm', { name: token.name })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => revoke(token)}>
            <Button size="small" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.tokens')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('tokens.issue')}
          </Button>
        }
      />
      <ErrorAlert message={tokens.error} onRetry={tokens.reload} />
      <Table<ApiToken> rowKey="id" size="middle" columns={columns} dataSource={tokens.data} loading={tokens.loading} pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} />
      {issuing && (
        <IssueTokenModal
          onClose={() => setIssuing(false)}
          onIssued={(token) => {
            setIssued(token);
            tokens.reload();
          }}
        />
      )}
      {issued && <SecretModal token={issued} onClose={() => setIssued(null)} />}
    </>
  );
}
