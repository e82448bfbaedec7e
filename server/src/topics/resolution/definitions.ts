/**
 * The configuration the resolver reads, as plain data: what the entities hold, without TypeORM, so the
 * resolver, the form-schema builder and the configuration checks are pure and unit-tested.
 */

/** JSONLogic as parsed JSON (the rule engine's `Rule`). */
export type RuleJson = unknown;

export const VALUE_TYPES = ['string', 'text', 'integer', 'decimal', 'boolean', 'date', 'datetime', 'dictionary', 'externalDictionary', 'dynamicQuery'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** A flag is fixed, or driven by a rule evaluated against the request context. */
export type FlagSetting = boolean | { rule: RuleJson };

/** A default is a fixed value, or computed by a rule. */
export type DefaultSetting = { fixed: unknown } | { rule: RuleJson };

export const FLAGS = ['required', 'hidden', 'readOnly'] as const;
export type FlagName = (typeof FLAGS)[number];

export interface AttributeDef {
  id: number;
  code: string;
  name: string;
  description: string | null;
  valueType: ValueType;
  /** Digits after the point, decimal only. */
  scale: number | null;
  /** Dictionary or external dictionary the values come from. */
  dictionaryCode: string | null;
  /** Dynamic query the values come from. */
  queryCode: string | null;
  multiple: boolean;
  defaultValue: DefaultSetting | null;
  required: FlagSetting;
  hidden: FlagSetting;
  readOnly: FlagSetting;
  mask: string | null;
  regex: string | null;
  /** Bounds: of the value for numbers, of the length for strings, ISO dates for dates. */
  min: number | string | null;
  max: number | string | null;
  active: boolean;
  listColumn: boolean;
  order: number;
  attributeGroupId: number | null;
}

export interface AttributeGroupDef {
  id: number;
  name: string;
  order: number;
  collapsed: boolean;
}

export type NodeKind = 'group' | 'topic';

export interface TopicNodeDef {
  id: number;
  code: string;
  name: string;
  kind: NodeKind;
  parentId: number | null;
  active: boolean;
  order: number;
}

/** An attribute placed on a tree node; `null` settings inherit from above. */
export interface BindingDef {
  id: number;
  nodeId: number;
  attributeId: number;
  required: FlagSetting | null;
  hidden: FlagSetting | null;
  readOnly: FlagSetting | null;
  defaultValue: DefaultSetting | null;
  order: number;
}

/** What a route step changes for one attribute (from the route model, passed in as data). */
export interface StepAttributeOverride {
  required?: FlagSetting;
  hidden?: FlagSetting;
  readOnly?: FlagSetting;
}

export interface StepOverrides {
  stepId?: string;
  stepName?: string;
  /** By attribute code. */
  attributes: Record<string, StepAttributeOverride>;
}

/** The whole attribute configuration: small (admin-designed), loaded at once. */
export interface TopicConfiguration {
  nodes: TopicNodeDef[];
  attributes: AttributeDef[];
  groups: AttributeGroupDef[];
  bindings: BindingDef[];
}

export function isRuleSetting(setting: unknown): setting is { rule: RuleJson } {
  return typeof setting === 'object' && setting !== null && !Array.isArray(setting) && Object.keys(setting).length === 1 && 'rule' in setting;
}

export function isFixedDefault(setting: unknown): setting is { fixed: unknown } {
  return typeof setting === 'object' && setting !== null && !Array.isArray(setting) && Object.keys(setting).length === 1 && 'fixed' in setting;
}
