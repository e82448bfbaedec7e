import type { AttributeDef, BindingDef, TopicConfiguration } from './definitions';
import { buildFormSchema } from './form-schema';
import { resolveAttributes } from './resolve';
import { validateAttributeWrite } from './value-validator';

const attribute = (id: number, code: string, fields: Partial<AttributeDef> = {}): AttributeDef => ({
  id, code, name: code, description: null, valueType: 'string', scale: null, dictionaryCode: null, queryCode: null, multiple: false, defaultValue: null,
  required: false, hidden: false, readOnly: false, mask: null, regex: null, min: null, max: null, active: true, listColumn: false, order: id, attributeGroupId: null, ...fields,
});
const binding = (id: number, nodeId: number, attributeId: number, fields: Partial<BindingDef> = {}): BindingDef => ({ id, nodeId, attributeId, required: null, hidden: null, readOnly: null, defaultValue: null, order: 0, ...fields });

const configuration: TopicConfiguration = {
  nodes: [
    { id: 1, code: 'TEST', name: 'Test', kind: 'group', parentId: null, active: true, order: 0 },
    { id: 2, code: 'TERMINATION', name: 'Contract termination', kind: 'topic', parentId: 1, active: true, order: 0 },
  ],
  groups: [],
  attributes: [
    attribute(10, 'FLAG', { valueType: 'boolean', defaultValue: { fixed: true } }),
    attribute(11, 'DATE', { valueType: 'date', required: true }),
    attribute(12, 'SMS_RULE', { valueType: 'boolean', required: { rule: { '==': [{ var: 'client.category' }, 'VIP'] } } }),
    attribute(13, 'CARD', { hidden: true, mask: '99-99' }),
    attribute(14, 'AMOUNT', { valueType: 'decimal', scale: 2, min: 0, max: 1000 }),
    attribute(15, 'OLD', { active: false }),
  ],
  bindings: [binding(1, 1, 10), binding(2, 2, 11), binding(3, 2, 12), binding(4, 2, 13), binding(5, 2, 14), binding(6, 2, 15), binding(7, 2, 10, { readOnly: true })],
};

describe('resolveAttributes', () => {
  it('inherits group attributes, applies topic and step overrides, and leaves inactive ones out', () => {
    const form = resolveAttributes({ configuration, topicId: 2, context: {}, step: { stepId: 's1', attributes: { DATE: { readOnly: true } } } });
    expect(form.attributes.map((entry) => entry.code)).toEqual(['FLAG', 'DATE', 'SMS_RULE', 'CARD', 'AMOUNT']);
    const flag = form.attributes[0];
    expect(flag).toMatchObject({ boundAt: { code: 'TEST' }, readOnly: true, default: true });
    expect(flag.explanation.readOnly.chain.map((layer) => layer.source)).toEqual(['attribute', 'topic']);
    expect(form.attributes[1].explanation.readOnly).toMatchObject({ value: true, decidedBy: 'step' });
    expect(resolveAttributes({ configuration, topicId: 2, context: {}, includeInactive: true }).attributes.map((entry) => entry.code)).toContain('OLD');
  });

  it('evaluates a flag rule per context and records whether it fired', () => {
    const vip = resolveAttributes({ configuration, topicId: 2, context: { client: { category: 'VIP' } } }).attributes[2];
    const bis = resolveAttributes({ configuration, topicId: 2, context: { client: { category: 'BIS' } } }).attributes[2];
    expect([vip.required, vip.explanation.required.rule?.fired]).toEqual([true, true]);
    expect([bis.required, bis.explanation.required.rule?.fired]).toEqual([false, false]);
  });
});

describe('resolving against a cached (frozen) configuration', () => {
  const frozen = structuredClone(configuration);
  const freeze = (value: unknown) => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(freeze);
      Object.freeze(value);
    }
  };
  freeze(frozen);

  it('answers the same frozen attribute while no rule decides it, and evaluates rules every time', () => {
    const vip = resolveAttributes({ configuration: frozen, topicId: 2, context: { client: { category: 'VIP' } } });
    const bis = resolveAttributes({ configuration: frozen, topicId: 2, context: { client: { category: 'BIS' } } });
    expect(bis.attributes[1]).toBe(vip.attributes[1]);
    expect(Object.isFrozen(vip.attributes[1].explanation.required)).toBe(true);
    expect([vip.attributes[2].required, bis.attributes[2].required]).toEqual([true, false]);
    expect(bis.attributes[2]).not.toBe(vip.attributes[2]);
    // The same answers as from a configuration that is not kept.
    expect(JSON.stringify(bis)).toBe(JSON.stringify(resolveAttributes({ configuration, topicId: 2, context: { client: { category: 'BIS' } } })));
  });

  it('applies a step every time, and does not keep what the step decided', () => {
    const step = { stepId: 's1', attributes: { DATE: { readOnly: true } } };
    const atStep = resolveAttributes({ configuration: frozen, topicId: 2, context: {}, step });
    const plain = resolveAttributes({ configuration: frozen, topicId: 2, context: {} });
    expect([atStep.attributes[1].readOnly, plain.attributes[1].readOnly]).toEqual([true, false]);
  });
});

describe('form schema and attribute writes', () => {
  const form = resolveAttributes({ configuration, topicId: 2, context: { client: { category: 'VIP' } } });

  it('leaves hidden attributes out and lists required ones', () => {
    const schema = buildFormSchema(form);
    expect(Object.keys(schema.properties as object)).toEqual(['FLAG', 'DATE', 'SMS_RULE', 'AMOUNT']);
    expect(schema.required).toEqual(['DATE', 'SMS_RULE']);
  });

  it('refuses hidden and read-only attributes, bad values and missing required ones, in English and Russian', () => {
    const write = { values: { CARD: '12-34', FLAG: false, AMOUNT: 1.234, DATE: '2025-13-01', NOPE: 1 }, enforceRequired: true };
    expect(validateAttributeWrite(form.attributes, { ...write, language: 'en' })).toEqual([
      { path: 'CARD', message: 'this attribute is hidden and cannot be set' },
      { path: 'FLAG', message: 'this attribute is read-only and cannot be set' },
      { path: 'AMOUNT', message: 'must have at most 2 digits after the point' },
      { path: 'DATE', message: 'must match format "date"' },
      { path: 'NOPE', message: 'this topic has no such attribute' },
      { path: 'SMS_RULE', message: 'a value is required' },
    ]);
    const russian = validateAttributeWrite(form.attributes, { ...write, language: 'ru' });
    expect(russian.map((issue) => issue.message)).toEqual(['атрибут скрыт, его нельзя задать', 'атрибут только для чтения, его нельзя задать', 'должно иметь не более 2 знаков после запятой', 'должно соответствовать формату "date"', 'у этой темы нет такого атрибута', 'требуется значение']);
  });

  it('accepts a valid write and counts values already stored for required checks', () => {
    expect(validateAttributeWrite(form.attributes, { values: { AMOUNT: 12.5 }, current: { DATE: '2025-01-31', SMS_RULE: true }, enforceRequired: true, language: 'en' })).toEqual([]);
    expect(validateAttributeWrite(form.attributes, { values: { DATE: null }, current: { DATE: '2025-01-31', SMS_RULE: true }, enforceRequired: true, language: 'en' })).toEqual([{ path: 'DATE', message: 'a value is required' }]);
    expect(validateAttributeWrite(form.attributes, { values: {}, enforceRequired: false, language: 'en' })).toEqual([]);
  });
});
