import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, TableColumnsType, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useRemote } from '../../../api/hooks';
import { useAuth } from '../../../auth/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import type { CalendarRecord, PolicyRecord } from '../types';
import { CalendarFormModal } from './CalendarFormModal';
import { calendarToForm, WEEKDAYS } from './calendar-form';
import { PolicyFormModal } from './PolicyFormModal';

/** Business calendars and the SLA policies counted on them; sla.read shows them, sla.manage changes them. */
export default function SlaPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const manage = can('sla.manage');
  const calendars = useRemote<CalendarRecord[]>('/sla/calendars');
  const policies = useRemote<PolicyRecord[]>('/sla/policies');
  const [calendar, setCalendar] = useState<CalendarRecord | 'new' | null>(null);
  const [policy, setPolicy] = useState<PolicyRecord | 'new' | null>(null);
  const calendarCode = (id: number) => calendars.data?.find((candidate) => candidate.id === id)?.code ?? `#${id}`;
  const status = (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>);
  const editButton = (onClick: () => void) =>
    manage && (
      <Button size="small" onClick={onClick}>
        {t('common.edit')}
      </Button>
    );
  const createButton = (text: string, onClick: () => void) =>
    manage && (
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
          {text}
        </Button>
      </Flex>
    );

  const week = (record: CalendarRecord) => {
    const form = calendarToForm(record.definition);
    return WEEKDAYS.filter((day) => form.week[day].on)
      .map((day) => `${t(`sla.weekday.${day}`).slice(0, 2)} ${form.week[day].hours.map((hours) => `${hours.start}–${hours.end}`).join(' ')}`)
      .join(', ');
  };

  const calendarColumns: TableColumnsType<CalendarRecord> = [
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('sla.calendar.timeZone'), key: 'timeZone', render: (_, record) => record.definition.timeZone ?? 'UTC' },
    { title: t('sla.calendar.week'), key: 'week', render: (_, record) => week(record) },
    { title: t('sla.calendar.holidays'), key: 'holidays', render: (_, record) => (record.definition.holidays ?? []).length },
    { title: t('common.actions'), key: 'actions', render: (_, record) => editButton(() => setCalendar(record)) },
  ];

  const policyColumns: TableColumnsType<PolicyRecord> = [
    { title: t('sla.policy.rank'), dataIndex: 'rank', width: 80 },
    { title: t('config.code'), dataIndex: 'code' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('sla.policy.calendar'), dataIndex: 'calendarId', render: calendarCode },
    { title: t('sla.policy.condition'), dataIndex: 'condition', render: (condition: unknown) => (condition === null ? t('sla.policy.everyRequest') : <code>{JSON.stringify(condition)}</code>) },
    {
      title: t('sla.policy.targets'),
      dataIndex: 'targets',
      render: (targets: PolicyRecord['targets']) =>
        Object.entries(targets)
          .map(([priority, target]) => `P${priority}: ${target.reactionMinutes ?? '—'} / ${target.resolutionMinutes ?? '—'}`)
          .join('; '),
    },
    { title: t('config.active'), dataIndex: 'active', render: status },
    { title: t('common.actions'), key: 'actions', render: (_, record) => editButton(() => setPolicy(record)) },
  ];

  return (
    <>
      <PageHeader title={t('nav.sla')} />
      <Tabs
        items={[
          {
            key: 'calendars',
            label: t('sla.tab.calendars'),
            children: (
              <>
                {createButton(t('sla.calendar.create'), () => setCalendar('new'))}
                <ErrorAlert message={calendars.error} onRetry={calendars.reload} />
                <Table<CalendarRecord> rowKey="id" size="middle" columns={calendarColumns} dataSource={calendars.data} loading={calendars.loading} pagination={false} />
              </>
            ),
          },
          {
            key: 'policies',
            label: t('sla.tab.policies'),
            children: (
              <>
                {createButton(t('sla.policy.create'), () => setPolicy('new'))}
                <ErrorAlert message={policies.error} onRetry={policies.reload} />
                <Table<PolicyRecord> rowKey="id" size="middle" columns={policyColumns} dataSource={policies.data} loading={policies.loading} pagination={false} />
              </>
            ),
          },
        ]}
      />
      {calendar && <CalendarFormModal calendar={calendar === 'new' ? undefined : calendar} onClose={() => setCalendar(null)} onSaved={calendars.reload} />}
      {policy && <PolicyFormModal policy={policy === 'new' ? undefined : policy} calendars={calendars.data ?? []} onClose={() => setPolicy(null)} onSaved={policies.reload} />}
    </>
  );
}
