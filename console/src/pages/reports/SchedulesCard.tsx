import { Button, Card, Empty, Form, Input, List, Popconfirm, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { post, put, remove } from '../../api/client';
import { useRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { EXPORT_FORMATS } from '../../../../server/src/reports/definitions/report-vocabulary';
import type { ScheduleInput, ScheduleRecord } from './types';

/** The caller's own e-mail schedules of one report: each mails the report as a file on its recurrence. */
export function SchedulesCard({ definitionId }: { definitionId: number }) {
  const { t, locale } = useI18n();
  const schedules = useRemote<ScheduleRecord[]>('/reports/schedules');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Omit<ScheduleInput, 'definitionId'>>();
  const mine = (schedules.data ?? []).filter((schedule) => schedule.definitionId === definitionId);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Card size="small" title={t('reports.schedules')} extra={<Button size="small" onClick={() => setAdding(true)}>{t('reports.schedule.new')}</Button>} data-testid="report-schedules">
      <ErrorAlert message={schedules.error} onRetry={schedules.reload} />
      {mine.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.schedule.none')} />
      ) : (
        <List
          size="small"
          dataSource={mine}
          renderItem={(schedule) => (
            <List.Item
              actions={[
                <Switch key="active" size="small" checked={schedule.active} onChange={(active) => void put(`/reports/schedules/${schedule.id}`, { active }).then(schedules.reload)} />,
                <Popconfirm key="delete" title={t('common.delete')} onConfirm={() => remove(`/reports/schedules/${schedule.id}`).then(schedules.reload)}>
                  <Button size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>,
              ]}
            >
              <Space wrap>
                <Tag>{schedule.format.toUpperCase()}</Tag>
                <code>{schedule.cron}</code>
                <span>{schedule.timeZone}</span>
                <span>{schedule.recipients.join(', ')}</span>
                {schedule.nextRunAt && <span>{t('reports.schedule.next')}: {formatInstant(schedule.nextRunAt, locale)}</span>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {adding && (
        <FormModal
          title={t('reports.schedule.new')}
          form={form}
          initialValues={{ format: 'xlsx', cron: '0 7 * * 1', timeZone: browserZone, recipients: [] }}
          onSubmit={(values) => post('/reports/schedules', { ...values, definitionId }).then(schedules.reload)}
          onClose={() => setAdding(false)}
        >
          <Form.Item name="format" label={t('reports.schedule.format')}>
            <Select options={EXPORT_FORMATS.map((value) => ({ value, label: value.toUpperCase() }))} />
          </Form.Item>
          <Form.Item name="recipients" label={t('reports.schedule.recipients')} rules={[{ required: true, message: t('common.required') }]}>
            <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
          </Form.Item>
          <Form.Item name="cron" label={t('reports.schedule.cron')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="timeZone" label={t('reports.schedule.timeZone')}>
            <Input />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
