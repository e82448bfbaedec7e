import type { ReportSpec } from './report-vocabulary';

export interface BuiltInReport {
  code: string;
  name: string;
  description: string;
  definition: ReportSpec;
}

/** The reports every installation has (SPEC §3.9); seeded at start by code, so a user's own never clash. */
export const BUILT_IN_REPORTS: readonly BuiltInReport[] = [
  {
    code: 'by-topic',
    name: 'Requests by topic',
    description: 'Requests created in the last 30 days per topic: how many, how many still open, how long closing took',
    definition: { dataset: 'requests', period: { field: 'createdAt', lastDays: 30 }, groupBy: ['topic'], measures: ['count', 'open', 'closed', 'avgResolutionHours'] },
  },
  {
    code: 'by-operator',
    name: 'Requests by operator',
    description: 'Requests created in the last 30 days per assignee, with resolution time and customer ratings',
    definition: { dataset: 'requests', period: { field: 'createdAt', lastDays: 30 }, groupBy: ['assignee'], measures: ['count', 'open', 'closed', 'avgResolutionHours', 'avgRating'] },
  },
  {
    code: 'repeat-requests',
    name: 'Repeat requests',
    description: 'Requests of the last 30 days per topic, and how many repeat one of the same client and topic made within 7 days before',
    definition: { dataset: 'requests', period: { field: 'createdAt', lastDays: 30 }, groupBy: ['topic'], measures: ['count', 'repeats'], repeatDays: 7 },
  },
  {
    code: 'sla-breaches',
    name: 'SLA breaches',
    description: 'Deadlines missed in the last 30 days per queue (as the queue was at the breach): breaches and requests breached',
    definition: { dataset: 'breaches', period: { field: 'occurredAt', lastDays: 30 }, groupBy: ['queue'], measures: ['count', 'requests'] },
  },
  {
    code: 'staff-performance',
    name: 'Staff performance',
    description: 'Requests closed in the last 30 days per assignee: how many, how fast (average and median), how many breached their deadline, how customers rated them',
    definition: { dataset: 'requests', period: { field: 'closedAt', lastDays: 30 }, open: false, groupBy: ['assignee'], measures: ['closed', 'avgResolutionHours', 'medianResolutionHours', 'breached', 'avgRating'] },
  },
  {
    code: 'backlog-ageing',
    name: 'Backlog and ageing',
    description: 'Open requests by how long ago they were created, with their average age',
    definition: { dataset: 'requests', open: true, groupBy: ['age'], measures: ['count', 'avgAgeHours'] },
  },
];
