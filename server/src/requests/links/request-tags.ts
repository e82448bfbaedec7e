import type { ErrorDetail } from '../../common/docket-error';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 64;

/**
 * Tags as stored and filtered by: trimmed, inner spaces collapsed, lower-cased. Pure (no Nest, no database),
 * unit-tested beside this file.
 */
export function normalTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Two tags MariaDB's utf8mb4_unicode_ci compares equal (accents, ё and е) would collide in the unique key, so
 * they count as one here on both databases, the first spelling kept.
 */
function sameTagKey(tag: string): string {
  return tag.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A request's tags as given: normalised, de-duplicated in the order given, or the reasons they are refused. */
export function requestTags(tags: readonly string[]): { tags: string[]; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  const result: string[] = [];
  tags.forEach((given, index) => {
    const tag = normalTag(given);
    if (tag.length < 1 || tag.length > MAX_TAG_LENGTH) details.push({ path: `tags.${index}`, message: `a tag has 1 to ${MAX_TAG_LENGTH} characters once trimmed` });
    // A comma separates tags in the list's `tag` parameter.
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    else if (/[,\u0000-\u001f\u007f]/.test(tag)) details.push({ path: `tags.${index}`, message: 'a tag holds no commas or control characters' });
    else if (!seen.has(sameTagKey(tag))) {
      seen.add(sameTagKey(tag));
      result.push(tag);
    }
  });
  if (!details.length && result.length > MAX_TAGS) details.push({ path: 'tags', message: `at most ${MAX_TAGS} different tags` });
  return { tags: details.length ? [] : result, details };
}
