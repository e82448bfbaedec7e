import { FolderOutlined, TagOutlined } from '@ant-design/icons';
import { App, Tag, Tree } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { patch, post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { TopicNode } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';

const byOrder = (a: TopicNode, b: TopicNode) => a.order - b.order || a.id - b.id;
const childrenOf = (nodes: TopicNode[], parentId: number | null) => nodes.filter((node) => node.parentId === parentId).sort(byOrder);

/** Where a drop puts a node: its new parent and the ids of that parent's children in their new order. */
export function placeAfterDrop(nodes: TopicNode[], draggedId: number, targetId: number, intoTarget: boolean, afterTarget: boolean): { parentId: number | null; ids: number[] } {
  const target = nodes.find((node) => node.id === targetId)!;
  const parentId = intoTarget ? target.id : target.parentId;
  const siblings = childrenOf(nodes, parentId).filter((node) => node.id !== draggedId).map((node) => node.id);
  const at = intoTarget ? 0 : siblings.indexOf(targetId) + (afterTarget ? 1 : 0);
  siblings.splice(at, 0, draggedId);
  return { parentId, ids: siblings };
}

interface TopicTreeProps {
  nodes: TopicNode[];
  selectedId: number | null;
  onSelect(id: number | null): void;
  onMoved(): void;
}

/** Groups and topics; drag a node to reorder it among its siblings or drop it on a group to move it there. */
export function TopicTree({ nodes, selectedId, onSelect, onMoved }: TopicTreeProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();

  const toTree = (parentId: number | null): TreeDataNode[] =>
    childrenOf(nodes, parentId).map((node) => ({
      key: node.id,
      icon: node.kind === 'group' ? <FolderOutlined /> : <TagOutlined />,
      isLeaf: node.kind === 'topic',
      title: (
        <span data-testid={`topic-node-${node.code}`}>
          {node.name} <small style={{ color: '#888' }}>{node.code}</small> {!node.active && <Tag>{t('common.inactive')}</Tag>}
        </span>
      ),
      children: node.kind === 'group' ? toTree(node.id) : undefined,
    }));

  const drop: TreeProps['onDrop'] = async (info) => {
    const target = nodes.find((node) => node.id === Number(info.node.key))!;
    const intoTarget = !info.dropToGap;
    if (intoTarget && target.kind !== 'group') {
      void message.warning(t('topics.dropOnTopic'));
      return;
    }
    const relative = info.dropPosition - Number(info.node.pos.split('-').pop());
    const dragged = Number(info.dragNode.key);
    const placement = placeAfterDrop(nodes, dragged, target.id, intoTarget, relative > 0);
    try {
      if (nodes.find((node) => node.id === dragged)?.parentId !== placement.parentId) await patch(`/topics/${dragged}`, { parentId: placement.parentId });
      await post('/topics/reorder', { ids: placement.ids });
      void message.success(t('topics.moved'));
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
    onMoved();
  };

  return (
    <Tree
      aria-label={t('topics.tree')}
      showIcon
      blockNode
      draggable={{ icon: false }}
      defaultExpandAll
      selectedKeys={selectedId === null ? [] : [selectedId]}
      onSelect={(keys) => onSelect(keys.length ? Number(keys[0]) : null)}
      onDrop={drop}
      treeData={toTree(null)}
    />
  );
}
