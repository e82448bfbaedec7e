import { Button, Card, Col, List, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get, remove } from '../../api/client';
import { describeError } from '../../api/errors';
import { useRemote } from '../../api/hooks';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { ReportFormModal } from './ReportFormModal';
import { ReportResultView } from './ReportResultView';
import { SchedulesCard } from './SchedulesCard';
import type { ReportRecord, ReportRun } from './types';

/** Reports: the built-in ones and the user's own, each run over the queues the user may read, shown, charted, downloaded and mailed. */
export default function ReportsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useAuth();
  const definitions = useRemote<ReportRecord[]>('/reports/definitions');
  const [selected, setSelected] = useState<number | null>(null);
  const [run, setRun] = useState<ReportRun | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ReportRecord | 'new' | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (selected === null) return;
    let current = true;
    setRunError(null);
    get<ReportRun>(`/reports/definitions/${selected}/run`).then(
      (result) => current && setRun(result),
      (error: unknown) => current && setRunError(describeError(error, i18n)),
    );
    return () => {
      current = false;
    };
  }, [selected, generation, i18n]);

  const chosen = definitions.data?.find((report) => report.id === selected);
  return (
    <>
      <PageHeader title={t('nav.reports')} actions={can('reports.manage') && <Button type="primary" onClick={() => setEditing('new')}>{t('reports.new')}</Button>} />
      <ErrorAlert message={definitions.error} onRetry={definitions.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Card size="small" title={t('reports.definitions')} loading={!definitions.data}>
            <List
              size="small"
              dataSource={definitions.data ?? []}
              renderItem={(report) => (
                <List.Item style={{ cursor: 'pointer', background: report.id === selected ? '#e6f4ff' : undefined }} onClick={() => setSelected(report.id)} data-testid={`report-${report.code}`}>
                  <List.Item.Meta title={<Space>{report.name}{report.builtIn && <Tag>{t('reports.builtIn')}</Tag>}</Space>} description={report.description} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          {chosen ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Button onClick={() => setGeneration((value) => value + 1)}>{t('reports.run')}</Button>
                {can('reports.manage') && !chosen.builtIn && (
                  <>
                    <Button onClick={() => setEditing(chosen)}>{t('common.edit')}</Button>
                    <Popconfirm title={t('reports.deleteConfirm')} onConfirm={() => remove(`/reports/definitions/${chosen.id}`).then(() => (setSelected(null), setRun(null), definitions.reload()))}>
                      <Button danger>{t('common.delete')}</Button>
                    </Popconfirm>
                  </>
                )}
              </Space>
              <ErrorAlert message={runError} onRetry={() => setGeneration((value) => value + 1)} />
              {run && run.report.id === chosen.id && <ReportResultView run={run} />}
              {can('reports.manage') && <SchedulesCard definitionId={chosen.id} />}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('reports.choose')}</Typography.Text>
          )}
        </Col>
      </Row>
      {editing && (
        <ReportFormModal
          report={editing === 'new' ? null : editing}
          onSaved={(saved) => {
            definitions.reload();
            setSelected(saved.id);
            setGeneration((value) => value + 1);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
