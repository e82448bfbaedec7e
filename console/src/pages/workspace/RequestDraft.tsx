import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Spin, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useRemote } from '../../api/hooks';
import type { ResolvedForm } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { AttributeForm } from './AttributeForm';
import { ClassifyDrawer } from './ClassifyDrawer';
import type { FieldSpec } from './attribute-values';
import { offersTopic, type TopicTreeOption } from './topic-tree';
import { REQUEST_TYPES } from './types';

/** The editable attributes of a topic's form (hidden ones are not the operator's to fill). */
export function specsOfForm(form: ResolvedForm): FieldSpec[] {
  return form.attributes
    .filter((attribute) => !attribute.hidden)
    .map((attribute) => ({
      code: attribute.code,
      name: attribute.name,
      valueType: attribute.valueType,
      multiple: attribute.multiple,
      required: attribute.required,
      readOnly: attribute.readOnly,
      description: attribute.description,
      mask: attribute.mask,
      regex: attribute.regex,
      min: attribute.min,
      max: attribute.max,
      scale: attribute.scale,
      allowedValues: attribute.allowedValues,
      group: attribute.group ? { name: attribute.group.name, collapsed: attribute.group.collapsed } : null,
    }));
}

interface RequestDraftProps {
  index: number;
  /** Form.List's name of this entry. */
  name: number;
  topics: TopicTreeOption[];
  expandAll: boolean;
  onRemove?(): void;
  /** Tells the page which attribute fields this request shows once its topic's form is loaded. */
  onSpecs(specs: FieldSpec[]): void;
}

/** One request inside the contact: its topic, classification, subject and the form of the topic's attributes. */
export function RequestDraft({ index, name, topics, expandAll, onRemove, onSpecs }: RequestDraftProps) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const topicId = Form.useWatch(['requests', name, 'topicId'], form) as number | undefined;
  const topicForm = useRemote<ResolvedForm>(topicId ? `/topics/${topicId}/form` : null);
  const [classifying, setClassifying] = useState(false);
  const specs = topicForm.data && topicId === topicForm.data.topic.id ? specsOfForm(topicForm.data) : [];
  const specKey = JSON.stringify(specs.map((spec) => spec.code));
  // A ref update on the page, not state: positions shift when a request above is removed.
  onSpecs(specs);

  useEffect(() => {
    // Defaults the resolver computed fill the fields the operator has not touched yet.
    for (const attribute of topicForm.data?.attributes ?? []) {
      const path = ['requests', name, 'attributes', attribute.code];
      if (attribute.default !== null && attribute.default !== undefined && !form.isFieldTouched(path)) form.setFieldValue(path, attribute.default);
    }
  }, [specKey]);

  return (
    <div data-testid={`request-draft-${index}`}>
      <Card
        size="small"
        title={t('workspace.requestN', { n: index + 1 })}
        extra={onRemove && <Button size="small" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('workspace.removeRequest')} />}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={[name, 'topicId']}
              label={t('workspace.topic')}
              rules={[{ required: true, message: t('common.required') }]}
              extra={
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setClassifying(true)}>
                  {t('classification.classify')}
                </Button>
              }
            >
              <TreeSelect treeData={topics} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll placeholder={t('workspace.topicPick')} aria-label={t('workspace.topic')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={[name, 'type']} label={t('workspace.type')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={REQUEST_TYPES.map((type) => ({ value: type, label: t(`workspace.type.${type}`) }))} aria-label={t('workspace.type')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name={[name, 'impact']} label={t('workspace.impact')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name={[name, 'urgency']} label={t('workspace.urgency')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={[name, 'subject']} label={t('workspace.subject')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name={[name, 'description']} label={t('workspace.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <ErrorAlert message={topicForm.error} onRetry={topicForm.reload} />
        {classifying && (
          <ClassifyDrawer
            offers={(id) => offersTopic(topics, id)}
            onUseTopic={(id) => {
              form.setFieldValue(['requests', name, 'topicId'], id);
              setClassifying(false);
            }}
            onClose={() => setClassifying(false)}
          />
        )}
        {topicId && topicForm.loading && !specs.length ? <Spin /> : topicId ? <AttributeForm key={topicId} specs={specs} prefix={[name, 'attributes']} expandAll={expandAll} /> : null}
      </Card>
    </div>
  );
}
