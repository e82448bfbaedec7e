import { Select } from 'antd';
import { useRef, useState } from 'react';
import { useRemote } from '../../api/hooks';
import type { Page, User } from '../../api/types';

interface UserPickerProps {
  value?: number | number[] | null;
  onChange?(value: number | number[] | null): void;
  multiple?: boolean;
  id?: string;
}

/** Picks users by id, searching the server by login, name or e-mail as one types. */
export function UserPicker({ value, onChange, multiple, id }: UserPickerProps) {
  const [search, setSearch] = useState('');
  const users = useRemote<Page<User>>('/users', { q: search, pageSize: 50 });
  // Remember every user seen, so a chosen one keeps its name when a later search leaves it out.
  const known = useRef(new Map<number, string>());
  for (const user of users.data?.items ?? []) known.current.set(user.id, `${user.name} (${user.login})`);
  const options = [...known.current].map(([userId, label]) => ({ value: userId, label }));
  return (
    <Select<number | number[] | null>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.loading}
      value={value}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
    />
  );
}

/** Login by user id, for tables that receive only ids. */
export function useUserLogins(): Map<number, string> {
  const users = useRemote<Page<User>>('/users', { pageSize: 200 });
  return new Map((users.data?.items ?? []).map((user) => [user.id, user.login]));
}
