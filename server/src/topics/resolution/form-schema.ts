import type { ResolvedForm } from './resolved';
import { maskSchemaPattern, valueSchema, type JsonSchema } from './value-types';

/**
 * The JSON Schema of a request form at one step, built from the resolver's output: hidden attributes
 * are left out, read-only ones are marked, required ones listed. `x-docket-*` annotations carry what
 * JSON Schema has no word for (the attribute group, the input mask as a pattern).
 */
export function buildFormSchema(form: ResolvedForm): JsonSchema {
  const shown = form.attributes.filter((attribute) => !attribute.hidden);
  const properties: Record<string, JsonSchema> = {};
  for (const attribute of shown) {
    const maskPattern = maskSchemaPattern(attribute);
    properties[attribute.code] = {
      ...valueSchema(attribute, attribute.allowedValues),
      title: attribute.name,
      ...(attribute.description ? { description: attribute.description } : {}),
      ...(attribute.readOnly ? { readOnly: true } : {}),
      ...(attribute.default !== null && attribute.default !== undefined ? { default: attribute.default } : {}),
      ...(maskPattern ? { 'x-docket-mask-pattern': maskPattern } : {}),
      'x-docket-group': attribute.group?.id ?? null,
    };
  }
  return {
    type: 'object',
    title: form.topic.name,
    properties,
    required: shown.filter((attribute) => attribute.required).map((attribute) => attribute.code),
    additionalProperties: false,
    'x-docket-groups': form.groups.map((group) => ({ ...group, attributes: shown.filter((attribute) => attribute.group?.id === group.id).map((attribute) => attribute.code) })),
  };
}
