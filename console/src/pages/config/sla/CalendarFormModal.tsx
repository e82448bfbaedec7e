import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { savingNested } from '../field-errors';
import type { CalendarRecord } from '../types';
import { calendarFieldOf, CalendarForm, calendarToForm, formToCalendar, WEEKDAYS } from './calendar-form';
import { CodeNameFields } from '../entry-fields';

type Values = CalendarForm & { code: string; name: string };

const TIME_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone })) : [];
const TIME = { pattern: /^([01]\d|2[0-4]):[0-5]\d$/, placeholder: 'HH:MM' };

/** The intervals of one day ('09:00'–'13:00', '14:00'–'18:00'), each with its own From and To. */
function HoursList({ name, label }: { name: (string | number)[]; label: string }) {
  const { t } = useI18n();
  const time = [{ pattern: TIME.pattern, message: TIME.placeholder }];
  const suffix = (index: number) => (index === 0 ? '' : ` ${index + 1}`);
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex gap={8} wrap align="baseline">
          {fields.map((field, index) => (
            <Flex key={field.key} gap={4} align="baseline">
              <Form.Item name={[field.name, 'start']} rules={time} style={{ marginBottom: 0 }}>
                <Input placeholder={TIME.placeholder} aria-label={`${label} ${t('sla.calendar.start')}${suffix(index)}`} style={{ width: 80 }} />
              </Form.Item>
              —
              <Form.Item name={[field.name, 'end']} rules={time} style={{ marginBottom: 0 }}>
                <Input placeholder={TIME.placeholder} aria-label={`${label} ${t('sla.calendar.end')}${suffix(index)}`} style={{ width: 80 }} />
              </Form.Item>
              {index > 0 && <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${label}${suffix(index)}`} onClick={() => remove(field.name)} />}
            </Flex>
          ))}
          <Button type="text" size="small" icon={<PlusOutlined />} aria-label={`${t('sla.calendar.addHours')} ${label}`} title={t('sla.calendar.addHours')} onClick={() => add({ start: '14:00', end: '18:00' })} />
        </Flex>
      )}
    </Form.List>
  );
}

/** Working hours per weekday, holidays, moved working days and dates with hours of their own, in one time zone. */
export function CalendarFormModal({ calendar, onClose, onSaved }: { calendar?: CalendarRecord; onClose(): void; onSaved(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];

  const save = ({ code, name, ...rest }: Values) =>
    savingNested(
      form,
      i18n,
      async () => {
        const definition = formToCalendar(rest);
        if (calendar) await patch(`/sla/calendars/${calendar.id}`, { name, definition });
        else await post('/sla/calendars', { code, name, definition });
        onSaved();
      },
      calendarFieldOf,
    );

  const initialValues: Partial<Values> = { ...calendarToForm(calendar?.definition), name: calendar?.name };

  return (
    <FormModal<Values> width={720} title={calendar ? t('sla.calendar.edit', { code: calendar.code }) : t('sla.calendar.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      <CodeNameFields creating={!calendar} />
      <Form.Item name="timeZone" label={t('sla.calendar.timeZone')} rules={required}>
        <AutoComplete options={TIME_ZONES} filterOption={(input, option) => String(option?.value).toLowerCase().includes(input.toLowerCase())} />
      </Form.Item>
      <Typography.Text strong>{t('sla.calendar.week')}</Typography.Text>
      <Flex vertical gap={4} style={{ margin: '8px 0 16px' }} data-testid="calendar-week">
        {WEEKDAYS.map((day) => (
          <Flex key={day} gap={8} align="baseline">
            <Form.Item name={['week', day, 'on']} valuePropName="checked" style={{ marginBottom: 0, width: 160 }}>
              <Checkbox>{t(`sla.weekday.${day}`)}</Checkbox>
            </Form.Item>
            <Form.Item noStyle dependencies={[['week', day, 'on']]}>
              {() =>
                form.getFieldValue(['week', day, 'on']) ? (
                  <HoursList name={['week', day, 'hours']} label={t(`sla.weekday.${day}`)} />
                ) : (
                  <Typography.Text type="secondary">{t('sla.calendar.dayOff')}</Typography.Text>
                )
              }
            </Form.Item>
          </Flex>
        ))}
      </Flex>
      <Form.Item name="holidays" label={t('sla.calendar.holidays')} extra={t('sla.calendar.datesHint')}>
        <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="extraWorkingDays" label={t('sla.calendar.extraWorkingDays')}>
        <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item label={t('sla.calendar.exceptions')}>
        <Form.List name="exceptions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'date']} rules={required} style={{ marginBottom: 0 }}>
                    <Input placeholder="YYYY-MM-DD" aria-label={t('sla.calendar.date')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dayOff']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Switch checkedChildren={t('sla.calendar.dayOff')} unCheckedChildren={t('sla.calendar.workingDay')} />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['exceptions', field.name, 'dayOff']]}>
                    {() => !form.getFieldValue(['exceptions', field.name, 'dayOff']) && <HoursList name={[field.name, 'hours']} label={`${t('sla.calendar.date')} ${field.name + 1}`} />}
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ date: '', dayOff: false, hours: [{ start: '09:00', end: '15:00' }] })} style={{ alignSelf: 'flex-start' }}>
                {t('sla.calendar.addException')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
