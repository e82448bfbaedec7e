import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { RuleEditor } from '../../../components/rules/RuleEditor';
import { useI18n } from '../../../i18n/i18n';
import { CLOCK_RULE_CONTEXT, POLICY_CONTEXT } from '../../../../../server/src/sla/policy-rules';
import { savingNested } from '../field-errors';
import type { CalendarRecord, PolicyRecord } from '../types';
import { formToPolicy, policyFieldOf, PolicyForm, policyToForm, PRIORITIES } from './policy-form';
import { ActiveField } from '../entry-fields';

const CLOCK_ACTIONS = ['pause', 'stop', 'reset'] as const;

interface Props {
  policy?: PolicyRecord;
  calendars: CalendarRecord[];
  onClose(): void;
  onSaved(): void;
}

/** Which requests a policy covers (a rule), on which calendar, with what targets, step limits and pause conditions. */
export function PolicyFormModal({ policy, calendars, onClose, onSaved }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<PolicyForm>();
  const limited = Form.useWatch('limited', form);
  const required = [{ required: true, message: t('common.required') }];

  const save = (values: PolicyForm) =>
    savingNested(
      form,
      i18n,
      async () => {
        const fields = formToPolicy(values);
        if (policy) await patch(`/sla/policies/${policy.id}`, fields);
        else await post('/sla/policies', { code: values.code, ...fields });
        onSaved();
      },
      policyFieldOf(values),
    );

  const minutes = (priority: string, field: 'reactionMinutes' | 'resolutionMinutes', label: string) => (
    <Form.Item name={['targets', priority, field]} style={{ marginBottom: 0 }}>
      <InputNumber min={1} aria-label={`${t('sla.policy.priority')} ${priority} ${label}`} style={{ width: 120 }} />
    </Form.Item>
  );

  return (
    <FormModal<PolicyForm>
      width={960}
      title={policy ? t('sla.policy.edit', { code: policy.code }) : t('sla.policy.create')}
      form={form}
      initialValues={policyToForm(policy, calendars[0]?.id)}
      onSubmit={save}
      onClose={onClose}
    >
      <Flex gap={16} wrap>
        {!policy && (
          <Form.Item name="code" label={t('config.code')} rules={required}>
            <Input autoFocus autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('config.name')} rules={required} style={{ minWidth: 280 }}>
          <Input />
        </Form.Item>
        <Form.Item name="rank" label={t('sla.policy.rank')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="calendarId" label={t('sla.policy.calendar')} rules={required} style={{ minWidth: 220 }}>
          <Select options={calendars.map((calendar) => ({ value: calendar.id, label: `${calendar.code} — ${calendar.name}` }))} />
        </Form.Item>
        <Form.Item name="warningPercent" label={t('sla.policy.warningPercent')}>
          <InputNumber min={1} max={99} />
        </Form.Item>
        <ActiveField />
      </Flex>
      <Form.Item name="limited" label={t('sla.policy.condition')} valuePropName="checked">
        <Switch checkedChildren={t('sla.policy.limitCondition')} unCheckedChildren={t('sla.policy.everyRequest')} />
      </Form.Item>
      {limited && (
        <Form.Item name="condition">
          <RuleEditor schema={POLICY_CONTEXT} />
        </Form.Item>
      )}
      <Typography.Text strong>{t('sla.policy.targets')}</Typography.Text>
      <table style={{ margin: '8px 0 16px' }} data-testid="policy-targets">
        <thead>
          <tr>
            <th style={{ textAlign: 'left', paddingRight: 16 }}>{t('sla.policy.priority')}</th>
            <th style={{ textAlign: 'left' }}>{t('sla.policy.reaction')}</th>
            <th style={{ textAlign: 'left' }}>{t('sla.policy.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((priority) => (
            <tr key={priority}>
              <td>{priority}</td>
              <td>{minutes(priority, 'reactionMinutes', t('sla.policy.reaction'))}</td>
              <td>{minutes(priority, 'resolutionMinutes', t('sla.policy.resolution'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form.Item label={t('sla.policy.stepLimits')}>
        <Form.List name="stepLimits">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'step']} rules={required} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('sla.policy.step')} aria-label={t('sla.policy.step')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minutes']} rules={required} style={{ marginBottom: 0 }}>
                    <InputNumber min={1} placeholder={t('sla.policy.minutes')} aria-label={t('sla.policy.minutes')} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ step: '', minutes: 60 })} style={{ alignSelf: 'flex-start' }}>
                {t('sla.policy.addStep')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('sla.policy.clockRules')}>
        <Form.List name="clockRules">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card key={field.key} size="small" extra={<Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />}>
                  <Flex gap={16}>
                    <Form.Item name={[field.name, 'action']} label={t('sla.policy.action')} rules={required}>
                      <Select style={{ width: 140 }} options={CLOCK_ACTIONS.map((action) => ({ value: action, label: t(`sla.policy.action.${action}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'clocks']} label={t('sla.policy.clocks')} rules={required}>
                      <Select
                        mode="multiple"
                        style={{ minWidth: 240 }}
                        options={[
                          { value: 'reaction', label: t('sla.policy.reaction') },
                          { value: 'resolution', label: t('sla.policy.resolution') },
                        ]}
                      />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[field.name, 'when']} style={{ marginBottom: 0 }}>
                    <RuleEditor schema={CLOCK_RULE_CONTEXT} />
                  </Form.Item>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ action: 'pause', clocks: ['resolution'], when: { '==': [{ var: 'request.status' }, 'waiting_customer'] } })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('sla.policy.addClockRule')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
