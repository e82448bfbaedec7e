import { explain, safeEvaluate, truthy, type EvaluationOptions } from '../../../../rules/index';
import { FLAGS, isRuleSetting, type AttributeDef, type DefaultSetting, type FlagName, type FlagSetting, type StepOverrides, type TopicConfiguration } from './definitions';
import { attributeLayersFor, defaultChain, flagChain, type AttributeLayers } from './layers';
import type { DefaultExplanation, Explanation, ExplanationLayer, FlagExplanation, ResolvedAttribute, ResolvedForm, RuleEvaluation } from './resolved';
import { pathToNode } from './tree';
import { deepFrozen } from '../../common/deep-frozen';

export interface ResolveInput {
  configuration: TopicConfiguration;
  topicId: number;
  /** The route step's attribute overrides, from the route model. */
  step?: StepOverrides | null;
  /** The evaluation context: `{ request: { attributes }, client, contact, user, step, now }`. */
  context: Record<string, unknown>;
  /** Inactive attributes stay on existing requests; new ones do not offer them. */
  includeInactive?: boolean;
  /** Items of the dictionaries the topic's attributes refer to, by dictionary code, when the caller has them. */
  dictionaryValues?: Record<string, unknown[]>;
  options?: EvaluationOptions;
}

/**
 * The one effective-attributes resolver: for a topic, a route step and a request context, each attribute's
 * flags, default and allowed values, and why — attribute → group inheritance → topic → step → rule.
 */
export function resolveAttributes(input: ResolveInput): ResolvedForm {
  const path = pathToNode(input.configuration.nodes, input.topicId);
  const topic = path[path.length - 1];
  if (!topic || topic.id !== input.topicId) throw new Error(`topic ${input.topicId} is not in the configuration`);
  const step = input.step ?? null;
  const context = withStep(input.context, step);
  const attributes = preparedAttributes(input.configuration, input.topicId, input.includeInactive ?? false).map((prepared) => resolveOne(prepared, input, step, context));
  const groups = [...new Map(attributes.filter((attribute) => attribute.group).map((attribute) => [attribute.group!.id, attribute.group!])).values()];
  return {
    topic: { id: topic.id, code: topic.code, name: topic.name, kind: topic.kind, active: topic.active },
    path: path.map(({ id, code, name, kind }) => ({ id, code, name, kind })),
    step: step ? { id: step.stepId, name: step.stepName } : null,
    attributes,
    groups,
  };
}

/** What resolving an attribute of a topic owes to the configuration alone: the same for every request and step. */
interface PreparedAttribute {
  layers: AttributeLayers;
  own: Omit<AttributeDef, FlagName | 'defaultValue' | 'attributeGroupId'>;
  /** Without the step's layer, which each resolution adds. */
  flagChains: Record<FlagName, ExplanationLayer<FlagSetting>[]>;
  defaultChain: ExplanationLayer<DefaultSetting | null>[];
  boundAt: { id: number; code: string };
  /** No rule decides a flag or the default: without a step, every resolution answers the same, so it is kept. */
  fixed: boolean;
  resolved?: ResolvedAttribute;
}

/** By configuration (a cached one serves every request of its revision), then topic and inactive ones or not. */
const prepared = new WeakMap<TopicConfiguration, Map<string, readonly PreparedAttribute[]>>();

function preparedAttributes(configuration: TopicConfiguration, topicId: number, includeInactive: boolean): readonly PreparedAttribute[] {
  let byTopic = prepared.get(configuration);
  if (!byTopic) prepared.set(configuration, (byTopic = new Map()));
  const key = `${topicId}:${includeInactive}`;
  let attributes = byTopic.get(key);
  if (!attributes) {
    attributes = attributeLayersFor(configuration, topicId, includeInactive).map((layers) => {
      const { defaultValue: _default, attributeGroupId: _group, required: _required, hidden: _hidden, readOnly: _readOnly, ...own } = layers.attribute;
      // Frozen: every resolution shares them, and none may change what the next one reads.
      const flagChains = Object.fromEntries(FLAGS.map((flag) => [flag, frozenChain(flagChain(layers, flag, topicId, null))])) as Record<FlagName, ExplanationLayer<FlagSetting>[]>;
      const defaults = frozenChain(defaultChain(layers, topicId));
      const fixed = FLAGS.every((flag) => !isRuleSetting(flagDecider(flagChains[flag]).setting)) && !isRuleSetting(defaultDecider(defaults).setting);
      return { layers, own, flagChains, defaultChain: defaults, boundAt: Object.freeze({ id: layers.boundAt.id, code: layers.boundAt.code }), fixed };
    });
    byTopic.set(key, attributes);
  }
  return attributes;
}

function resolveOne(attribute: PreparedAttribute, input: ResolveInput, step: StepOverrides | null, context: Record<string, unknown>): ResolvedAttribute {
  // Only a cached configuration (frozen, see configuration-cache.ts) is shared long enough to be worth it.
  const keep = attribute.fixed && !step && !(attribute.layers.attribute.dictionaryCode && input.dictionaryValues) && Object.isFrozen(input.configuration);
  if (keep && attribute.resolved) return attribute.resolved;
  const flags = {} as Record<FlagName, FlagExplanation>;
  for (const flag of FLAGS) flags[flag] = resolveFlag(step ? flagChain(attribute.layers, flag, input.topicId, step) : attribute.flagChains[flag], context, input.options);
  const defaultExplanation = resolveDefault(attribute.defaultChain, context, input.options);
  const resolved: ResolvedAttribute = {
    ...attribute.own,
    required: flags.required.value,
    hidden: flags.hidden.value,
    readOnly: flags.readOnly.value,
    default: defaultExplanation.value,
    allowedValues: allowedValuesOf(attribute.layers, input.dictionaryValues),
    group: attribute.layers.group,
    boundAt: attribute.boundAt,
    explanation: { ...flags, default: defaultExplanation },
  };
  // Shared by every later resolution, so nobody may change it.
  if (keep) attribute.resolved = deepFrozen(resolved);
  return resolved;
}

/** The chain and its layers; the settings stay the configuration's own. */
function frozenChain<S>(chain: ExplanationLayer<S>[]): ExplanationLayer<S>[] {
  for (const layer of chain) {
    if (layer.node) Object.freeze(layer.node);
    Object.freeze(layer);
  }
  return Object.freeze(chain) as ExplanationLayer<S>[];
}

/** The most specific layer decides a flag. */
const flagDecider = <S>(chain: ExplanationLayer<S>[]) => chain[chain.length - 1];

/** The most specific layer that sets a default decides it; without one, the attribute's own (none). */
const defaultDecider = <S>(chain: ExplanationLayer<S | null>[]) => chain.findLast((layer) => layer.setting !== null) ?? chain[0];

/** The most specific layer decides; a rule there is evaluated, and a rule that fails counts as false. */
function resolveFlag(chain: ExplanationLayer<FlagSetting>[], context: Record<string, unknown>, options?: EvaluationOptions): FlagExplanation {
  const decider = flagDecider(chain);
  if (!isRuleSetting(decider.setting)) return { value: decider.setting, chain, decidedBy: decider.source };
  const rule = evaluateRule(decider.setting.rule, context, options);
  return { value: rule.fired, chain, decidedBy: decider.source, rule };
}

function resolveDefault(chain: ExplanationLayer<DefaultSetting | null>[], context: Record<string, unknown>, options?: EvaluationOptions): DefaultExplanation {
  const decider = defaultDecider(chain);
  const setting = decider.setting;
  if (setting === null) return { value: null, chain, decidedBy: decider.source };
  if (!isRuleSetting(setting)) return { value: setting.fixed, chain, decidedBy: decider.source };
  const rule = evaluateRule(setting.rule, context, options);
  const explanation: Explanation<DefaultSetting | null, unknown> = { value: rule.error ? null : (rule.value ?? null), chain, decidedBy: decider.source, rule };
  return explanation;
}

function evaluateRule(rule: unknown, context: Record<string, unknown>, options?: EvaluationOptions): RuleEvaluation {
  const outcome = safeEvaluate(rule, context, options);
  if (!outcome.ok) return { rule, fired: false, error: outcome.error };
  return { rule, value: outcome.value, fired: truthy(outcome.value), trace: explain(rule, context, options).trace };
}

function allowedValuesOf(layers: AttributeLayers, dictionaryValues?: Record<string, unknown[]>): unknown[] | null {
  if (layers.attribute.valueType === 'boolean') return [true, false];
  const code = layers.attribute.dictionaryCode;
  return code && dictionaryValues?.[code] ? [...dictionaryValues[code]] : null;
}

/** Rules may ask which step they are evaluated for. */
function withStep(context: Record<string, unknown>, step: StepOverrides | null): Record<string, unknown> {
  if (!step || context.step !== undefined) return context;
  return { ...context, step: { id: step.stepId, name: step.stepName } };
}
