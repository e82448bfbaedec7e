import { Form, Select } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import type { CodedEntry, PlaceInput, PlaceRecord } from '../types';
import { ActiveField, CodeNameFields, PositionField } from '../entry-fields';

interface Props {
  place?: PlaceRecord;
  places: PlaceRecord[];
  kinds: CodedEntry[];
  onClose(): void;
  onSaved(): void;
}

export function PlaceFormModal({ place, places, kinds, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlaceInput>();

  const save = async ({ code, ...changes }: PlaceInput) => {
    const fields = { ...changes, parentId: changes.parentId ?? null, kindId: changes.kindId ?? null };
    if (place) await patch(`/contact-places/${place.id}`, fields);
    else await post('/contact-places', { code, ...fields });
    onSaved();
  };

  const initialValues: Partial<PlaceInput> = place
    ? { name: place.name, parentId: place.parentId, kindId: place.kindId, active: place.active, position: place.position }
    : { parentId: null, kindId: null, active: true, position: 0 };
  // The server refuses a cycle; leaving the place itself out of its parents spares the obvious one.
  const parents = places.filter((candidate) => candidate.id !== place?.id).map((candidate) => ({ value: candidate.id, label: `${candidate.code} — ${candidate.name}` }));

  return (
    <FormModal<PlaceInput> title={place ? t('intake.place.edit', { code: place.code }) : t('intake.place.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      <CodeNameFields creating={!place} />
      <Form.Item name="parentId" label={t('intake.place.parent')}>
        <Select allowClear showSearch optionFilterProp="label" options={parents} />
      </Form.Item>
      <Form.Item name="kindId" label={t('intake.place.kind')}>
        <Select allowClear options={kinds.map((kind) => ({ value: kind.id, label: kind.name }))} />
      </Form.Item>
      <PositionField />
      <ActiveField />
    </FormModal>
  );
}
