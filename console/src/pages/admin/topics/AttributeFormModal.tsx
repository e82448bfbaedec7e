import { App, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { patch, post } from '../../../api/client';
import type { Attribute, AttributeGroup, AttributeInput } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { FlagSettingInput } from '../../../components/rules/FlagSettingInput';
import { useI18n } from '../../../i18n/i18n';
import { VALUE_TYPES } from '../../../../../server/src/topics/resolution/definitions';
import { DefaultSettingInput, readValue } from './DefaultSettingInput';
import type { TopicRuleContext } from './topic-context';

type Values = Omit<AttributeInput, 'min' | 'max'> & { min?: string | null; max?: string | null };

const boundOut = (text: string | null | undefined) => (text === undefined || text === null || text.trim() === '' ? null : typeof readValue(text) === 'number' ? Number(text) : text.trim());
const boundIn = (bound: number | string | null) => (bound === null ? null : String(bound));

/** Every property of an attribute definition, its flags and default possibly driven by rules. */
export function AttributeFormModal({ attribute, groups, context, onClose, onSaved }: { attribute?: Attribute; groups: AttributeGroup[]; context: TopicRuleContext; onClose(): void; onSaved(): void }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];
  const valueType = Form.useWatch('valueType', form);
  const ruleProps = { schema: context.schema, sampleContext: context.sample };

  const save = async ({ code, min, max, ...fields }: Values) => {
    const body = {
      ...fields,
      description: fields.description || null,
      dictionaryCode: fields.dictionaryCode || null,
      queryCode: fields.queryCode || null,
      mask: fields.mask || null,
      regex: fields.regex || null,
      min: boundOut(min),
      max: boundOut(max),
    };
    if (attribute) await patch(`/attributes/${attribute.id}`, body);
    else await post('/attributes', { ...body, code } satisfies AttributeInput);
    void message.success(attribute ? t('common.saved') : t('attributes.created', { code }));
    onSaved();
  };

  const initialValues: Partial<Values> = attribute
    ? { ...attribute, min: boundIn(attribute.min), max: boundIn(attribute.max) }
    : { valueType: 'string', multiple: false, required: false, hidden: false, readOnly: false, active: true, listColumn: false, defaultValue: null, attributeGroupId: null };

  return (
    <FormModal<Values> title={attribute ? t('attributes.edit', { code: attribute.code }) : t('attributes.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose} width={960}>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="code" label={t('attributes.code')} rules={required}>
            <Input disabled={Boolean(attribute)} autoFocus autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('attributes.name')} rules={required}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('attributes.description')}>
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="valueType" label={t('attributes.valueType')} rules={required}>
            <Select options={VALUE_TYPES.map((type) => ({ value: type, label: tOr(`attributes.type.${type}`, type) }))} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="scale" label={t('attributes.scale')}>
            <InputNumber min={0} max={6} disabled={valueType !== 'decimal'} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="dictionaryCode" label={t('attributes.dictionaryCode')}>
            <Input disabled={valueType !== 'dictionary' && valueType !== 'externalDictionary'} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="queryCode" label={t('attributes.queryCode')}>
            <Input disabled={valueType !== 'dynamicQuery'} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="mask" label={t('attributes.mask')} tooltip={t('attributes.maskHint')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="regex" label={t('attributes.regex')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="min" label={t('attributes.min')} tooltip={t('attributes.boundHint')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="max" label={t('attributes.max')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="attributeGroupId" label={t('attributes.group')}>
            <Select allowClear placeholder={t('common.none')} options={groups.map((group) => ({ value: group.id, label: group.name }))} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="order" label={t('attributes.order')}>
            <InputNumber min={0} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="multiple" label={t('attributes.multiple')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="listColumn" label={t('attributes.listColumn')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="active" label={t('attributes.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="required" label={t('flags.required')}>
        <FlagSettingInput aria-label={t('flags.required')} {...ruleProps} />
      </Form.Item>
      <Form.Item name="hidden" label={t('flags.hidden')}>
        <FlagSettingInput aria-label={t('flags.hidden')} {...ruleProps} />
      </Form.Item>
      <Form.Item name="readOnly" label={t('flags.readOnly')}>
        <FlagSettingInput aria-label={t('flags.readOnly')} {...ruleProps} />
      </Form.Item>
      <Form.Item name="defaultValue" label={t('attributes.defaultValue')}>
        <DefaultSettingInput {...ruleProps} />
      </Form.Item>
    </FormModal>
  );
}
