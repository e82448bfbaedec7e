import { RouteError } from '../route-error';

export const MAX_BPMN_BYTES = 10 * 1024 * 1024;
/** Far above any real route (a 1,000-step route with its diagram has ~15,000), far below what stalls the parser. */
export const MAX_BPMN_ELEMENTS = 50_000;
export const MAX_BPMN_DEPTH = 64;

const refuse = (message: string) => new RouteError('bpmn_refused', message, [{ path: 'file', message }]);

/**
 * Checks that run before any parsing: size, that the text looks like XML at all, and no DTD — a BPMN file
 * never needs one, and refusing it outright rules out entity expansion ("billion laughs") and external
 * entities whatever the parser would have done with them.
 */
export function guardBpmnText(input: string | Buffer): string {
  if (typeof input !== 'string' && !Buffer.isBuffer(input)) throw refuse('A BPMN file must be given as text');
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (bytes > MAX_BPMN_BYTES) throw refuse(`The BPMN file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BPMN_BYTES / 1024 / 1024} MB`);
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw refuse('The BPMN file is empty');
  if (!text.trimStart().startsWith('<')) throw refuse('The file is not XML: it does not start with "<"');
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw refuse('The file declares a DTD or entities (<!DOCTYPE>/<!ENTITY>); BPMN files never need one and Docket refuses them');
  const shape = measureElements(text);
  if (shape.elements > MAX_BPMN_ELEMENTS) throw refuse(`The BPMN file has more than ${MAX_BPMN_ELEMENTS.toLocaleString('en')} XML elements`);
  if (shape.depth > MAX_BPMN_DEPTH) throw refuse(`The BPMN file nests XML elements deeper than ${MAX_BPMN_DEPTH} levels`);
  return text;
}

const SKIPPED_MARKUP: Array<[string, string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/** Counts elements and the deepest nesting in one linear scan, so that a hostile file is refused before the parser spends seconds on it. */
function measureElements(text: string): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (let at = text.indexOf('<'); at !== -1 && elements <= MAX_BPMN_ELEMENTS && deepest <= MAX_BPMN_DEPTH; at = text.indexOf('<', at + 1)) {
    const skipped = SKIPPED_MARKUP.find(([open]) => text.startsWith(open, at));
    if (skipped) {
      const end = text.indexOf(skipped[1], at + skipped[0].length);
      if (end === -1) break;
      at = end;
      continue;
    }
    const end = tagEnd(text, at);
    if (text[at + 1] === '/') depth -= 1;
    else if (text[end - 1] !== '/') {
      elements += 1;
      depth += 1;
      deepest = Math.max(deepest, depth);
    } else elements += 1;
    at = end;
  }
  return { elements, depth: deepest };
}

/** Index of the `>` closing the tag opened at `start`, skipping quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote = '';
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return index;
  }
  return text.length;
}
