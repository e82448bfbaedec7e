import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { remove } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useRemote } from '../../../api/hooks';
import type { Binding, TopicNode } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { BindingFormModal } from './BindingFormModal';
import { FlagTag } from './FlagTag';
import type { TopicRuleContext } from './topic-context';

/** The attributes a node brings in, each flag set here or inherited from the attribute and the groups above. */
export function BindingsPanel({ node, context, onChanged }: { node: TopicNode; context: TopicRuleContext; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const bindings = useRemote<Binding[]>(`/topics/${node.id}/attributes`);
  const [editing, setEditing] = useState<Binding | 'new' | null>(null);
  const attributeOf = (id: number) => context.attributes.find((attribute) => attribute.id === id);
  const changed = () => {
    bindings.reload();
    onChanged();
  };
  const unbind = async (binding: Binding) => {
    try {
      await remove(`/topics/${node.id}/attributes/${binding.attributeId}`);
      changed();
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('bindings.intro')}</Typography.Paragraph>
      <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('bindings.create')}
      </Button>
      <ErrorAlert message={bindings.error} onRetry={bindings.reload} />
      <Table<Binding>
        rowKey="id"
        size="small"
        loading={bindings.loading}
        dataSource={[...(bindings.data ?? [])].sort((a, b) => a.order - b.order)}
        pagination={false}
        columns={[
          { title: t('bindings.attribute'), dataIndex: 'attributeId', render: (id: number) => { const attribute = attributeOf(id); return attribute ? `${attribute.name} (${attribute.code})` : `#${id}`; } },
          { title: t('flags.required'), dataIndex: 'required', render: (setting: Binding['required']) => <FlagTag setting={setting} /> },
          { title: t('flags.hidden'), dataIndex: 'hidden', render: (setting: Binding['hidden']) => <FlagTag setting={setting} /> },
          { title: t('flags.readOnly'), dataIndex: 'readOnly', render: (setting: Binding['readOnly']) => <FlagTag setting={setting} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, binding) => (
              <Space>
                <Button size="small" onClick={() => setEditing(binding)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('bindings.removeConfirm')} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => unbind(binding)}>
                  <Button size="small" danger>
                    {t('bindings.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <BindingFormModal
          nodeId={node.id}
          binding={editing === 'new' ? undefined : editing}
          boundIds={(bindings.data ?? []).map((binding) => binding.attributeId)}
          context={context}
          onClose={() => setEditing(null)}
          onSaved={changed}
        />
      )}
    </>
  );
}
