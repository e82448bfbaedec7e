import { Button, Flex, Select, Space, Table, TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { usePagedRemote } from '../../api/hooks';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { ProblemCard } from './ProblemCard';
import { ProblemFormModal } from './ProblemFormModal';
import { ProblemStatusTag } from './ProblemStatusTag';
import { PROBLEM_STATUSES, type ProblemListRow, type ProblemStatus } from './types';

/** Problems and mass problems: the list, and one problem's card (`?problem=<id>`, so a card can be linked to). */
export default function ProblemsPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<ProblemStatus | undefined>();
  const [creating, setCreating] = useState(false);
  const problems = usePagedRemote<ProblemListRow>('/problems', { status });
  const openId = Number(params.get('problem')) || null;
  const open = (id: number | null) => setParams(id === null ? {} : { problem: String(id) });

  if (openId !== null) return <ProblemCard id={openId} onBack={() => { open(null); problems.reload(); }} />;

  const columns: TableColumnsType<ProblemListRow> = [
    { title: t('problems.number'), dataIndex: 'number', render: (number: string, row) => <Typography.Link onClick={() => open(row.id)}>{number}</Typography.Link> },
    { title: t('problems.subject'), dataIndex: 'subject', render: (subject: string, row) => <Space size={4}>{subject}{row.isMass && <Tag color="purple">{t('problems.mass')}</Tag>}</Space> },
    { title: t('problems.status'), dataIndex: 'status', render: (value: ProblemStatus) => <ProblemStatusTag status={value} /> },
    { title: t('problems.linked'), dataIndex: 'linkedCount', align: 'right' },
    { title: t('problems.created.at'), dataIndex: 'createdAt', render: (value: string) => formatInstant(value, locale) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.problems')}
        actions={
          <Space>
            {can('problems.manage') && <Button type="primary" onClick={() => setCreating(true)}>{t('problems.create')}</Button>}
            <Button onClick={problems.reload}>{t('common.reload')}</Button>
          </Space>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select<ProblemStatus | undefined>
          aria-label={t('problems.status')}
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('problems.allStatuses')}
          style={{ width: 200 }}
          options={PROBLEM_STATUSES.map((value) => ({ value, label: t(`problems.status.${value}`) }))}
        />
      </Flex>
      <ErrorAlert message={problems.error} onRetry={problems.reload} />
      <Table<ProblemListRow>
        aria-label={t('nav.problems')}
        rowKey="id"
        size="small"
        loading={problems.loading}
        dataSource={problems.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('problems.empty') }}
        onRow={(row) => ({ 'data-testid': `problem-${row.number}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: problems.page, pageSize: problems.pageSize, total: problems.data?.total ?? 0, onChange: problems.setPage, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: true }}
      />
      {creating && <ProblemFormModal onClose={() => setCreating(false)} onCreated={(problem) => open(problem.id)} />}
    </>
  );
}
