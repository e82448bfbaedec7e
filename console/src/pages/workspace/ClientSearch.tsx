import { Select, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useRemote } from '../../api/hooks';
import type { Page } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { Client } from './types';

interface ClientSearchProps {
  id?: string;
  value?: number | null;
  onChange?(value: number | null): void;
}

/** Finds a client by part of the name, a phone number, an e-mail or a contract number as the operator types. */
export function ClientSearch({ id, value, onChange }: ClientSearchProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const clients = useRemote<Page<Client>>(search.trim().length >= 2 ? '/clients' : null, { q: search.trim(), pageSize: 20 });
  const known = useRef(new Map<number, Client>());
  for (const client of clients.data?.items ?? []) known.current.set(client.id, client);
  const shown = search.trim().length >= 2 ? (clients.data?.items ?? []) : [...known.current.values()].filter((client) => client.id === value);
  return (
    <Select<number | null>
      id={id}
      aria-label={t('workspace.client')}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('workspace.clientSearch')}
      loading={clients.loading && search.trim().length >= 2}
      notFoundContent={search.trim().length >= 2 ? t('workspace.clientNotFound') : t('workspace.clientTypeMore')}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      options={shown.map((client) => ({
        value: client.id,
        label: (
          <Space size={4} wrap>
            <span>{client.name}</span>
            {client.category && <Tag>{client.category}</Tag>}
            {client.prospect && <Tag color="orange">{t('workspace.prospect')}</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[...client.phones.map((phone) => phone.value), ...client.emails.map((email) => email.value)].slice(0, 2).join(', ')}
            </Typography.Text>
          </Space>
        ),
      }))}
      style={{ width: '100%' }}
    />
  );
}
