import { Checkbox, Empty, Flex, Input, List, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useRemote } from '../../api/hooks';
import type { Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import type { SearchResult } from '../workspace/types';

interface RequestPickerProps {
  id?: string;
  value?: number[];
  onChange?(value: number[]): void;
}

/** Requests found by words of their text (the full-text search), ticked one by one; the chosen stay listed across searches. */
export function RequestPicker({ id, value = [], onChange }: RequestPickerProps) {
  const { t } = useI18n();
  const [words, setWords] = useState('');
  const found = useRemote<Page<SearchResult>>(words ? '/search' : null, { q: words, pageSize: 20 });
  const labels = useRef(new Map<number, string>());
  const hits = [...new Map((found.data?.items ?? []).filter((hit) => hit.requestId !== null).map((hit) => [hit.requestId!, `${hit.requestNumber} · ${hit.subject}`])).entries()];
  for (const [requestId, label] of hits) labels.current.set(requestId, label);
  const toggle = (requestId: number, on: boolean) => onChange?.(on ? [...value, requestId] : value.filter((chosen) => chosen !== requestId));
  return (
    <Flex vertical gap={8}>
      {/* Enter searches here; it must not submit the dialog's form around the picker. */}
      <Input.Search id={id} allowClear enterButton={t('common.search')} placeholder={t('problems.linkPlaceholder')} loading={found.loading && !!words} onSearch={(text) => setWords(text.trim())} onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()} />
      {value.length > 0 && (
        <Flex wrap gap={4} data-testid="chosen-requests">
          {value.map((requestId) => (
            <Tag key={requestId} closable onClose={() => toggle(requestId, false)}>{labels.current.get(requestId) ?? `#${requestId}`}</Tag>
          ))}
        </Flex>
      )}
      <ErrorAlert message={found.error} onRetry={found.reload} />
      {words && found.data && !hits.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.linkNothing')} />}
      {hits.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={hits}
          renderItem={([requestId, label]) => (
            <List.Item key={requestId}>
              <Checkbox checked={value.includes(requestId)} onChange={(event) => toggle(requestId, event.target.checked)}>{label}</Checkbox>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
