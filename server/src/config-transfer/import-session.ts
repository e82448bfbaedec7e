import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { ErrorDetail } from '../common/docket-error';
import { TRANSFER_KINDS, type TransferKind } from './config-document';

/** What an import did (or, in a dry run, would do) to one kind of configuration, by code. */
export interface KindPlan {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface ImportPlan {
  dryRun: boolean;
  /** True when the import was written; false for a dry run and for a document with problems. */
  applied: boolean;
  kinds: Record<TransferKind, KindPlan>;
  problems: ErrorDetail[];
}

export type Outcome = keyof KindPlan;

/** JSON with object keys sorted, so two values compare equal whatever order their keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

/**
 * One import inside one transaction: rows are written through `upsert`, which compares each with what the
 * database holds and records created / updated / unchanged; problems are collected with their document
 * paths instead of stopping at the first, so a dry run can list them all.
 */
export class ImportSession {
  readonly kinds = Object.fromEntries(TRANSFER_KINDS.map((kind) => [kind, { created: [], updated: [], unchanged: [] }])) as unknown as Record<TransferKind, KindPlan>;
  readonly problems: ErrorDetail[] = [];
  /** Work the API also does only once a change is committed (list-column slots). */
  readonly afterCommit: Array<() => Promise<void>> = [];

  constructor(
    readonly manager: EntityManager,
    readonly now: Date,
    /** Who imports: route versions name them as their author and publisher, as the route API does. */
    readonly login: string,
    /** Who imports, by id: the owner of the reports the import defines, as the report API makes their author. */
    readonly userId: number,
  ) {}

  refuse(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Issues whose paths are relative to the document entry at `prefix`. */
  refuseAll(prefix: string, issues: readonly ErrorDetail[]): void {
    for (const issue of issues) this.refuse(issue.path ? `${prefix}.${issue.path}` : prefix, issue.message);
  }

  note(kind: TransferKind, label: string, outcome: Outcome): void {
    this.kinds[kind][outcome].push(label);
  }

  /**
   * The row matching `where`, created with `values` when absent and updated when a value differs; `label`
   * names it in the plan. `onCreate` / `onUpdate` add what the document does not carry (timestamps).
   */
  async upsert<T extends ObjectLiteral>(kind: TransferKind, label: string, entity: EntityTarget<T>, where: FindOptionsWhere<T>, values: Partial<T>, stamps: { onCreate?: Partial<T>; onUpdate?: Partial<T> } = {}): Promise<{ row: T; outcome: Outcome }> {
    const existing = await this.manager.findOneBy(entity, where);
    if (!existing) {
      const row = await this.manager.save(entity, this.manager.create(entity, { ...where, ...values, ...stamps.onCreate } as T));
      this.note(kind, label, 'created');
      return { row, outcome: 'created' };
    }
    const differs = Object.entries(values).some(([field, value]) => canonical(existing[field] ?? null) !== canonical(value ?? null));
    if (!differs) {
      this.note(kind, label, 'unchanged');
      return { row: existing, outcome: 'unchanged' };
    }
    const row = await this.manager.save(entity, Object.assign(existing, values, stamps.onUpdate));
    this.note(kind, label, 'updated');
    return { row, outcome: 'updated' };
  }

  plan(dryRun: boolean, applied: boolean): ImportPlan {
    return { dryRun, applied, kinds: this.kinds, problems: this.problems };
  }
}

/** Items ordered so that each comes after its parent (when the parent is in the list); items in a cycle come last. */
export function parentsFirst<T>(items: readonly T[], codeOf: (item: T) => string, parentOf: (item: T) => string | null): Array<{ item: T; index: number }> {
  const indexed = items.map((item, index) => ({ item, index }));
  const codes = new Set(items.map(codeOf));
  const placed = new Set<string>();
  const ordered: Array<{ item: T; index: number }> = [];
  let pending = indexed;
  while (pending.length) {
    const ready = pending.filter(({ item }) => {
      const parent = parentOf(item);
      return parent === null || !codes.has(parent) || placed.has(parent);
    });
    if (!ready.length) return [...ordered, ...pending];
    for (const entry of ready) placed.add(codeOf(entry.item));
    ordered.push(...ready);
    pending = pending.filter((entry) => !ready.includes(entry));
  }
  return ordered;
}
