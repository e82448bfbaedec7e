import { useCallback, useMemo, useState } from 'react';
import type { RequestRow } from './types';

export interface RowSelection {
  /** The chosen rows as last read: a bulk call sends each one's version. */
  rows: RequestRow[];
  ids: number[];
  choose(rows: readonly RequestRow[], chosen: boolean): void;
  /** Rows read again (a reload): chosen ones take their fresh version. */
  refresh(rows: readonly RequestRow[]): void;
  /** Keeps only these ids chosen (after a bulk call: the refused ones, to try again). */
  keep(ids: number[]): void;
  clear(): void;
}

/** Rows chosen for a bulk action, across pages and groups. */
export function useRowSelection(): RowSelection {
  const [chosen, setChosen] = useState<Map<number, RequestRow>>(() => new Map());
  const choose = useCallback((rows: readonly RequestRow[], selected: boolean) => {
    setChosen((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (selected) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });
  }, []);
  const refresh = useCallback((rows: readonly RequestRow[]) => {
    setChosen((current) => (rows.some((row) => current.has(row.id) && current.get(row.id) !== row) ? new Map([...current].map(([id, old]) => [id, rows.find((row) => row.id === id) ?? old])) : current));
  }, []);
  const keep = useCallback((ids: number[]) => setChosen((current) => new Map([...current].filter(([id]) => ids.includes(id)))), []);
  const clear = useCallback(() => setChosen(new Map()), []);
  return useMemo(() => ({ rows: [...chosen.values()], ids: [...chosen.keys()], choose, refresh, keep, clear }), [chosen, choose, refresh, keep, clear]);
}
