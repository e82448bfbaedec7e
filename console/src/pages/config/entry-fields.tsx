import { Form, Input, InputNumber, Switch } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** The code (asked only when creating: codes never change) and the name of a configuration entry. */
export function CodeNameFields({ creating }: { creating: boolean }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      {creating && (
        <Form.Item name="code" label={t('config.code')} rules={required}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('config.name')} rules={required}>
        <Input autoFocus={!creating} />
      </Form.Item>
    </>
  );
}

/** Where the entry stands among its siblings. */
export function PositionField() {
  const { t } = useI18n();
  return (
    <Form.Item name="position" label={t('config.position')}>
      <InputNumber min={0} />
    </Form.Item>
  );
}

/** Inactive entries stay on what uses them but are not offered for new use. */
export function ActiveField() {
  const { t } = useI18n();
  return (
    <Form.Item name="active" label={t('config.active')} valuePropName="checked">
      <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
    </Form.Item>
  );
}
