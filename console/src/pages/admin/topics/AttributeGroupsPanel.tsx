import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Popconfirm, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { patch, post, remove } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { AttributeGroup, AttributeGroupInput } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';

/** Attribute groups: the collapsible sections of generated forms. */
export function AttributeGroupsPanel({ groups, loading, onChanged }: { groups: AttributeGroup[]; loading: boolean; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AttributeGroup | 'new' | null>(null);
  const [form] = Form.useForm<AttributeGroupInput>();

  const save = async (values: AttributeGroupInput) => {
    if (editing && editing !== 'new') await patch(`/attribute-groups/${editing.id}`, values);
    else await post('/attribute-groups', values);
    void message.success(t('common.saved'));
    onChanged();
  };
  const drop = async (group: AttributeGroup) => {
    try {
      await remove(`/attribute-groups/${group.id}`);
      onChanged();
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('attributeGroups.create')}
      </Button>
      <Table<AttributeGroup>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={[...groups].sort((a, b) => a.order - b.order)}
        pagination={false}
        columns={[
          { title: t('attributeGroups.name'), dataIndex: 'name' },
          { title: t('attributes.order'), dataIndex: 'order' },
          { title: t('attributeGroups.collapsed'), dataIndex: 'collapsed', render: (value: boolean) => (value ? t('common.yes') : t('common.no')) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, group) => (
              <Space>
                <Button size="small" onClick={() => setEditing(group)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('attributeGroups.deleteConfirm', { name: group.name })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => drop(group)}>
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<AttributeGroupInput>
          title={editing === 'new' ? t('attributeGroups.create') : t('attributeGroups.edit', { name: editing.name })}
          form={form}
          initialValues={editing === 'new' ? { collapsed: false } : editing}
          onSubmit={save}
          onClose={() => setEditing(null)}
        >
          <Form.Item name="name" label={t('attributeGroups.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="order" label={t('attributes.order')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="collapsed" label={t('attributeGroups.collapsed')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
