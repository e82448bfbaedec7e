import { Button, Empty, Progress, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { DeadlineModal } from '../manager/DeadlineModal';
import type { Clock } from './types';

/** The colour of a clock: red once breached, orange past its warning point, green while in time, grey when stopped. */
export function clockColour(clock: Clock, now = Date.now()): 'red' | 'orange' | 'green' | 'default' {
  if (clock.breached || (clock.deadline && clock.state !== 'stopped' && Date.parse(clock.deadline) <= now)) return 'red';
  if (clock.state === 'stopped') return 'default';
  if (clock.warningAt && Date.parse(clock.warningAt) <= now) return 'orange';
  return 'green';
}

const STROKES = { red: '#cf1322', orange: '#d46b08', green: '#389e0d', default: '#8c8c8c' } as const;

/** The SLA clocks of a request with their deadlines and how much of the target is used. */
export function SlaClocks({ requestId, version }: { requestId: number; version: number }) {
  const { t, tOr, locale } = useI18n();
  const { can } = useAuth();
  const clocks = useRemote<Clock[]>(`/sla/requests/${requestId}/clocks`, { v: version });
  const [changing, setChanging] = useState<string | null>(null);
  const running = (clocks.data ?? []).filter((clock) => clock.state === 'running' || clock.state === 'paused').map((clock) => clock.clock);
  if (clocks.error) return <ErrorAlert message={clocks.error} onRetry={clocks.reload} />;
  if (clocks.data && !clocks.data.length) return <Empty description={t('workspace.noClocks')} />;
  return (
    <>
    {changing && <DeadlineModal requestId={requestId} clocks={running} clock={changing} onClose={() => setChanging(null)} onSaved={clocks.reload} />}
    <Table<Clock>
      rowKey="clock"
      size="small"
      pagination={false}
      loading={clocks.loading}
      dataSource={clocks.data ?? []}
      columns={[
        { title: t('sla.clock'), dataIndex: 'clock', render: (clock: string, row) => <Tag color={clockColour(row)} data-testid={`clock-${clock}`}>{tOr(`sla.clock.${clock}`, clock)}</Tag> },
        { title: t('sla.state'), dataIndex: 'state', render: (state: string, row) => (row.breached ? t('sla.breached') : tOr(`sla.state.${state}`, state)) },
        { title: t('sla.deadline'), dataIndex: 'deadline', render: (value: string | null) => formatInstant(value, locale) },
        {
          title: t('sla.used'),
          key: 'used',
          render: (_, row) => {
            const percent = row.targetMinutes ? Math.round((row.elapsedMinutes / row.targetMinutes) * 100) : 0;
            return (
              <Tooltip title={t('sla.minutes', { elapsed: Math.round(row.elapsedMinutes), target: row.targetMinutes ?? '—' })}>
                <Space>
                  <Progress percent={Math.min(percent, 100)} size="small" strokeColor={STROKES[clockColour(row)]} style={{ width: 160 }} format={() => `${percent}%`} />
                </Space>
              </Tooltip>
            );
          },
        },
        ...(can('sla.deadline')
          ? [{ title: '', key: 'actions', render: (_: unknown, row: Clock) => running.includes(row.clock) && <Button size="small" onClick={() => setChanging(row.clock)}>{t('sla.changeDeadline')}</Button> }]
          : []),
      ]}
    />
    </>
  );
}
