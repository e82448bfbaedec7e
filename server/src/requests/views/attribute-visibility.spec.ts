import type { AttributeDef, BindingDef, TopicConfiguration } from '../../topics/resolution/definitions';
import { hiddenFieldPaths, visibleAttributeCodes } from './attribute-visibility';

const attribute = (id: number, code: string, fields: Partial<AttributeDef> = {}): AttributeDef => ({
  id, code, name: code, description: null, valueType: 'string', scale: null, dictionaryCode: null, queryCode: null, multiple: false, defaultValue: null,
  required: false, hidden: false, readOnly: false, mask: null, regex: null, min: null, max: null, active: true, listColumn: false, order: id, attributeGroupId: null, ...fields,
});
const binding = (id: number, nodeId: number, attributeId: number, fields: Partial<BindingDef> = {}): BindingDef => ({ id, nodeId, attributeId, required: null, hidden: null, readOnly: null, defaultValue: null, order: 0, ...fields });

const configuration: TopicConfiguration = {
  nodes: [
    { id: 1, code: 'GROUP', name: 'Group', kind: 'group', parentId: null, active: true, order: 0 },
    { id: 2, code: 'A', name: 'A', kind: 'topic', parentId: 1, active: true, order: 0 },
    { id: 3, code: 'B', name: 'B', kind: 'topic', parentId: 1, active: true, order: 1 },
  ],
  groups: [],
  attributes: [
    attribute(10, 'CITY'),
    attribute(11, 'SECRET', { hidden: true }),
    attribute(12, 'SHOWN_IN_B', { hidden: true }),
    attribute(13, 'HIDDEN_IN_A'),
    attribute(14, 'BY_RULE', { hidden: { rule: { '==': [{ var: 'client.category' }, 'VIP'] } } }),
    attribute(15, 'UNBOUND'),
  ],
  bindings: [binding(1, 1, 10), binding(2, 1, 11), binding(3, 3, 12, { hidden: false }), binding(4, 2, 13, { hidden: true }), binding(5, 3, 13), binding(6, 2, 14)],
};

describe('visibleAttributeCodes', () => {
  it('shows an attribute some topic shows, hides one hidden everywhere or bound nowhere', () => {
    expect([...visibleAttributeCodes(configuration)].sort()).toEqual(['BY_RULE', 'CITY', 'HIDDEN_IN_A', 'SHOWN_IN_B']);
  });

  it('names the path of each filter on an attribute the user cannot see', () => {
    const visible = visibleAttributeCodes(configuration);
    const fields = [
      { path: 'filters.0.field', field: 'priority' },
      { path: 'filters.1.field', field: 'attr.SECRET' },
      { path: 'sort.0.field', field: 'attr.CITY' },
      { path: 'by', field: 'attr.UNBOUND' },
    ];
    expect(hiddenFieldPaths(fields, visible)).toEqual([
      { path: 'filters.1.field', message: '"attr.SECRET" is not shown to you in any topic' },
      { path: 'by', message: '"attr.UNBOUND" is not shown to you in any topic' },
    ]);
  });
});
