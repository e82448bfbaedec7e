import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, TableColumnsType, Tag } from 'antd';
import { ReactNode, useState } from 'react';
import { useRemote } from '../../../api/hooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';

interface CatalogRow {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

interface Props<Row extends CatalogRow> {
  path: string;
  createText: string;
  /** Columns between the name and the status. */
  extraColumns?: TableColumnsType<Row>;
  editor(record: Row | undefined, close: () => void, saved: () => void): ReactNode;
}

/** A code/name/status list with a create button and an editor per row: external dictionaries, dynamic queries. */
export function CatalogTable<Row extends CatalogRow>({ path, createText, extraColumns = [], editor }: Props<Row>) {
  const { t } = useI18n();
  const rows = useRemote<{ items: Row[] }>(path, { pageSize: 100 });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);

  const columns: TableColumnsType<Row> = [
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    ...extraColumns,
    {
      title: t('config.active'),
      dataIndex: 'active',
      render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Button size="small" onClick={() => setEditing(row)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {createText}
        </Button>
      </Flex>
      <ErrorAlert message={rows.error} onRetry={rows.reload} />
      <Table<Row> rowKey="id" size="middle" columns={columns} dataSource={rows.data?.items} loading={rows.loading} pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} />
      {editing && editor(editing === 'new' ? undefined : editing, () => setEditing(null), rows.reload)}
    </>
  );
}
