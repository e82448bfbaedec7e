/**
 * The notification template language: `{{path}}` inserts a value, `{{#path}}…{{/path}}` keeps its content
 * when the value is present (non-empty, non-zero, true), `{{^path}}…{{/path}}` when it is not. Nothing else:
 * no helpers, no loops, no raw output, no prototype lookups, because administrators edit templates and
 * rendering must never do more than substitute. In an HTML body every inserted value is HTML-escaped. Pure.
 */

export type TemplateNode = { kind: 'text'; text: string } | { kind: 'variable'; path: string; line: number } | { kind: 'section'; path: string; inverted: boolean; line: number; children: TemplateNode[] };

export interface TemplateIssue {
  message: string;
  line: number;
}

export class TemplateSyntaxError extends Error {
  constructor(readonly issue: TemplateIssue) {
    super(`${issue.message} (line ${issue.line})`);
  }
}

const TAG = /\{\{(\{?)\s*([#^/]?)\s*([^{}]*?)\s*(\}?)\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

/** The tree of a template; throws TemplateSyntaxError on the first structural mistake. */
export function parseTemplate(source: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const open: { path: string; line: number; children: TemplateNode[] }[] = [];
  const current = () => (open.length ? open[open.length - 1].children : root);
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const [whole, tripleOpen, sigil, path, tripleClose] = match;
    const line = lineAt(source, match.index);
    if (match.index > last) current().push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + whole.length;
    if (tripleOpen || tripleClose) throw new TemplateSyntaxError({ message: `unescaped output {{{${path}}}} is not allowed`, line });
    if (!PATH.test(path)) throw new TemplateSyntaxError({ message: `"${path}" is not a variable name`, line });
    if (sigil === '/') {
      const section = open.pop();
      if (!section) throw new TemplateSyntaxError({ message: `{{/${path}}} closes no section`, line });
      if (section.path !== path) throw new TemplateSyntaxError({ message: `{{/${path}}} closes {{#${section.path}}} opened on line ${section.line}`, line });
      continue;
    }
    if (sigil) {
      const children: TemplateNode[] = [];
      current().push({ kind: 'section', path, inverted: sigil === '^', line, children });
      open.push({ path, line, children });
      continue;
    }
    current().push({ kind: 'variable', path, line });
  }
  if (open.length) throw new TemplateSyntaxError({ message: `{{#${open[open.length - 1].path}}} is never closed`, line: open[open.length - 1].line });
  if (last < source.length) current().push({ kind: 'text', text: source.slice(last) });
  // Anything left that looks like a tag once real tags are blanked out is a typo the administrator should see.
  const stray = /\{\{|\}\}/.exec(source.replace(TAG, (tag) => ' '.repeat(tag.length)));
  if (stray) throw new TemplateSyntaxError({ message: `unbalanced "${stray[0]}"`, line: lineAt(source, stray.index) });
  return root;
}

/** Every variable a template reads, with its line, sections included. */
export function variablesOf(nodes: readonly TemplateNode[]): { path: string; line: number }[] {
  return nodes.flatMap((node) => (node.kind === 'text' ? [] : node.kind === 'variable' ? [{ path: node.path, line: node.line }] : [{ path: node.path, line: node.line }, ...variablesOf(node.children)]));
}

/** What is wrong with a template: its syntax, or variables `isKnown` refuses. Empty when it is usable. */
export function templateIssues(source: string, isKnown: (path: string) => boolean): TemplateIssue[] {
  try {
    return variablesOf(parseTemplate(source))
      .filter((variable) => !isKnown(variable.path))
      .map((variable) => ({ message: `unknown variable {{${variable.path}}}`, line: variable.line }));
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return [error.issue];
    throw error;
  }
}

export type TemplateContext = Record<string, unknown>;

/** `attributes.<code>` takes the whole rest as the code, since attribute codes may contain dots. */
export function lookup(context: TemplateContext, path: string): unknown {
  const head = path.indexOf('.');
  if (head > 0 && path.slice(0, head) === 'attributes') {
    const attributes = context.attributes;
    const code = path.slice(head + 1);
    return attributes && typeof attributes === 'object' && Object.hasOwn(attributes, code) ? (attributes as Record<string, unknown>)[code] : undefined;
  }
  let value: unknown = context;
  for (const part of partsOf(path)) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A sweep looks the same few paths up thousands of times: each is split once (a bounded number kept). */
const PATH_PARTS = new Map<string, string[]>();
const PATH_PARTS_BOUND = 1024;

function partsOf(path: string): string[] {
  let parts = PATH_PARTS.get(path);
  if (!parts) {
    parts = path.split('.');
    if (PATH_PARTS.size >= PATH_PARTS_BOUND) PATH_PARTS.clear();
    PATH_PARTS.set(path, parts);
  }
  return parts;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const present = (value: unknown) => !(value === null || value === undefined || value === false || value === '' || value === 0 || (Array.isArray(value) && value.length === 0));

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export type RenderMode = 'html' | 'text' | 'line';

function renderNodes(nodes: readonly TemplateNode[], context: TemplateContext, mode: RenderMode): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      const value = lookup(context, node.path);
      if (node.kind === 'section') return present(value) !== node.inverted ? renderNodes(node.children, context, mode) : '';
      const text = formatValue(value);
      return mode === 'html' ? escapeHtml(text) : text;
    })
    .join('');
}

/**
 * Renders for one medium: `html` escapes values, `text` inserts them as they are, `line` (a mail subject,
 * a notification title) also folds every line break and run of blanks into one space.
 */
export function renderTemplate(source: string, context: TemplateContext, mode: RenderMode): string {
  const rendered = renderNodes(parsedTemplate(source), context, mode);
  return mode === 'line' ? rendered.replace(/\s+/g, ' ').trim() : rendered;
}

/**
 * A sweep renders the same few templates thousands of times; parsing each time was a large share of its
 * work. Trees are never mutated, so they are shared; the oldest is dropped past the bound (edited
 * templates are new sources).
 */
const PARSED = new Map<string, TemplateNode[]>();
const PARSED_BOUND = 256;

function parsedTemplate(source: string): TemplateNode[] {
  const known = PARSED.get(source);
  if (known) return known;
  const nodes = parseTemplate(source);
  if (PARSED.size >= PARSED_BOUND) PARSED.delete(PARSED.keys().next().value as string);
  PARSED.set(source, nodes);
  return nodes;
}
