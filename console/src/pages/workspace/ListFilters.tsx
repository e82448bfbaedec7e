import { Flex, Input, Segmented, Select, Tag } from 'antd';
import { useState } from 'react';
import { useRemote } from '../../api/hooks';
import type { Queue } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ATTRIBUTE_OPERATORS, LIST_STATES, LIST_VIEWS, normalTag, type ListControls, type ListState } from './list-query';
import type { QueueCount, QueueMember, RequestGroups, RequestPage, ListView } from './types';

interface ListFiltersProps {
  controls: ListControls;
  onChange(controls: ListControls): void;
  queues: Queue[];
  counts: QueueCount[];
  readAll: boolean;
  /** The administrator's list-column attributes: the attributes one may filter by. */
  columns: RequestPage['columns'];
  /** Who may be named as the assignee: the staff of the queues in view. */
  staff: QueueMember[];
}

/**
 * The values one field takes in the view (with how many requests have each), for a filter's choices; read
 * only once wanted (its choices opened, or a value already chosen), so the list's first page is not kept waiting.
 */
function useValuesOf(by: 'status' | 'priority', controls: ListControls, chosen: unknown[]) {
  const [opened, setOpened] = useState(false);
  const groups = useRemote<RequestGroups>(opened || chosen.length ? '/requests/groups' : null, { by, view: controls.view, queueId: controls.queueId, state: controls.state });
  const values = (groups.data?.groups ?? []).filter((group) => group.key !== null);
  const onOpenChange = (open: boolean) => {
    if (open) setOpened(true);
  };
  return { values, loading: groups.loading, onOpenChange };
}

/** The operator views, the queue, the conditions on request fields and list-column attributes, and tags. */
export function ListFilters({ controls, onChange, queues, counts, readAll, columns, staff }: ListFiltersProps) {
  const { t, tOr } = useI18n();
  const [subject, setSubject] = useState(controls.subject);
  const [attributeValue, setAttributeValue] = useState(controls.attribute.value);
  const statuses = useValuesOf('status', controls, controls.statuses);
  const priorities = useValuesOf('priority', controls, controls.priorities);
  const set = (changes: Partial<ListControls>) => onChange({ ...controls, ...changes });
  const countOf = (id: number) => counts.find((count) => count.queueId === id);

  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="list-filters">
      <Flex wrap gap={8}>
        <Segmented<ListView> aria-label={t('workspace.view')} value={controls.view} onChange={(view) => set({ view })} options={LIST_VIEWS.map((view) => ({ value: view, label: t(`workspace.view.${view}`) }))} />
        <Select<number | undefined>
          aria-label={t('workspace.queue')}
          style={{ minWidth: 260 }}
          value={controls.queueId}
          onChange={(queueId) => set({ queueId })}
          allowClear
          placeholder={readAll ? t('workspace.allQueues') : t('workspace.allMyQueues')}
          options={queues.map((queue) => {
            const count = countOf(queue.id);
            return { value: queue.id, label: `${queue.name} · ${t('workspace.queueCounts', { open: count?.open ?? 0, unassigned: count?.unassigned ?? 0 })}` };
          })}
        />
        <Select<ListState> aria-label={t('workspace.state')} value={controls.state} onChange={(state) => set({ state })} style={{ width: 160 }} options={LIST_STATES.map((value) => ({ value, label: t(`workspace.state.${value}`) }))} />
        <Input.Search aria-label={t('workspace.subject')} placeholder={t('workspace.subjectFilter')} allowClear value={subject} onChange={(event) => setSubject(event.target.value)} onSearch={(value) => set({ subject: value })} style={{ width: 220 }} />
      </Flex>
      <Flex wrap gap={8}>
        <Select<string[]>
          mode="multiple"
          aria-label={t('workspace.status')}
          placeholder={t('workspace.statusAny')}
          allowClear
          style={{ minWidth: 200 }}
          value={controls.statuses}
          onChange={(values) => set({ statuses: values })}
          onOpenChange={statuses.onOpenChange}
          loading={statuses.loading}
          options={statuses.values.map((group) => ({ value: String(group.key), label: `${tOr(`status.${String(group.key)}`, String(group.key))} (${group.count})` }))}
        />
        <Select<number[]>
          mode="multiple"
          aria-label={t('workspace.priority')}
          placeholder={t('workspace.priorityAny')}
          allowClear
          style={{ minWidth: 160 }}
          value={controls.priorities}
          onChange={(values) => set({ priorities: values })}
          onOpenChange={priorities.onOpenChange}
          loading={priorities.loading}
          options={priorities.values.map((group) => ({ value: Number(group.key), label: `${String(group.key)} (${group.count})` }))}
        />
        <Select<number | 'none'>
          aria-label={t('workspace.assignee')}
          placeholder={t('workspace.assigneeAny')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          value={controls.assignee}
          onChange={(assignee) => set({ assignee })}
          options={[{ value: 'none' as const, label: t('workspace.unassigned') }, ...staff.map((member) => ({ value: member.id, label: member.displayName }))]}
        />
        <Select<string[]>
          mode="tags"
          aria-label={t('workspace.tags.filter')}
          placeholder={t('workspace.tags.filterAny')}
          allowClear
          tokenSeparators={[',']}
          style={{ minWidth: 200 }}
          value={controls.tags}
          onChange={(values) => set({ tags: [...new Set(values.map(normalTag).filter(Boolean))] })}
        />
      </Flex>
      <Flex wrap gap={8} data-testid="attribute-filter">
        <Select<string | undefined>
          aria-label={t('workspace.attributeFilter')}
          placeholder={t('workspace.attributeFilter')}
          allowClear
          style={{ minWidth: 200 }}
          value={controls.attribute.field}
          onChange={(field) => set({ attribute: { ...controls.attribute, field } })}
          options={columns.map((column) => ({ value: `attr.${column.code}`, label: column.name }))}
        />
        <Select aria-label={t('workspace.operator')} value={controls.attribute.op} onChange={(op) => set({ attribute: { ...controls.attribute, op } })} style={{ width: 170 }} options={ATTRIBUTE_OPERATORS.map((op) => ({ value: op, label: t(`workspace.op.${op}`) }))} />
        <Input.Search
          aria-label={t('workspace.filterValue')}
          placeholder={t('workspace.filterValue')}
          style={{ width: 200 }}
          value={attributeValue}
          onChange={(event) => setAttributeValue(event.target.value)}
          onSearch={(value) => set({ attribute: { ...controls.attribute, value } })}
          allowClear
        />
      </Flex>
      {controls.extra.length > 0 && (
        <Flex wrap gap={4} align="center">
          {controls.extra.map((filter, index) => (
            <Tag key={`${filter.field}:${index}`} closable onClose={() => set({ extra: controls.extra.filter((_, other) => other !== index) })}>
              {`${filter.field} ${filter.op} ${filter.value === undefined ? '' : JSON.stringify(filter.value)}`}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
