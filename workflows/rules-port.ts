/** The rule engine as the routes use it: the one place `workflows/` imports `rules/`. */
export { compile, explain, ruleVars, truthy, validateRule } from '../rules/index';
export type { CompiledRule, ContextSchema, RuleIssue, TraceNode } from '../rules/index';
