import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { I18n } from '../../i18n/i18n';

type NamePath = (string | number)[];

/** The form's registered fields, as name paths. */
function registeredNames(form: FormInstance): NamePath[] {
  const names: NamePath[] = [];
  form.getFieldsValue(true, (meta) => {
    if (meta?.name) names.push(meta.name as NamePath);
    return false;
  });
  return names;
}

const key = (path: NamePath) => path.map(String).join('.');

/**
 * Like showErrorInForm, for nested forms: a detail path such as `definition.hours.start` lands on the
 * deepest registered field it names (after `mapPath` turns server paths into the form's own names);
 * returns the sentence for what no field can show, or null.
 */
export function showNestedErrors(form: FormInstance, error: unknown, i18n: I18n, mapPath: (path: string) => string = (path) => path): string | null {
  const details = error instanceof ApiError ? error.details : [];
  const known = new Map(registeredNames(form).map((name) => [key(name), name]));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  let unplaced = details.length === 0;
  for (const detail of details) {
    const parts = mapPath(detail.path).split('.');
    let found: NamePath | undefined;
    for (let length = parts.length; length > 0 && !found; length--) found = known.get(parts.slice(0, length).join('.'));
    if (!found) {
      unplaced = true;
      continue;
    }
    const entry = byField.get(key(found)) ?? { name: found, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key(found), entry);
  }
  form.setFields([...byField.values()]);
  return unplaced ? describeError(error, i18n) : null;
}

/**
 * Runs a save for a FormModal whose fields are nested: details go next to their fields here, and the
 * refusal travels on without them, so the modal still says in one sentence why the save failed.
 */
export async function savingNested<T>(form: FormInstance, i18n: I18n, save: () => Promise<T>, mapPath?: (path: string) => string): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof ApiError) || error.details.length === 0) throw error;
    showNestedErrors(form, error, i18n, mapPath);
    throw new ApiError(error.status, error.code, error.message, []);
  }
}
