import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n/i18n';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

interface Values {
  entityType?: string;
  entityId?: string;
  actor?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** The journal's filters, applied on Enter or the button; empty fields filter nothing. */
export function AuditFilterBar({ onApply }: { onApply(filters: AuditFilters): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const apply = ({ entityType, entityId, actor, period }: Values) =>
    onApply({
      entityType: entityType?.trim() || undefined,
      entityId: entityId?.trim() || undefined,
      actor: actor?.trim() || undefined,
      from: period?.[0]?.startOf('day').toISOString(),
      to: period?.[1]?.endOf('day').toISOString(),
    });
  return (
    <Form<Values> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="period" label={t('audit.period')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.filter')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
