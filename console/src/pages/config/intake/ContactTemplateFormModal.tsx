import { Flex, Form, Input, Select } from 'antd';
import { patch, post } from '../../../api/client';
import type { TopicNode } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { UserPicker } from '../../admin/UserPicker';
import type { CodedEntry, ContactTemplateInput, ContactTemplateRecord, PlaceRecord } from '../types';
import { ActiveField, CodeNameFields, PositionField } from '../entry-fields';

export interface IntakeLists {
  places: PlaceRecord[];
  kinds: CodedEntry[];
  channels: CodedEntry[];
  directions: CodedEntry[];
  topics: TopicNode[];
}

const NULLABLE = ['placeKindId', 'defaultPlaceId', 'directionId', 'channelId', 'defaultTopicId', 'defaultClientCategory'] as const;

/** What an operator's new-contact form starts from: place, channel, direction, topics and client categories offered. */
export function ContactTemplateFormModal({ template, lists, onClose, onSaved }: { template?: ContactTemplateRecord; lists: IntakeLists; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ContactTemplateInput>();

  const save = async ({ code, ...changes }: ContactTemplateInput) => {
    const fields: Record<string, unknown> = { ...changes };
    for (const name of NULLABLE) fields[name] = changes[name] ?? null;
    if (template) await patch(`/contact-templates/${template.id}`, fields);
    else await post('/contact-templates', { code, ...fields });
    onSaved();
  };

  const { code: _code, id: _id, ...current } = template ?? ({} as Partial<ContactTemplateRecord>);
  const initialValues: Partial<ContactTemplateInput> = template ? current : { allowedPlaceIds: [], allowedTopicIds: [], allowedClientCategories: [], operatorIds: [], active: true, position: 0 };
  const options = (entries: CodedEntry[]) => entries.map((entry) => ({ value: entry.id, label: entry.name }));
  const places = lists.places.map((place) => ({ value: place.id, label: `${place.code} — ${place.name}` }));
  const topics = lists.topics.map((topic) => ({ value: topic.id, label: `${topic.code} — ${topic.name}` }));
  const select = (multiple: boolean, choices: { value: number; label: string }[]) => <Select allowClear showSearch optionFilterProp="label" mode={multiple ? 'multiple' : undefined} options={choices} />;

  return (
    <FormModal<ContactTemplateInput> width={760} title={template ? t('intake.template.edit', { code: template.code }) : t('intake.template.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      <CodeNameFields creating={!template} />
      <Flex gap={16}>
        <Form.Item name="channelId" label={t('intake.tab.channels')} style={{ flex: 1 }}>
          {select(false, options(lists.channels))}
        </Form.Item>
        <Form.Item name="directionId" label={t('intake.tab.directions')} style={{ flex: 1 }}>
          {select(false, options(lists.directions))}
        </Form.Item>
        <Form.Item name="placeKindId" label={t('intake.place.kind')} style={{ flex: 1 }}>
          {select(false, options(lists.kinds))}
        </Form.Item>
      </Flex>
      <Form.Item name="allowedPlaceIds" label={t('intake.template.allowedPlaces')}>
        {select(true, places)}
      </Form.Item>
      <Form.Item name="defaultPlaceId" label={t('intake.template.defaultPlace')}>
        {select(false, places)}
      </Form.Item>
      <Form.Item name="allowedTopicIds" label={t('intake.template.allowedTopics')}>
        {select(true, topics)}
      </Form.Item>
      <Form.Item name="defaultTopicId" label={t('intake.template.defaultTopic')}>
        {select(false, topics)}
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="allowedClientCategories" label={t('intake.template.allowedCategories')} style={{ flex: 2 }}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="defaultClientCategory" label={t('intake.template.defaultCategory')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="operatorIds" label={t('intake.template.operators')}>
        <UserPicker multiple />
      </Form.Item>
      <Flex gap={16}>
        <PositionField />
        <ActiveField />
      </Flex>
    </FormModal>
  );
}
