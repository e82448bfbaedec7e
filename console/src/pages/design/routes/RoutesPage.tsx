import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Spin, Table, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { post } from '../../../api/client';
import { useRemote } from '../../../api/hooks';
import type { Page, RouteInput, RouteSummary, TopicNode } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';

// bpmn-js loads only when a route is opened, never with the list (nor with any other page).
const RouteModeller = lazy(() => import('./RouteModeller'));

export default function RoutesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const routes = useRemote<Page<RouteSummary>>('/routes', { pageSize: 200 });
  const topics = useRemote<Page<TopicNode>>('/topics', { kind: 'topic', pageSize: 200 });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<RouteInput>();
  const open = routes.data?.items.find((route) => route.id === openId);

  const create = async (values: RouteInput) => {
    const created = await post<RouteSummary>('/routes', { ...values, topicIds: values.topicIds ?? [] } satisfies RouteInput);
    void message.success(t('routes.created', { code: created.code }));
    routes.reload();
    setOpenId(created.id);
  };

  if (open) {
    return (
      <>
        <PageHeader title={t('routes.modellerTitle', { name: open.name })} actions={<Button onClick={() => setOpenId(null)}>{t('routes.back')}</Button>} />
        <Suspense fallback={<Spin />}>
          <RouteModeller route={open} onChanged={routes.reload} />
        </Suspense>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.routes')} actions={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('routes.create')}</Button>} />
      <ErrorAlert message={routes.error} onRetry={routes.reload} />
      <Table<RouteSummary>
        rowKey="id"
        loading={routes.loading}
        dataSource={routes.data?.items}
        pagination={false}
        columns={[
          { title: t('routes.code'), dataIndex: 'code' },
          { title: t('routes.name'), dataIndex: 'name' },
          { title: t('routes.published'), dataIndex: 'publishedVersion', render: (version: number | null) => (version === null ? t('common.none') : <Tag color="green">{t('modeller.versionN', { version })}</Tag>) },
          { title: t('routes.draft'), dataIndex: 'draftVersion', render: (version: number | null) => (version === null ? t('common.none') : <Tag>{t('modeller.versionN', { version })}</Tag>) },
          { title: t('common.actions'), key: 'actions', render: (_, route) => <Button size="small" onClick={() => setOpenId(route.id)}>{t('routes.open')}</Button> },
        ]}
      />
      {creating && (
        <FormModal<RouteInput> title={t('routes.create')} form={form} initialValues={{ topicIds: [] }} onSubmit={create} onClose={() => setCreating(false)}>
          <Form.Item name="code" label={t('routes.code')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoFocus autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('routes.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="topicIds" label={t('routes.topics')}>
            <Select mode="multiple" options={(topics.data?.items ?? []).map((topic) => ({ value: topic.id, label: `${topic.name} (${topic.code})` }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
