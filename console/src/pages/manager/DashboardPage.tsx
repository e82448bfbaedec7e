import { Button, Card, Col, Row, Space, Statistic, Tag } from 'antd';
import { useRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import type { Dashboard } from '../workspace/types';
import { BarChart } from './BarChart';
import { RatingsChart } from './RatingsChart';

const BLUE = '#1677ff';
const ORANGE = '#fa8c16';
const RED = '#cf1322';
const AGE_COLOURS = ['#52c41a', '#a0d911', '#fadb14', '#fa8c16', '#cf1322'];

/** The manager's overview: backlog per queue, how old the open requests are, breaches of the last 30 days, load per operator, the customers' ratings. */
export default function DashboardPage() {
  const { t, locale } = useI18n();
  const dashboard = useRemote<Dashboard>('/reports/dashboard');
  const data = dashboard.data;
  const open = data?.backlog.reduce((sum, row) => sum + row.open, 0) ?? 0;
  const unassigned = data?.backlog.reduce((sum, row) => sum + row.unassigned, 0) ?? 0;
  const breaches = data?.breaches.reduce((sum, row) => sum + row.breaches, 0) ?? 0;
  return (
    <>
      <PageHeader title={t('nav.dashboard')} actions={<Space>{data && <Tag>{t('dashboard.generated', { at: formatInstant(data.generatedAt, locale) })}</Tag>}<Button onClick={dashboard.reload}>{t('common.reload')}</Button></Space>} />
      <ErrorAlert message={dashboard.error} onRetry={dashboard.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}><Card size="small" loading={!data}><Statistic title={t('dashboard.open')} value={open} /></Card></Col>
        <Col xs={24} md={8}><Card size="small" loading={!data}><Statistic title={t('dashboard.unassigned')} value={unassigned} /></Card></Col>
        <Col xs={24} md={8}><Card size="small" loading={!data}><Statistic title={t('dashboard.breaches30')} value={breaches} styles={{ content: { color: breaches ? RED : undefined } }} /></Card></Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.backlog')} loading={!data}>
            <BarChart
              label={t('dashboard.backlog')}
              empty={t('dashboard.empty')}
              bars={(data?.backlog ?? []).map((row) => ({ key: row.queueId, label: row.name, parts: [{ value: row.open - row.unassigned, colour: BLUE, title: t('dashboard.assigned') }, { value: row.unassigned, colour: ORANGE, title: t('dashboard.unassigned') }] }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.age')} loading={!data}>
            <BarChart
              label={t('dashboard.age')}
              empty={t('dashboard.empty')}
              bars={(data?.age ?? []).map((row, index) => ({ key: row.bucket, label: t(`dashboard.age.${row.bucket}`), parts: [{ value: row.open, colour: AGE_COLOURS[index], title: t('dashboard.open') }] }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.breachesByQueue')} loading={!data}>
            <BarChart
              label={t('dashboard.breachesByQueue')}
              empty={t('dashboard.noBreaches')}
              bars={(data?.breaches ?? []).map((row) => ({ key: row.queueId ?? 'none', label: row.name ?? t('dashboard.noQueue'), parts: [{ value: row.breaches, colour: RED, title: t('dashboard.breaches30') }] }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.workload')} loading={!data}>
            <BarChart
              label={t('dashboard.workload')}
              empty={t('dashboard.empty')}
              bars={(data?.workload ?? []).map((row) => ({ key: row.userId, label: row.name, parts: [{ value: row.open, colour: BLUE, title: t('dashboard.open') }] }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={data && t('dashboard.ratings', { days: data.ratings.days })} loading={!data} data-testid="dashboard-ratings">
            {data && <RatingsChart ratings={data.ratings} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
