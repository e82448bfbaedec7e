import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Table, TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { remove } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useRemote } from '../../../api/hooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { QuestionnaireFormModal } from './QuestionnaireFormModal';
import type { QuestionnaireRecord } from './types';

/** Classification questionnaires: the trees operators walk to find a request's topic, problems and articles. */
export default function QuestionnairesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const questionnaires = useRemote<QuestionnaireRecord[]>('/classification/questionnaires');
  const [editing, setEditing] = useState<QuestionnaireRecord | 'new' | null>(null);

  const deleteOne = async (questionnaire: QuestionnaireRecord) => {
    try {
      await remove(`/classification/questionnaires/${questionnaire.id}`);
      questionnaires.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    }
  };

  const columns: TableColumnsType<QuestionnaireRecord> = [
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('classification.questions'), key: 'questions', render: (_, record) => record.definition.questions.length },
    { title: t('classification.suggestions'), key: 'suggestions', render: (_, record) => record.definition.suggestions.length },
    { title: t('config.active'), dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, record) => (
        <Space>
          <Button size="small" onClick={() => setEditing(record)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('classification.deleteConfirm', { code: record.code })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => deleteOne(record)}>
            <Button size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.classification')} />
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('classification.create')}
        </Button>
      </Flex>
      <ErrorAlert message={questionnaires.error} onRetry={questionnaires.reload} />
      <Table<QuestionnaireRecord> rowKey="id" size="middle" columns={columns} dataSource={questionnaires.data} loading={questionnaires.loading} pagination={false} />
      {editing && <QuestionnaireFormModal questionnaire={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={questionnaires.reload} />}
    </>
  );
}
