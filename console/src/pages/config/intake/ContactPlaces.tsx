import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { TreeRow, valueTree } from '../dictionaries/value-tree';
import type { CodedEntry, PlaceRecord } from '../types';
import { PlaceFormModal } from './PlaceFormModal';

type PlaceRow = PlaceRecord & { parentCode: string | null };

/** The contact places as a tree (branch → office → desk), every branch open. */
export function ContactPlaces({ places, kinds, error, reload }: { places: PlaceRecord[]; kinds: CodedEntry[]; error: string | null; reload(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<PlaceRecord | 'new' | null>(null);
  const rows = useMemo(() => {
    const codeOf = new Map(places.map((place) => [place.id, place.code]));
    return valueTree<PlaceRow>(places.map((place) => ({ ...place, parentCode: place.parentId === null ? null : (codeOf.get(place.parentId) ?? null) })));
  }, [places]);
  const kindName = (id: number | null) => (id === null ? t('common.none') : (kinds.find((kind) => kind.id === id)?.name ?? `#${id}`));

  const columns: TableColumnsType<TreeRow<PlaceRow>> = [
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('intake.place.kind'), dataIndex: 'kindId', render: kindName },
    { title: t('config.position'), dataIndex: 'position', width: 80 },
    { title: t('config.active'), dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, place) => (
        <Button size="small" onClick={() => setEditing(place)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('intake.place.create')}
        </Button>
      </Flex>
      <ErrorAlert message={error} onRetry={reload} />
      <Table<TreeRow<PlaceRow>> rowKey="id" size="middle" columns={columns} dataSource={rows} pagination={false} expandable={{ expandedRowKeys: places.map((place) => place.id) }} />
      {editing && <PlaceFormModal place={editing === 'new' ? undefined : editing} places={places} kinds={kinds} onClose={() => setEditing(null)} onSaved={reload} />}
    </>
  );
}
