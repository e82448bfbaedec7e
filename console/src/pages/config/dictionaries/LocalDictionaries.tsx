import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useRemote } from '../../../api/hooks';
import type { Page } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import type { DictionaryRecord } from '../types';
import { DictionaryFormModal } from './DictionaryFormModal';
import { ValuesDrawer } from './ValuesDrawer';

/** The admin-maintained dictionaries; the values open in a drawer. */
export function LocalDictionaries() {
  const { t } = useI18n();
  const dictionaries = useRemote<Page<DictionaryRecord>>('/dictionaries', { pageSize: 100 });
  const [editing, setEditing] = useState<DictionaryRecord | 'new' | null>(null);
  const [valuesOf, setValuesOf] = useState<DictionaryRecord | null>(null);

  const columns: TableColumnsType<DictionaryRecord> = [
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('dictionaries.hierarchical'), dataIndex: 'hierarchical', render: (value: boolean) => (value ? t('common.yes') : t('common.no')) },
    { title: t('config.position'), dataIndex: 'position', width: 80 },
    {
      title: t('config.active'),
      dataIndex: 'active',
      render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, dictionary) => (
        <Space>
          <Button size="small" onClick={() => setValuesOf(dictionary)}>
            {t('dictionaries.values')}
          </Button>
          <Button size="small" onClick={() => setEditing(dictionary)}>
            {t('common.edit')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('dictionaries.create')}
        </Button>
      </Flex>
      <ErrorAlert message={dictionaries.error} onRetry={dictionaries.reload} />
      <Table<DictionaryRecord> rowKey="id" size="middle" columns={columns} dataSource={dictionaries.data?.items} loading={dictionaries.loading} pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} />
      {editing && (
        <DictionaryFormModal
          dictionary={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            dictionaries.reload();
            // A new dictionary is empty: its values are what the administrator fills in next.
            if (editing === 'new') setValuesOf(saved);
          }}
        />
      )}
      {valuesOf && <ValuesDrawer dictionary={valuesOf} onClose={() => setValuesOf(null)} />}
    </>
  );
}
