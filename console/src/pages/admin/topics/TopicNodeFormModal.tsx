import { App, Form, Input, Select, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import type { TopicNode, TopicNodeInput } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';

interface TopicNodeFormModalProps {
  /** The node to edit, or the kind of a new one. */
  node: TopicNode | { kind: 'group' | 'topic'; parentId: number | null };
  nodes: TopicNode[];
  onClose(): void;
  onSaved(node: TopicNode): void;
}

/** Creates or edits a group or a topic of the tree. */
export function TopicNodeFormModal({ node, nodes, onClose, onSaved }: TopicNodeFormModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TopicNodeInput>();
  const existing = 'id' in node ? node : null;
  const required = [{ required: true, message: t('common.required') }];
  const kindName = node.kind === 'group' ? t('topics.kindGroup') : t('topics.kindTopic');

  const save = async ({ code, ...fields }: TopicNodeInput) => {
    const changes = { ...fields, description: fields.description || null, parentId: fields.parentId ?? null };
    const saved = existing ? await patch<TopicNode>(`/topics/${existing.id}`, changes) : await post<TopicNode>('/topics', { ...changes, code, kind: node.kind } satisfies TopicNodeInput);
    void message.success(existing ? t('common.saved') : t('topics.created', { code }));
    onSaved(saved);
  };

  const isUnder = (candidate: TopicNode): boolean => {
    for (let current: TopicNode | undefined = candidate; current; current = nodes.find((other) => other.id === current!.parentId)) {
      if (current.id === existing?.id) return true;
    }
    return false;
  };
  const parents = nodes.filter((candidate) => candidate.kind === 'group' && !isUnder(candidate)).map((group) => ({ value: group.id, label: `${group.name} (${group.code})` }));

  return (
    <FormModal<TopicNodeInput>
      title={existing ? t('topics.edit', { kind: kindName, code: existing.code }) : node.kind === 'group' ? t('topics.newGroup') : t('topics.newTopic')}
      form={form}
      initialValues={existing ? { name: existing.name, description: existing.description, parentId: existing.parentId, active: existing.active } : { parentId: node.parentId, active: true }}
      onSubmit={save}
      onClose={onClose}
    >
      {!existing && (
        <Form.Item name="code" label={t('topics.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('topics.name')} rules={required}>
        <Input autoFocus={Boolean(existing)} />
      </Form.Item>
      <Form.Item name="description" label={t('topics.description')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="parentId" label={t('topics.parent')}>
        <Select allowClear placeholder={t('topics.topLevel')} options={parents} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="active" label={t('topics.status')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </FormModal>
  );
}
