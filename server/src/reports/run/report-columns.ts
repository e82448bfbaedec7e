import type { SqlDialect } from '../../database/sql-dialect';
import type { Dataset, Dimension, Measure, PeriodField } from '../definitions/report-vocabulary';

/** What a dimension's raw value names, when it is an id: the table and column of its display name. */
export interface LabelSource {
  table: string;
  column: string;
}

export interface DimensionEntry {
  label: string;
  /** The SQL of the value per dataset; `period` is the column of the report's period field. */
  sql(dataset: Dataset, period: string, dialect: SqlDialect): string;
  names?: LabelSource;
  /** Groups of this dimension read in order of their value (time), not largest first. */
  ordered?: boolean;
}

/** The breach's snapshot of queue, assignee, topic and priority when the row is a breach; the request's otherwise. */
const snapshot = (column: string) => (dataset: Dataset) => (dataset === 'breaches' ? `b.${column}` : `r.${column}`);

/** Every dimension a report may group by: one entry each (its SQL, its label, where its names are). */
export const DIMENSION_TABLE: Record<Dimension, DimensionEntry> = {
  topic: { label: 'Topic', sql: snapshot('topicId'), names: { table: 'topic_nodes', column: 'name' } },
  queue: { label: 'Queue', sql: snapshot('queueId'), names: { table: 'queues', column: 'name' } },
  assignee: { label: 'Assignee', sql: snapshot('assigneeId'), names: { table: 'users', column: 'name' } },
  priority: { label: 'Priority', sql: snapshot('priority') },
  status: { label: 'Status', sql: () => 'r.status' },
  type: { label: 'Type', sql: () => 'r.type' },
  client: { label: 'Client', sql: () => 'r.clientId', names: { table: 'clients', column: 'name' } },
  month: { label: 'Month', sql: (_, period, dialect) => dialect.monthOf(period), ordered: true },
  week: { label: 'Week', sql: (_, period, dialect) => dialect.weekOf(period), ordered: true },
  day: { label: 'Day', sql: (_, period, dialect) => dialect.dayOf(period), ordered: true },
  // Replaced by the age buckets' CASE (age-buckets.ts), which needs the run's instant.
  age: { label: 'Age', sql: () => 'r.createdAt', ordered: true },
};

export interface MeasureContext {
  dialect: SqlDialect;
  /** A bound parameter holding the run's instant. */
  now: string;
  repeatDays: number;
  /** The caller's queue restriction for rows other than the grouped ones (earlier requests of a repeat). */
  queueCondition(alias: string): string;
}

export interface MeasureEntry {
  label: string;
  sql(context: MeasureContext): string;
  /** For a median: the value whose middle is taken per group, by a windowed query beside the GROUP BY (whose `sql` holds its place). */
  medianOf?(context: MeasureContext): string;
  /** Averages are rounded to two decimals; counts are integers. */
  decimals: 0 | 2;
}

const hours = (seconds: string) => `(${seconds}) / 3600.0`;

/** Every measure a report may compute per group: one entry each. */
export const MEASURE_TABLE: Record<Measure, MeasureEntry> = {
  count: { label: 'Count', sql: () => 'COUNT(*)', decimals: 0 },
  requests: { label: 'Requests', sql: () => 'COUNT(DISTINCT r.id)', decimals: 0 },
  open: { label: 'Open', sql: () => 'SUM(CASE WHEN r.isOpen = 1 THEN 1 ELSE 0 END)', decimals: 0 },
  closed: { label: 'Closed', sql: () => 'SUM(CASE WHEN r.isOpen = 0 THEN 1 ELSE 0 END)', decimals: 0 },
  avgResolutionHours: { label: 'Average resolution (hours)', sql: ({ dialect }) => `AVG(CASE WHEN r.closedAt IS NOT NULL THEN ${hours(dialect.secondsBetween('r.createdAt', 'r.closedAt'))} END)`, decimals: 2 },
  medianResolutionHours: { label: 'Median resolution (hours)', sql: () => 'NULL', medianOf: ({ dialect }) => `CASE WHEN r.closedAt IS NOT NULL THEN ${hours(dialect.secondsBetween('r.createdAt', 'r.closedAt'))} END`, decimals: 2 },
  avgAgeHours: { label: 'Average age (hours)', sql: ({ dialect, now }) => `AVG(CASE WHEN r.isOpen = 1 THEN ${hours(dialect.secondsBetween('r.createdAt', now))} END)`, decimals: 2 },
  breached: { label: 'Breached', sql: () => "SUM(CASE WHEN EXISTS (SELECT 1 FROM sla_breaches x WHERE x.requestId = r.id AND x.kind = 'breach') THEN 1 ELSE 0 END)", decimals: 0 },
  avgRating: { label: 'Average rating', sql: () => 'AVG((SELECT AVG(g.rating) FROM request_ratings g WHERE g.requestId = r.id AND g.rating IS NOT NULL))', decimals: 2 },
  repeats: {
    label: 'Repeats',
    // A repeat: an earlier request of the same client and topic, within repeatDays before this one.
    sql: ({ dialect, repeatDays, queueCondition }) =>
      `SUM(CASE WHEN r.clientId IS NOT NULL AND EXISTS (SELECT 1 FROM requests p WHERE p.clientId = r.clientId AND p.topicId = r.topicId AND (p.createdAt < r.createdAt OR (p.createdAt = r.createdAt AND p.id < r.id)) AND p.createdAt >= ${dialect.daysBefore('r.createdAt', repeatDays)}${queueCondition('p')}) THEN 1 ELSE 0 END)`,
    decimals: 0,
  },
};

/** The column of the period field on the dataset's rows. */
export function periodColumn(field: PeriodField): string {
  return field === 'occurredAt' ? 'b.occurredAt' : `r.${field}`;
}

export const DEFAULT_PERIOD: Record<Dataset, PeriodField> = { requests: 'createdAt', breaches: 'occurredAt' };
