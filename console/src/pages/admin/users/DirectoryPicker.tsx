import { Select } from 'antd';
import { useRef, useState } from 'react';
import { useRemote } from '../../../api/hooks';
import type { Page } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';

interface Named {
  id: number;
  name: string;
}

interface DirectoryPickerProps {
  /** `/clients` or `/partners`: both search by `q` and answer `{id, name}` rows. */
  path: '/clients' | '/partners';
  id?: string;
  value?: number | null;
  onChange?(value: number | null): void;
}

/** Picks a client or a partner by part of its name; the one already chosen is shown by name. */
export function DirectoryPicker({ path, id, value, onChange }: DirectoryPickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const searching = search.trim().length >= 2;
  const found = useRemote<Page<Named>>(searching ? path : null, { q: search.trim(), pageSize: 20 });
  const current = useRemote<Named>(value ? `${path}/${value}` : null);
  // Rows once seen keep their names, so the choice still reads as a name after the search is cleared.
  const known = useRef(new Map<number, string>());
  for (const row of [...(found.data?.items ?? []), ...(current.data ? [current.data] : [])]) known.current.set(row.id, row.name);
  const shown = new Set([...(searching ? (found.data?.items ?? []).map((row) => row.id) : []), ...(value ? [value] : [])]);
  return (
    <Select<number | null>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('users.pickerPlaceholder')}
      loading={found.loading && searching}
      notFoundContent={searching ? t('users.pickerNothing') : t('users.pickerTypeMore')}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      options={[...known.current].filter(([rowId]) => shown.has(rowId)).map(([rowId, name]) => ({ value: rowId, label: name }))}
    />
  );
}
