import type { AttributeValue, AttributeValueWrite } from '../storage/request-values.writer';
import type { StoredValue } from '../storage/value-columns';
import type { ValueType } from '../../topics/resolution/definitions';
import { VALUE_TYPE_SPECS } from '../../topics/resolution/value-types';

/** What converting values needs to know of an attribute. */
export interface ValueAttribute {
  id: number;
  code: string;
  valueType: ValueType;
  multiple: boolean;
}

/** Validated values by attribute code (null or [] clears) → the writes `writeRequestValues` takes. */
export function valueWrites(attributes: readonly ValueAttribute[], values: Record<string, unknown>): AttributeValueWrite[] {
  const byCode = new Map(attributes.map((attribute) => [attribute.code, attribute]));
  return Object.entries(values).map(([code, value]) => {
    const attribute = byCode.get(code);
    if (!attribute) throw new Error(`attribute ${code} was not validated against the topic`);
    const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    return { attributeId: attribute.id, kind: VALUE_TYPE_SPECS[attribute.valueType].storage, values: list as AttributeValue[] };
  });
}

export interface StoredValueRow extends StoredValue {
  attributeId: number;
  ord: number;
}

/** Stored rows → values by attribute code, in the shapes the form schema and the rules use. */
export function valuesFromRows(attributes: readonly ValueAttribute[], rows: readonly StoredValueRow[]): Record<string, unknown> {
  const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
  const lists = new Map<ValueAttribute, unknown[]>();
  for (const row of [...rows].sort((a, b) => a.ord - b.ord)) {
    const attribute = byId.get(row.attributeId);
    if (!attribute) continue;
    const list = lists.get(attribute) ?? [];
    list.push(readValue(attribute.valueType, row));
    lists.set(attribute, list);
  }
  return Object.fromEntries([...lists].map(([attribute, list]) => [attribute.code, attribute.multiple ? list : list[0]]));
}

function readValue(type: ValueType, row: StoredValue): unknown {
  switch (VALUE_TYPE_SPECS[type].storage) {
    case 'number':
      return type === 'boolean' ? Number(row.valueNumber) === 1 : Number(row.valueNumber);
    case 'instant': {
      const instant = row.valueInstant instanceof Date ? row.valueInstant : new Date(String(row.valueInstant));
      return type === 'date' ? instant.toISOString().slice(0, 10) : instant.toISOString();
    }
    case 'text':
      return row.valueText;
    default:
      return row.valueString;
  }
}
