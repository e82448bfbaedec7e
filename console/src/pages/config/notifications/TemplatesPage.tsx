import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useRemote, usePagedRemote } from '../../../api/hooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatInstant } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import type { TemplateRecord, TemplateVariables } from '../types';
import { TemplateFormModal } from './TemplateFormModal';

/** Mail and in-app texts per event and language; built-in ones can be edited or switched off, not deleted. */
export default function TemplatesPage() {
  const { t, locale } = useI18n();
  const [code, setCode] = useState<string>();
  const [language, setLanguage] = useState<string>();
  const catalog = useRemote<TemplateVariables>('/notification-templates/variables');
  const templates = usePagedRemote<TemplateRecord>('/notification-templates', { code, language });
  const [editing, setEditing] = useState<TemplateRecord | 'new' | null>(null);

  const columns: TableColumnsType<TemplateRecord> = [
    { title: t('templates.event'), dataIndex: 'code', render: (value: string, row) => (row.builtIn ? <>{value} <Tag>{t('templates.builtIn')}</Tag></> : value) },
    { title: t('templates.language'), dataIndex: 'language', width: 100 },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('templates.subject'), dataIndex: 'subject', ellipsis: true },
    { title: t('config.active'), dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    { title: t('templates.updatedAt'), dataIndex: 'updatedAt', render: (value: string) => formatInstant(value, locale), responsive: ['xl'] },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Button size="small" onClick={() => setEditing(row)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.notificationTemplates')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('templates.create')}
          </Button>
        }
      />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('templates.allEvents')} aria-label={t('templates.event')} style={{ width: 240 }} value={code} onChange={setCode} options={(catalog.data?.events ?? []).map((event) => ({ value: event, label: event }))} />
        <Select allowClear placeholder={t('templates.allLanguages')} aria-label={t('templates.language')} style={{ width: 160 }} value={language} onChange={setLanguage} options={(catalog.data?.languages ?? []).map((value) => ({ value, label: value }))} />
      </Flex>
      <ErrorAlert message={templates.error ?? catalog.error} onRetry={templates.reload} />
      <Table<TemplateRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={templates.data?.items}
        loading={templates.loading}
        pagination={{ current: templates.page, pageSize: templates.pageSize, total: templates.data?.total, onChange: templates.setPage, hideOnSinglePage: true }}
      />
      {editing && <TemplateFormModal template={editing === 'new' ? undefined : editing} catalog={catalog.data} onClose={() => setEditing(null)} onSaved={templates.reload} />}
    </>
  );
}
