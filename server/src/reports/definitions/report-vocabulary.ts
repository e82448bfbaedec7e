import type { ListFilter } from '../../requests/list/request-list.types';

/** The words a report definition is written in, without dependencies: the console offers them as they are. */
export const DATASETS = ['requests', 'breaches'] as const;
export type Dataset = (typeof DATASETS)[number];

export const DIMENSIONS = ['topic', 'queue', 'assignee', 'status', 'priority', 'type', 'client', 'month', 'week', 'day', 'age'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const MEASURES = ['count', 'open', 'closed', 'avgResolutionHours', 'medianResolutionHours', 'avgAgeHours', 'breached', 'avgRating', 'repeats', 'requests'] as const;
export type Measure = (typeof MEASURES)[number];

export const PERIOD_FIELDS = ['createdAt', 'closedAt', 'occurredAt'] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];

/** A time window: fixed bounds (`from` inclusive, `to` exclusive) or the last N days before the run. */
export interface ReportPeriod {
  field: PeriodField;
  from?: string;
  to?: string;
  lastDays?: number;
}

/**
 * What a report computes, stored as data: the rows of a dataset the caller may read, narrowed by filters,
 * grouped by dimensions, with measures per group. `where` uses the request list's filter vocabulary
 * (`topicId`, `status`, `priority`, `queueId`, `assigneeId`, `attr.<CODE>`…), so it means the same as there.
 */
export interface ReportSpec {
  dataset: Dataset;
  period?: ReportPeriod;
  /** Only open (true) or only closed (false) requests; absent for both. */
  open?: boolean;
  where?: ListFilter[];
  groupBy: Dimension[];
  measures: Measure[];
  /** For `repeats`: a request repeats an earlier one of the same client and topic made within this many days. */
  repeatDays?: number;
  /** Largest groups first by the first measure, then cut to this many rows. */
  limit?: number;
}

/** What each dataset offers beyond its shape: a dimension or measure outside these lists is refused. */
export const DATASET_OFFERS: Record<Dataset, { dimensions: readonly Dimension[]; measures: readonly Measure[]; periods: readonly PeriodField[] }> = {
  requests: { dimensions: DIMENSIONS, measures: ['count', 'open', 'closed', 'avgResolutionHours', 'medianResolutionHours', 'avgAgeHours', 'breached', 'avgRating', 'repeats'], periods: ['createdAt', 'closedAt'] },
  breaches: { dimensions: ['topic', 'queue', 'assignee', 'status', 'priority', 'type', 'client', 'month', 'week', 'day'], measures: ['count', 'requests'], periods: ['occurredAt'] },
};


export const EXPORT_FORMATS = ['xlsx', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
