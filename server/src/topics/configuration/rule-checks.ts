import { validateRule } from '../../../../rules/index';
import { FLAGS, isRuleSetting, type AttributeDef, type DefaultSetting, type FlagSetting, type TopicConfiguration } from '../resolution/definitions';
import { contextSchemaFor } from '../resolution/context-schema';
import { attributeLayersFor } from '../resolution/layers';
import type { ConfigIssue } from './attribute-checks';

type Setting = FlagSetting | DefaultSetting | null;
type ContextSchema = ReturnType<typeof contextSchemaFor>;

/** An attribute's own rules, against every attribute that exists (it may be bound anywhere). */
export function attributeRuleIssues(configuration: TopicConfiguration, attribute: AttributeDef): ConfigIssue[] {
  return settingsIssues(settingsOf(attribute), contextSchemaFor(configuration.attributes), '');
}

/**
 * Every rule that reaches a topic — of its attributes and of the bindings along its path — against what
 * that topic's requests actually hold: a rule reading an attribute the topic does not have is refused.
 */
export function topicRuleIssues(configuration: TopicConfiguration, topicId: number): ConfigIssue[] {
  const layers = attributeLayersFor(configuration, topicId, true);
  const schema = contextSchemaFor(layers.map((layer) => layer.attribute));
  const topic = configuration.nodes.find((node) => node.id === topicId)!;
  const issues: ConfigIssue[] = [];
  for (const layer of layers) {
    const where = `in topic "${topic.code}", attribute ${layer.attribute.code}`;
    issues.push(...settingsIssues(settingsOf(layer.attribute), schema, where));
    for (const { node, binding } of layer.bindings) issues.push(...settingsIssues(settingsOf(binding), schema, `${where} as bound to "${node.code}"`));
  }
  return issues;
}

function settingsOf(source: { required: Setting; hidden: Setting; readOnly: Setting; defaultValue: Setting }): Array<[string, Setting]> {
  return [...FLAGS.map((flag): [string, Setting] => [flag, source[flag]]), ['defaultValue', source.defaultValue]];
}

function settingsIssues(settings: Array<[string, Setting]>, schema: ContextSchema, where: string): ConfigIssue[] {
  return settings.flatMap(([name, setting]) => {
    if (!isRuleSetting(setting)) return [];
    return validateRule(setting.rule, schema).errors.map((issue) => ({
      path: `${name}.rule${issue.path}`,
      message: `${where ? `${where}: ` : ''}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`,
    }));
  });
}
