/** The console's one door to the rule engine (rules/, imported from source, shared with the server). */
export { explain, validateRule, OPERATOR_NAMES } from '../../../../rules/index';
export type { ContextField, ContextSchema, ContextType, Rule, RuleIssue, TraceNode } from '../../../../rules/index';
