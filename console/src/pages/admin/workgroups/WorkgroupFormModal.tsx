import { App, Form, Input, InputNumber, Select, Switch } from 'antd';
import { patch, post, put } from '../../../api/client';
import type { Workgroup, WorkgroupInput } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { UserPicker } from '../UserPicker';

type Values = WorkgroupInput & { memberIds: number[] };

const sameMembers = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function WorkgroupFormModal({ group, groups, onClose, onSaved }: { group?: Workgroup; groups: Workgroup[]; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, memberIds, ...changes }: Values) => {
    const fields = { ...changes, specialisation: changes.specialisation || null, territory: changes.territory || null };
    const saved = group ? await patch<Workgroup>(`/workgroups/${group.id}`, fields) : await post<Workgroup>('/workgroups', { code, ...fields } satisfies WorkgroupInput);
    // Membership is its own endpoint; the group is saved first so a refused member list cannot lose the other edits.
    if (!sameMembers(saved.memberIds, memberIds)) {
      await put(`/workgroups/${saved.id}/members`, { userIds: memberIds });
    }
    void message.success(group ? t('common.saved') : t('workgroups.created', { code }));
    onSaved();
  };

  const initialValues: Partial<Values> = group
    ? {
        name: group.name,
        specialisation: group.specialisation,
        territory: group.territory,
        qualificationLevel: group.qualificationLevel,
        parentId: group.parentId,
        managerId: group.managerId,
        active: group.active,
        memberIds: group.memberIds,
      }
    : { qualificationLevel: 1, parentId: null, managerId: null, active: true, memberIds: [] };

  const parents = groups.filter((candidate) => candidate.id !== group?.id).map((candidate) => ({ value: candidate.id, label: `${candidate.code} — ${candidate.name}` }));

  return (
    <FormModal<Values> title={group ? t('workgroups.edit', { code: group.code }) : t('workgroups.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      {!group && (
        <Form.Item name="code" label={t('workgroups.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('workgroups.name')} rules={required}>
        <Input autoFocus={Boolean(group)} />
      </Form.Item>
      <Form.Item name="specialisation" label={t('workgroups.specialisation')}>
        <Input />
      </Form.Item>
      <Form.Item name="territory" label={t('workgroups.territory')}>
        <Input />
      </Form.Item>
      <Form.Item name="qualificationLevel" label={t('workgroups.qualificationLevel')}>
        <InputNumber min={1} max={9} />
      </Form.Item>
      <Form.Item name="parentId" label={t('workgroups.parent')}>
        <Select allowClear options={parents} optionFilterProp="label" showSearch />
      </Form.Item>
      <Form.Item name="managerId" label={t('workgroups.manager')}>
        <UserPicker />
      </Form.Item>
      <Form.Item name="memberIds" label={t('workgroups.members')}>
        <UserPicker multiple />
      </Form.Item>
      <Form.Item name="active" label={t('workgroups.status')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </FormModal>
  );
}
