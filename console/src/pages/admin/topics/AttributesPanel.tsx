import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Attribute, AttributeGroup } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { AttributeFormModal } from './AttributeFormModal';
import { FlagTag } from './FlagTag';
import type { TopicRuleContext } from './topic-context';

/** The attribute catalogue: every dynamic attribute, whichever topics use it. */
export function AttributesPanel({ context, groups }: { context: TopicRuleContext; groups: AttributeGroup[] }) {
  const { t, tOr } = useI18n();
  const [editing, setEditing] = useState<Attribute | 'new' | null>(null);
  const groupName = (id: number | null) => groups.find((group) => group.id === id)?.name ?? t('common.none');

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('attributes.create')}
      </Button>
      <ErrorAlert message={context.error} onRetry={context.reload} />
      <Table<Attribute>
        rowKey="id"
        size="small"
        loading={context.loading}
        dataSource={context.attributes}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('attributes.code'), dataIndex: 'code' },
          { title: t('attributes.name'), dataIndex: 'name' },
          { title: t('attributes.valueType'), dataIndex: 'valueType', render: (type: string) => tOr(`attributes.type.${type}`, type) },
          { title: t('attributes.group'), dataIndex: 'attributeGroupId', render: groupName },
          { title: t('flags.required'), dataIndex: 'required', render: (setting: Attribute['required']) => <FlagTag setting={setting} /> },
          { title: t('flags.hidden'), dataIndex: 'hidden', render: (setting: Attribute['hidden']) => <FlagTag setting={setting} /> },
          { title: t('flags.readOnly'), dataIndex: 'readOnly', render: (setting: Attribute['readOnly']) => <FlagTag setting={setting} /> },
          { title: t('attributes.status'), dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, attribute) => (
              <Button size="small" onClick={() => setEditing(attribute)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <AttributeFormModal attribute={editing === 'new' ? undefined : editing} groups={groups} context={context} onClose={() => setEditing(null)} onSaved={context.reload} />}
    </>
  );
}
