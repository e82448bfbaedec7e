import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { get, Query } from './client';
import { describeError } from './errors';
import type { Page } from './types';

export interface Remote<T> {
  data: T | undefined;
  loading: boolean;
  /** A readable sentence when loading failed. */
  error: string | null;
  reload(): void;
}

/** GETs `path` with `query` whenever either changes; a newer answer always wins over an older one. */
export function useRemote<T>(path: string | null, query?: Query): Remote<T> {
  const i18n = useI18n();
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(path !== null);
  const [failure, setFailure] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    if (path === null) return;
    const call = ++latest.current;
    setLoading(true);
    get<T>(path, JSON.parse(queryKey) as Query).then(
      (result) => {
        if (call !== latest.current) return;
        setData(result);
        setFailure(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (call !== latest.current) return;
        setFailure(failure);
        setLoading(false);
      },
    );
  }, [path, queryKey, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, loading, error: failure === null ? null : describeError(failure, i18n), reload };
}

export interface PagedRemote<T> extends Remote<Page<T>> {
  page: number;
  pageSize: number;
  setPage(page: number, pageSize: number): void;
}

/** A server-paged list: filters change → back to page 1. */
export function usePagedRemote<T>(path: string, filters: Query): PagedRemote<T> {
  const [position, setPosition] = useState({ page: 1, pageSize: 20 });
  const filterKey = JSON.stringify(filters);
  const [seenFilters, setSeenFilters] = useState(filterKey);
  if (seenFilters !== filterKey) {
    setSeenFilters(filterKey);
    setPosition((current) => ({ ...current, page: 1 }));
  }
  const remote = useRemote<Page<T>>(path, { ...filters, page: position.page, pageSize: position.pageSize });
  const setPage = useCallback((page: number, pageSize: number) => setPosition({ page, pageSize }), []);
  return { ...remote, ...position, setPage };
}
