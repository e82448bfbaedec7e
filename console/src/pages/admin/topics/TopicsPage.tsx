import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Tabs } from 'antd';
import { useState } from 'react';
import { remove } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useRemote } from '../../../api/hooks';
import type { AttributeGroup, Page, TopicNode } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { AttributeGroupsPanel } from './AttributeGroupsPanel';
import { AttributesPanel } from './AttributesPanel';
import { BindingsPanel } from './BindingsPanel';
import { FormPreview } from './FormPreview';
import { useTopicRuleContext } from './topic-context';
import { TopicNodeFormModal } from './TopicNodeFormModal';
import { TopicTree } from './TopicTree';

type Editing = TopicNode | { kind: 'group' | 'topic'; parentId: number | null } | null;

export default function TopicsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const nodes = useRemote<Page<TopicNode>>('/topics', { pageSize: 200 });
  const groups = useRemote<AttributeGroup[]>('/attribute-groups');
  const context = useTopicRuleContext();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  // Bumped whenever the configuration changes, so the preview resolves again.
  const [version, setVersion] = useState(0);
  const all = nodes.data?.items ?? [];
  const selected = all.find((node) => node.id === selectedId) ?? null;
  const newParent = selected ? (selected.kind === 'group' ? selected.id : selected.parentId) : null;
  const changed = () => setVersion((value) => value + 1);

  const deleteSelected = async () => {
    if (!selected) return;
    try {
      await remove(`/topics/${selected.id}`);
      setSelectedId(null);
      nodes.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  const details = selected && (
    <Card
      title={`${selected.kind === 'group' ? t('topics.kindGroup') : t('topics.kindTopic')}: ${selected.name}`}
      extra={
        <Space>
          <Button onClick={() => setEditing(selected)}>{t('common.edit')}</Button>
          <Popconfirm title={t('topics.deleteConfirm', { code: selected.code })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={deleteSelected}>
            <Button danger>{t('common.delete')}</Button>
          </Popconfirm>
        </Space>
      }
    >
      <Descriptions size="small" column={3} items={[
        { key: 'code', label: t('topics.code'), children: selected.code },
        { key: 'status', label: t('topics.status'), children: selected.active ? t('common.active') : t('common.inactive') },
        { key: 'description', label: t('topics.description'), children: selected.description ?? t('common.none') },
      ]} />
      <Tabs
        key={selected.id}
        items={[
          { key: 'bindings', label: t('bindings.title'), children: <BindingsPanel node={selected} context={context} onChanged={changed} /> },
          ...(selected.kind === 'topic' ? [{ key: 'preview', label: t('preview.title'), children: <FormPreview topic={selected} sample={context.sample} version={version} /> }] : []),
        ]}
      />
    </Card>
  );

  const treeTab = (
    <Row gutter={16}>
      <Col span={7}>
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'group', parentId: newParent })}>
            {t('topics.newGroup')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'topic', parentId: newParent })}>
            {t('topics.newTopic')}
          </Button>
        </Space>
        <ErrorAlert message={nodes.error} onRetry={nodes.reload} />
        {all.length > 0 ? <TopicTree nodes={all} selectedId={selectedId} onSelect={setSelectedId} onMoved={nodes.reload} /> : !nodes.loading && <Empty description={t('topics.empty')} />}
      </Col>
      <Col span={17}>{details ?? <Empty description={t('topics.pickNode')} />}</Col>
    </Row>
  );

  return (
    <>
      <PageHeader title={t('nav.topics')} />
      <Tabs
        onChange={changed}
        items={[
          { key: 'tree', label: t('topics.treeTab'), children: treeTab },
          { key: 'attributes', label: t('topics.attributesTab'), children: <AttributesPanel context={context} groups={groups.data ?? []} /> },
          { key: 'groups', label: t('topics.groupsTab'), children: <AttributeGroupsPanel groups={groups.data ?? []} loading={groups.loading} onChanged={groups.reload} /> },
        ]}
      />
      {editing && (
        <TopicNodeFormModal
          node={editing}
          nodes={all}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            nodes.reload();
            setSelectedId(saved.id);
          }}
        />
      )}
    </>
  );
}
