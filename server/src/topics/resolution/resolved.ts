import type { AttributeDef, AttributeGroupDef, DefaultSetting, FlagName, FlagSetting, RuleJson, TopicNodeDef } from './definitions';

/** Where a setting came from, from the most general to the most specific. */
export type LayerSource = 'attribute' | 'group' | 'topic' | 'step';

export interface ExplanationLayer<S> {
  source: LayerSource;
  /** The tree node of a `group` or `topic` layer, the step of a `step` layer. */
  node?: { id: number; code: string; name: string };
  step?: { id?: string; name?: string };
  setting: S;
}

/** How the rule of the deciding layer evaluated. */
export interface RuleEvaluation {
  rule: RuleJson;
  /** The rule's raw result; a flag is its JSONLogic truthiness. */
  value?: unknown;
  /** Whether it held (flags) — "which rule fired". */
  fired: boolean;
  /** Set when the rule could not be evaluated; the flag is then false and the default absent. */
  error?: { code: string; message: string; path: string };
  trace?: unknown;
}

export interface Explanation<S, V> {
  value: V;
  /** Every layer that set it; the last one decided. */
  chain: ExplanationLayer<S>[];
  decidedBy: LayerSource;
  rule?: RuleEvaluation;
}

export type FlagExplanation = Explanation<FlagSetting, boolean>;
export type DefaultExplanation = Explanation<DefaultSetting | null, unknown>;

export interface ResolvedAttribute extends Omit<AttributeDef, FlagName | 'defaultValue' | 'attributeGroupId'> {
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  default: unknown;
  /** Values a client may choose from, when known (dictionary items given to the resolver); `null` = not enumerated. */
  allowedValues: unknown[] | null;
  group: AttributeGroupDef | null;
  /** The node whose binding brought the attribute in. */
  boundAt: { id: number; code: string };
  explanation: {
    required: FlagExplanation;
    hidden: FlagExplanation;
    readOnly: FlagExplanation;
    default: DefaultExplanation;
  };
}

export interface ResolvedForm {
  topic: Pick<TopicNodeDef, 'id' | 'code' | 'name' | 'kind' | 'active'>;
  /** Groups of the tree from the root down to the topic. */
  path: Array<Pick<TopicNodeDef, 'id' | 'code' | 'name' | 'kind'>>;
  step: { id?: string; name?: string } | null;
  attributes: ResolvedAttribute[];
  /** The attribute groups the form uses, in their order. */
  groups: AttributeGroupDef[];
}
