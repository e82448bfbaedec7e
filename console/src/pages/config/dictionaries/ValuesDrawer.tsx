import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Table, TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useRemote } from '../../../api/hooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import type { DictionaryRecord, DictionaryValue } from '../types';
import { ValueFormModal } from './ValueFormModal';
import { TreeRow, valueTree } from './value-tree';

/** A dictionary's values as a tree (or a list when it is flat), each editable in place. */
export function ValuesDrawer({ dictionary, onClose }: { dictionary: DictionaryRecord; onClose(): void }) {
  const { t } = useI18n();
  const values = useRemote<DictionaryValue[]>(`/dictionaries/${dictionary.id}/items`);
  const [editing, setEditing] = useState<DictionaryValue | 'new' | null>(null);
  const rows = useMemo(() => valueTree(values.data ?? []), [values.data]);
  // Every branch starts open, also one that gains its first child later; only what the user closes stays closed.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const parents = (values.data ?? []).filter((value) => values.data?.some((other) => other.parentCode === value.code)).map((value) => value.id);
  const expanded = parents.filter((id) => !collapsed.has(id));
  const toggle = (open: boolean, row: DictionaryValue) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open) next.delete(row.id);
      else next.add(row.id);
      return next;
    });

  const columns: TableColumnsType<TreeRow<DictionaryValue>> = [
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('config.position'), dataIndex: 'position', width: 80 },
    {
      title: t('config.active'),
      dataIndex: 'active',
      render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, value) => (
        <Button size="small" onClick={() => setEditing(value)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Drawer
      open
      width={760}
      title={t('dictionaries.valuesOf', { code: dictionary.code })}
      onClose={onClose}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('dictionaries.addValue')}
        </Button>
      }
    >
      <ErrorAlert message={values.error} onRetry={values.reload} />
      <Table<TreeRow<DictionaryValue>>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={values.loading}
        expandable={{ expandedRowKeys: expanded, onExpand: toggle }}
        locale={{ emptyText: t('dictionaries.noValues') }}
        pagination={false}
        data-testid="dictionary-values"
      />
      {editing && (
        <ValueFormModal
          dictionary={dictionary}
          value={editing === 'new' ? undefined : editing}
          values={values.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={values.reload}
        />
      )}
    </Drawer>
  );
}
