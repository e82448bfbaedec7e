/**
 * A classification questionnaire: a decision tree stored as data. Questions are asked in order; a question
 * with `askWhen` is asked only when that rule holds over the answers given so far, which is how the tree
 * branches. Suggestions (a topic, known problems, knowledge articles) hold when their rule holds over the
 * answers. Rules are JSONLogic read by the rule engine over `answers.<question code>`. Pure (no Nest, no
 * database), so it is unit-tested directly.
 */
import { safeEvaluate, truthy, validateRule, type ContextSchema, type ContextType, type Rule } from '../../../rules/index';
import type { ErrorDetail } from '../common/docket-error';

export const QUESTION_KINDS = ['choice', 'yesno', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionOption {
  value: string;
  label: string;
}

export interface Question {
  code: string;
  text: string;
  kind: QuestionKind;
  /** The answers a `choice` question offers. */
  options?: QuestionOption[];
  /** Asked only when this holds over the earlier answers; always asked without it. */
  askWhen?: Rule | null;
}

export interface Suggestion {
  when: Rule;
  /** Code of the topic to register the request under. */
  topic?: string;
  /** Numbers of known problems the request may belong to. */
  problems?: string[];
  /** Knowledge base article ids that may answer it. */
  articles?: number[];
  /** A word to the operator. */
  note?: string;
}

export interface QuestionnaireDefinition {
  questions: Question[];
  suggestions: Suggestion[];
}

export type Answer = string | number | boolean;
export type Answers = Record<string, Answer>;

export interface Walk {
  /** The answers that count: those to questions asked on the way, in the questions' order. */
  answers: Answers;
  /** The next question to ask; null when every question on the way is answered. */
  next: Question | null;
  /** Positions of the suggestions that hold over the answers that count. */
  suggestions: number[];
}

const LIMITS = { questions: 100, options: 50, suggestions: 200, text: 500, listed: 20 };
const QUESTION_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const CONTEXT_TYPES: Record<QuestionKind, ContextType> = { choice: 'string', yesno: 'boolean', number: 'number', text: 'string' };

const holds = (rule: Rule, answers: Answers) => {
  const outcome = safeEvaluate(rule, { answers });
  return outcome.ok && truthy(outcome.value);
};

/** What rules may read when asked after `questions`. */
export function answersContext(questions: readonly Question[]): ContextSchema {
  return Object.fromEntries(questions.map((question) => [`answers.${question.code}`, { type: CONTEXT_TYPES[question.kind], description: question.text }]));
}

/** Why `value` is no answer to `question`; undefined when it is one. */
function answerIssue(question: Question, value: unknown): string | undefined {
  switch (question.kind) {
    case 'choice':
      return question.options?.some((option) => option.value === value) ? undefined : `one of ${(question.options ?? []).map((option) => JSON.stringify(option.value)).join(', ')}`;
    case 'yesno':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'text':
      return typeof value === 'string' && value.trim() !== '' && value.length <= LIMITS.text ? undefined : `text of 1 to ${LIMITS.text} characters`;
  }
}

/** Wrong answers, by path: an answer to no question, or a value its question does not take. */
export function answerIssues(definition: QuestionnaireDefinition, given: Record<string, unknown>): ErrorDetail[] {
  const byCode = new Map(definition.questions.map((question) => [question.code, question]));
  return Object.entries(given).flatMap(([code, value]): ErrorDetail[] => {
    const question = byCode.get(code);
    if (!question) return [{ path: `answers.${code}`, message: 'no such question' }];
    const issue = answerIssue(question, value);
    return issue ? [{ path: `answers.${code}`, message: `expected ${issue}` }] : [];
  });
}

/**
 * Walks the tree with the answers given: keeps those to questions on the way (an answer to a branch not taken
 * is left out), stops at the first question on the way without an answer, and says which suggestions hold.
 * Answers are expected checked by `answerIssues`.
 */
export function walkQuestionnaire(definition: QuestionnaireDefinition, given: Readonly<Record<string, Answer>>): Walk {
  const answers: Answers = {};
  let next: Question | null = null;
  for (const question of definition.questions) {
    if (question.askWhen && !holds(question.askWhen, answers)) continue;
    if (!Object.hasOwn(given, question.code)) {
      next = question;
      break;
    }
    answers[question.code] = given[question.code];
  }
  const suggestions = definition.suggestions.flatMap((suggestion, index) => (holds(suggestion.when, answers) ? [index] : []));
  return { answers, next, suggestions };
}

/** Problems in a definition, with paths a client can show next to the fields. */
export function questionnaireIssues(definition: unknown): ErrorDetail[] {
  if (!definition || typeof definition !== 'object') return [{ path: 'definition', message: 'an object with questions and suggestions' }];
  const { questions, suggestions } = definition as Partial<QuestionnaireDefinition>;
  const issues: ErrorDetail[] = [];
  const add = (path: string, message: string) => issues.push({ path: `definition.${path}`, message });
  const ruleIssues = (rule: Rule, schema: ContextSchema, path: string) => validateRule(rule, schema).errors.forEach((issue) => add(`${path}${issue.path}`, `${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`));
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > LIMITS.questions) add('questions', `1 to ${LIMITS.questions} questions`);
  if (!Array.isArray(suggestions) || suggestions.length > LIMITS.suggestions) add('suggestions', `a list of up to ${LIMITS.suggestions} suggestions`);
  if (issues.length) return issues;
  const asked: Question[] = [];
  questions!.forEach((question, index) => {
    const at = `questions.${index}`;
    if (!question || typeof question !== 'object') return add(at, 'a question object');
    if (typeof question.code !== 'string' || !QUESTION_CODE.test(question.code)) add(`${at}.code`, 'a letter, then letters, digits or _ (up to 64)');
    else if (asked.some((earlier) => earlier.code === question.code)) add(`${at}.code`, `"${question.code}" is used by an earlier question`);
    if (typeof question.text !== 'string' || !question.text.trim() || question.text.length > LIMITS.text) add(`${at}.text`, `1 to ${LIMITS.text} characters`);
    if (!(QUESTION_KINDS as readonly string[]).includes(question.kind)) add(`${at}.kind`, `one of ${QUESTION_KINDS.join(', ')}`);
    issues.push(...optionIssues(question, at));
    // Only earlier answers exist when a question is about to be asked: the tree cannot look ahead.
    if (question.askWhen !== undefined && question.askWhen !== null) ruleIssues(question.askWhen, answersContext(asked), `${at}.askWhen`);
    asked.push(question);
  });
  const context = answersContext(asked);
  suggestions!.forEach((suggestion, index) => {
    const at = `suggestions.${index}`;
    if (!suggestion || typeof suggestion !== 'object') return add(at, 'a suggestion object');
    if (suggestion.when === undefined || suggestion.when === null) add(`${at}.when`, 'a rule over the answers');
    else ruleIssues(suggestion.when, context, `${at}.when`);
    if (suggestion.topic !== undefined && (typeof suggestion.topic !== 'string' || !suggestion.topic)) add(`${at}.topic`, 'a topic code');
    if (suggestion.problems !== undefined && !(Array.isArray(suggestion.problems) && suggestion.problems.length <= LIMITS.listed && suggestion.problems.every((number) => typeof number === 'string' && number))) add(`${at}.problems`, `up to ${LIMITS.listed} problem numbers`);
    if (suggestion.articles !== undefined && !(Array.isArray(suggestion.articles) && suggestion.articles.length <= LIMITS.listed && suggestion.articles.every((id) => Number.isInteger(id) && id > 0))) add(`${at}.articles`, `up to ${LIMITS.listed} article ids`);
    if (suggestion.note !== undefined && (typeof suggestion.note !== 'string' || suggestion.note.length > LIMITS.text)) add(`${at}.note`, `up to ${LIMITS.text} characters`);
    if (!suggestion.topic && !suggestion.problems?.length && !suggestion.articles?.length && !suggestion.note) add(at, 'suggests nothing: name a topic, problems, articles or a note');
  });
  return issues;
}

function optionIssues(question: Question, at: string): ErrorDetail[] {
  if (question.kind !== 'choice') return question.options === undefined ? [] : [{ path: `definition.${at}.options`, message: 'only choice questions have options' }];
  const options = question.options;
  if (!Array.isArray(options) || options.length < 2 || options.length > LIMITS.options) return [{ path: `definition.${at}.options`, message: `2 to ${LIMITS.options} options` }];
  const seen = new Set<string>();
  return options.flatMap((option, index): ErrorDetail[] => {
    const path = `definition.${at}.options.${index}`;
    if (typeof option?.value !== 'string' || !option.value || typeof option.label !== 'string' || !option.label.trim()) return [{ path, message: 'a value and a label' }];
    if (seen.has(option.value)) return [{ path: `${path}.value`, message: `"${option.value}" is offered twice` }];
    seen.add(option.value);
    return [];
  });
}

/** Every topic code, problem number and article id the suggestions name, for the caller to check they exist. */
export function referencesOf(definition: QuestionnaireDefinition): { topics: string[]; problems: string[]; articles: number[] } {
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    topics: unique(definition.suggestions.flatMap((suggestion) => (suggestion.topic ? [suggestion.topic] : []))),
    problems: unique(definition.suggestions.flatMap((suggestion) => suggestion.problems ?? [])),
    articles: unique(definition.suggestions.flatMap((suggestion) => suggestion.articles ?? [])),
  };
}
