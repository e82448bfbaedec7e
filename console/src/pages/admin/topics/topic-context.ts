import { useMemo } from 'react';
import { useRemote } from '../../../api/hooks';
import type { Attribute, Page } from '../../../api/types';
import type { ContextSchema } from '../../../components/rules/engine';
import { sampleContextFor } from '../../../components/rules/sample-context';
import { contextSchemaFor } from '../../../../../server/src/topics/resolution/context-schema';

export interface TopicRuleContext {
  attributes: Attribute[];
  /** What attribute rules may read: the same schema the server checks them against. */
  schema: ContextSchema;
  sample: Record<string, unknown>;
  reload(): void;
  loading: boolean;
  error: string | null;
}

/** Every attribute (the catalogue is admin-sized) and the rule context they make. */
export function useTopicRuleContext(): TopicRuleContext {
  const remote = useRemote<Page<Attribute>>('/attributes', { pageSize: 200 });
  const attributes = useMemo(() => remote.data?.items ?? [], [remote.data]);
  const schema = useMemo(() => contextSchemaFor(attributes), [attributes]);
  const sample = useMemo(() => sampleContextFor(schema), [schema]);
  return { attributes, schema, sample, reload: remote.reload, loading: remote.loading, error: remote.error };
}
