import type { ContextSchema } from '../../../../rules/index';
import type { AttributeDef } from './definitions';
import { VALUE_TYPE_SPECS } from './value-types';

/** The parts of Docket's evaluation context every topic has (see the rules contract). */
export const STANDARD_CONTEXT: ContextSchema = {
  'request.priority': { type: 'number' },
  'request.type': { type: 'string' },
  'request.status': { type: 'string' },
  'request.topic': { type: 'string', description: 'topic code' },
  'client.category': { type: 'string' },
  'client.priority': { type: 'number' },
  'client.region': { type: 'string' },
  'client.group': { type: 'string' },
  'contact.channel': { type: 'string' },
  'contact.direction': { type: 'string' },
  'contact.place': { type: 'string' },
  'user.login': { type: 'string' },
  'user.groups': { type: 'array' },
  'user.roles': { type: 'array' },
  'step.id': { type: 'string' },
  'step.name': { type: 'string' },
};

/** What rules may read for a topic: the standard context plus `request.attributes.<CODE>` of each of its attributes. */
export function contextSchemaFor(attributes: readonly AttributeDef[]): ContextSchema {
  const schema: ContextSchema = { ...STANDARD_CONTEXT };
  for (const attribute of attributes) {
    const spec = VALUE_TYPE_SPECS[attribute.valueType];
    schema[`request.attributes.${attribute.code}`] = {
      type: attribute.multiple ? 'array' : spec.contextType,
      ...(attribute.dictionaryCode ? { dictionary: attribute.dictionaryCode } : {}),
      description: attribute.name,
    };
  }
  return schema;
}
