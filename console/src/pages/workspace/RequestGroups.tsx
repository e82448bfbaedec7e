import { Collapse, Flex, Typography } from 'antd';
import { useEffect, type ComponentProps } from 'react';
import { useRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { groupFilter, listParams, type GroupField, type ListControls } from './list-query';
import { RequestTable } from './RequestTable';
import type { RequestGroups as Groups, TopicCatalogNode } from './types';

type TableProps = Omit<ComponentProps<typeof RequestTable>, 'params' | 'label'>;

interface RequestGroupsProps {
  controls: ListControls;
  by: GroupField;
  /** What each group's table needs besides its parameters. */
  table: TableProps;
}

/** The list counted per value of one field (the server's group-by); a group opens to its requests. */
export function RequestGroups({ controls, by, table }: RequestGroupsProps) {
  const { t, tOr } = useI18n();
  const groups = useRemote<Groups>('/requests/groups', { ...listParams(controls), by });
  const topics = useRemote<TopicCatalogNode[]>(by === 'topicId' ? '/topic-catalog' : null);
  const { reload } = groups;
  useEffect(() => {
    if (table.generation) reload();
  }, [table.generation, reload]);

  const labelOf = (key: string | number | null): string => {
    if (key === null) return by === 'assigneeId' ? t('workspace.unassigned') : t('common.none');
    if (by === 'status') return tOr(`status.${key}`, String(key));
    if (by === 'assigneeId') return table.names.person(Number(key)) ?? `#${key}`;
    if (by === 'queueId') return table.names.queue(Number(key));
    if (by === 'topicId') return topics.data?.find((node) => node.id === Number(key))?.name ?? `#${key}`;
    return String(key);
  };

  return (
    <>
      <ErrorAlert message={groups.error ?? topics.error} onRetry={groups.reload} />
      <Typography.Paragraph type="secondary">{t('workspace.group.total', { total: groups.data?.total ?? 0, groups: groups.data?.groups.length ?? 0 })}</Typography.Paragraph>
      <Collapse
        data-testid="request-groups"
        items={(groups.data?.groups ?? []).map((group) => {
          const label = labelOf(group.key);
          return {
            key: String(group.key),
            label: (
              <Flex justify="space-between" data-testid={`group-${String(group.key)}`}>
                <span>{label}</span>
                <Typography.Text strong aria-label={t('workspace.group.count', { label, count: group.count })}>
                  {group.count}
                </Typography.Text>
              </Flex>
            ),
            children: <RequestTable {...table} label={label} params={listParams(controls, [groupFilter(by, group.key)])} />,
          };
        })}
      />
    </>
  );
}
