import { App, Button, Flex, Form, Input, Popconfirm, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { post, remove } from '../../api/client';
import { describeError } from '../../api/errors';
import { useRemote } from '../../api/hooks';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { controlsOf, savedQueryOf, type ListControls } from './list-query';
import type { SavedFilter } from './types';

interface SavedFiltersProps {
  controls: ListControls;
  /** Puts a saved filter's query in the filter bar. */
  onApply(controls: ListControls): void;
}

interface SaveValues {
  name: string;
  shared: boolean;
}

/** The user's saved filters (and shared ones): pick one to apply it, save the current filter under a name, delete one's own. */
export function SavedFilters({ controls, onApply }: SavedFiltersProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const saved = useRemote<SavedFilter[]>('/me/saved-filters');
  const [chosenId, setChosenId] = useState<number>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<SaveValues>();
  const chosen = saved.data?.find((filter) => filter.id === chosenId);

  const choose = (id: number | undefined) => {
    setChosenId(id);
    setProblem(null);
    const filter = saved.data?.find((candidate) => candidate.id === id);
    if (filter) onApply(controlsOf(filter.query));
  };

  const save = async ({ name, shared }: SaveValues) => {
    const created = await post<SavedFilter>('/me/saved-filters', { name: name.trim(), shared, query: savedQueryOf(controls) });
    setChosenId(created.id);
    saved.reload();
    void message.success(t('workspace.saved.done', { name: created.name }));
  };

  const deleteChosen = async () => {
    if (!chosen) return;
    setProblem(null);
    try {
      await remove(`/me/saved-filters/${chosen.id}`);
      setChosenId(undefined);
      saved.reload();
      void message.success(t('workspace.saved.deleted', { name: chosen.name }));
    } catch (error) {
      setProblem(describeError(error, i18n));
    }
  };

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="saved-filters">
      <Select<number | undefined>
        aria-label={t('workspace.saved.pick')}
        placeholder={t('workspace.saved.pick')}
        allowClear
        style={{ minWidth: 240 }}
        loading={saved.loading}
        value={chosen ? chosenId : undefined}
        onChange={choose}
        options={(saved.data ?? []).map((filter) => ({ value: filter.id, label: filter.mine ? filter.name : t('workspace.saved.sharedName', { name: filter.name }) }))}
      />
      <Button onClick={() => setSaving(true)}>{t('workspace.saved.save')}</Button>
      <Popconfirm title={t('workspace.saved.confirmDelete', { name: chosen?.name ?? '' })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={deleteChosen} disabled={!chosen?.mine}>
        <Button danger disabled={!chosen?.mine}>
          {t('workspace.saved.delete')}
        </Button>
      </Popconfirm>
      {(problem ?? saved.error) && (
        <Typography.Text type="danger" role="alert">
          {problem ?? saved.error}
        </Typography.Text>
      )}
      {saving && (
        <FormModal<SaveValues> title={t('workspace.saved.save')} form={form} initialValues={{ name: chosen?.mine ? chosen.name : '', shared: false }} onSubmit={save} onClose={() => setSaving(false)}>
          <Form.Item name="name" label={t('workspace.saved.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
            <Input autoFocus maxLength={100} />
          </Form.Item>
          <Form.Item name="shared" label={t('workspace.saved.shared')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
