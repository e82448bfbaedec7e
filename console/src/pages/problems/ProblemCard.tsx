import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Spin, Table, TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { useRemote } from '../../api/hooks';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { safeHtml } from '../workspace/rich-text';
import { LinkRequestsModal } from './LinkRequestsModal';
import { ProblemStatusTag } from './ProblemStatusTag';
import { ReasonModal } from './ReasonModal';
import { SolutionModal } from './SolutionModal';
import { LinkedArticles } from '../knowledge/LinkedArticles';
import { isProblemActive, PROBLEM_ENDINGS, type ProblemEnding } from '../../../../server/src/problems/problem-status';
import type { LinkedRequest, ProblemDetails } from './types';

type Dialog = 'solution' | 'link' | 'resolve' | 'reopen' | ProblemEnding;

const RichText = ({ html, testId }: { html: string; testId: string }) => <div className="docket-rich-text" data-testid={testId} dangerouslySetInnerHTML={{ __html: safeHtml(html) }} />;

/** One problem: what is known about it, the requests it causes, and resolving or reopening them all. */
export function ProblemCard({ id, onBack }: { id: number; onBack(): void }) {
  const i18n = useI18n();
  const { t, tOr, locale } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const remote = useRemote<ProblemDetails>(`/problems/${id}`);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [unlinking, setUnlinking] = useState<number | null>(null);
  const problem = remote.data?.id === id ? remote.data : undefined;
  const back = <Button icon={<ArrowLeftOutlined />} onClick={onBack}>{t('problems.back')}</Button>;
  if (!problem) return <>{back}<div style={{ marginTop: 16 }}>{remote.error ? <ErrorAlert message={remote.error} onRetry={remote.reload} /> : <Spin />}</div></>;

  const manages = can('problems.manage');
  const active = isProblemActive(problem.status);
  // Ways to end the problem from where it stands: closed once resolved; unresolvable or erroneous while being worked on.
  const endings: ProblemEnding[] = active ? ['unresolvable', 'erroneous'] : problem.status === 'resolved' ? ['closed'] : [];
  const path = `/problems/${problem.id}`;
  const unlink = async (request: LinkedRequest) => {
    setUnlinking(request.id);
    try {
      await post(`${path}/requests/unlink`, { requestIds: [request.id] });
      void message.success(t('problems.unlinked', { number: request.number }));
      remote.reload();
    } catch (error) {
      void message.error(describeError(error, i18n));
    } finally {
      setUnlinking(null);
    }
  };

  const columns: TableColumnsType<LinkedRequest> = [
    { title: t('problems.request'), dataIndex: 'number', render: (number: string, request) => <Link to={`/workspace/requests?request=${request.id}`}>{number}</Link> },
    { title: t('problems.subject'), dataIndex: 'subject' },
    {
      title: t('problems.requestStatus'),
      dataIndex: 'status',
      render: (status: string, request) => (
        <Flex gap={4} wrap>
          <Tag color={request.isOpen ? 'blue' : undefined} data-testid="linked-status">{tOr(`status.${status}`, status)}</Tag>
          {request.resolvedByProblem && <Tag color="green">{t('problems.resolvedByProblem')}</Tag>}
        </Flex>
      ),
    },
    ...(manages && active ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, request: LinkedRequest) => <Button size="small" loading={unlinking === request.id} onClick={() => void unlink(request)}>{t('problems.unlink')}</Button> }] : []),
  ];
  const hidden = problem.linkedCount - problem.requests.length;
  const ending = PROBLEM_ENDINGS.find((candidate) => candidate === dialog);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        {back}
        <Button onClick={remote.reload}>{t('common.reload')}</Button>
      </Flex>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {problem.number} · {problem.subject}
      </Typography.Title>
      {manages && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {active && <Button onClick={() => setDialog('link')}>{t('problems.link')}</Button>}
          {active && <Button onClick={() => setDialog('solution')}>{t('problems.editSolution')}</Button>}
          {active && <Button type="primary" onClick={() => setDialog('resolve')}>{t('problems.resolve')}</Button>}
          {endings.map((ending) => <Button key={ending} onClick={() => setDialog(ending)}>{t(`problems.end.${ending}`)}</Button>)}
          {!active && <Button onClick={() => setDialog('reopen')}>{t('problems.reopen')}</Button>}
        </Flex>
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'status', label: t('problems.status'), children: <ProblemStatusTag status={problem.status} /> },
            { key: 'mass', label: t('problems.isMass'), children: problem.isMass ? t('common.yes') : t('common.no') },
            { key: 'linked', label: t('problems.linked'), children: <span data-testid="problem-linked-count">{problem.linkedCount}</span> },
            { key: 'created', label: t('problems.created.at'), children: formatInstant(problem.createdAt, locale) },
            { key: 'resolved', label: t('problems.resolvedAt'), children: formatInstant(problem.resolvedAt, locale) },
          ]}
        />
        {problem.description && <RichText html={problem.description} testId="problem-description" />}
      </Card>
      <Card size="small" title={t('problems.editSolution')} style={{ marginBottom: 16 }}>
        {!problem.knownSolution && !problem.workaround && <Typography.Text type="secondary">{t('problems.noSolution')}</Typography.Text>}
        {problem.knownSolution && (
          <>
            <Typography.Text strong>{t('problems.knownSolution')}</Typography.Text>
            <RichText html={problem.knownSolution} testId="problem-known-solution" />
          </>
        )}
        {problem.workaround && (
          <>
            <Typography.Text strong>{t('problems.workaround')}</Typography.Text>
            <RichText html={problem.workaround} testId="problem-workaround" />
          </>
        )}
      </Card>
      <Card size="small" title={t('knowledge.tab')} style={{ marginBottom: 16 }}>
        <LinkedArticles path={`/problems/${problem.id}/articles`} editable={manages && can('knowledge.read')} />
      </Card>
      <Card size="small" title={t('problems.linked')}>
        <Table<LinkedRequest>
          aria-label={t('problems.linked')}
          rowKey="id"
          size="small"
          dataSource={problem.requests}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.noRequests')} /> }}
          onRow={(request) => ({ 'data-testid': `linked-${request.number}` }) as React.HTMLAttributes<HTMLElement>}
          scroll={{ x: true }}
        />
        {hidden > 0 && <Typography.Text type="secondary">{t('problems.hiddenRequests', { count: hidden })}</Typography.Text>}
      </Card>
      {dialog === 'solution' && <SolutionModal problem={problem} onClose={() => setDialog(null)} onSaved={remote.reload} />}
      {dialog === 'link' && <LinkRequestsModal problemId={problem.id} onClose={() => setDialog(null)} onSaved={remote.reload} />}
      {dialog === 'resolve' && <ReasonModal title={t('problems.resolve')} label={t('problems.resolveReason')} done={t('problems.resolved')} path={`${path}/resolve`} onClose={() => setDialog(null)} onSaved={remote.reload} />}
      {ending && (
        <ReasonModal title={t(`problems.end.${ending}`)} label={t(`problems.endReason.${ending}`)} done={t('problems.ended')} path={`${path}/end`} body={{ outcome: ending }} onClose={() => setDialog(null)} onSaved={remote.reload} />
      )}
      {dialog === 'reopen' && <ReasonModal title={t('problems.reopen')} label={t('problems.reopenReason')} done={t('problems.reopened')} path={`${path}/reopen`} onClose={() => setDialog(null)} onSaved={remote.reload} />}
    </>
  );
}
