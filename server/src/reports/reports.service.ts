import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal';
import { actorQueues } from '../queues/queue-access';
import { REQUEST_FILTER_FIELDS } from '../requests/list/request-list.query';
import { visibleAttributeCodes } from '../requests/views/attribute-visibility';
import { currentConfiguration } from '../topics/configuration/configuration.repository';
import { ReportReader } from './report-reader';
import { ageBucketCase, fillBuckets, type AgeBucketCode } from './age-buckets';

/** Breaches and ratings are counted over the same recent window. */
const WINDOW_DAYS = 30;
const RATINGS = [1, 2, 3, 4, 5] as const;

export interface DashboardView {
  generatedAt: string;
  /** The queues counted: every queue for `requests.read.all`, otherwise the caller's own. */
  scope: 'all' | 'mine';
  backlog: { queueId: number; code: string; name: string; open: number; unassigned: number }[];
  age: { bucket: AgeBucketCode; open: number }[];
  breaches: { queueId: number | null; code: string | null; name: string | null; breaches: number }[];
  workload: { userId: number; login: string; name: string; open: number }[];
  /** The customers' ratings (1–5) given in the last `days` days on requests of the counted queues; closures by timeout carry none. */
  ratings: { days: number; distribution: { rating: number; count: number }[]; total: number; average: number | null };
}

type Row = Record<string, string | number | null>;
const count = (value: string | number | null) => Number(value ?? 0);

export interface ReportFields {
  requestFields: string[];
  attributes: { field: string; name: string; valueType: string }[];
}

/** The manager's dashboard: a handful of GROUP BY counts over the requests and breaches the caller may read. */
@Injectable()
export class ReportsService {
  constructor(private readonly reader: ReportReader) {}

  /** What a report's conditions may name for the caller: request fields, and the attributes they are shown (all with requests.read.all). */
  async fields(actor: Principal): Promise<ReportFields> {
    const configuration = await currentConfiguration(this.reader.dataSource.manager);
    const visible = actor.permissions.has('requests.read.all') ? null : visibleAttributeCodes(configuration);
    const attributes = configuration.attributes.filter((attribute) => !visible || visible.has(attribute.code)).map(({ code, name, valueType }) => ({ field: `attr.${code}`, name, valueType }));
    return { requestFields: [...REQUEST_FILTER_FIELDS], attributes: attributes.sort((a, b) => a.name.localeCompare(b.name)) };
  }

  async dashboard(actor: Principal, now = new Date()): Promise<DashboardView> {
    const readAll = actor.permissions.has('requests.read.all');
    const queueIds = readAll ? null : (await actorQueues(this.reader.dataSource.manager, actor)).member;
    const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
    const [backlog, age, breaches, workload, ratings] = await Promise.all([this.backlog(queueIds), this.age(queueIds, now), this.breaches(queueIds, since), this.workload(queueIds), this.ratings(queueIds, since)]);
    return { generatedAt: now.toISOString(), scope: readAll ? 'all' : 'mine', backlog, age, breaches, workload, ratings };
  }

  private async backlog(queueIds: number[] | null): Promise<DashboardView['backlog']> {
    const rows: Row[] = await this.openRequests(queueIds)
      .innerJoin('queues', 'q', 'q.id = r.queueId')
      .select('r.queueId', 'queueId')
      .addSelect('q.code', 'code')
      .addSelect('q.name', 'name')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN r.assigneeId IS NULL THEN 1 ELSE 0 END)', 'unassigned')
      .groupBy('r.queueId')
      .addGroupBy('q.code')
      .addGroupBy('q.name')
      .orderBy('q.code', 'ASC')
      .getRawMany();
    return rows.map((row) => ({ queueId: count(row.queueId), code: String(row.code), name: String(row.name), open: count(row.open), unassigned: count(row.unassigned) }));
  }

  private async age(queueIds: number[] | null, now: Date): Promise<DashboardView['age']> {
    const bucket = ageBucketCase('r.createdAt', now);
    const rows: Row[] = await this.openRequests(queueIds)
      .select(bucket.sql, 'bucket')
      .addSelect('COUNT(*)', 'open')
      .setParameters(bucket.parameters)
      .groupBy('bucket')
      .getRawMany();
    return fillBuckets(new Map(rows.map((row) => [String(row.bucket), count(row.open)])));
  }

  private async breaches(queueIds: number[] | null, since: Date): Promise<DashboardView['breaches']> {
    const builder = this.reader.dataSource
      .createQueryBuilder()
      .from('sla_breaches', 'b')
      .leftJoin('queues', 'q', 'q.id = b.queueId')
      .select('b.queueId', 'queueId')
      .addSelect('q.code', 'code')
      .addSelect('q.name', 'name')
      .addSelect('COUNT(*)', 'breaches')
      .where('b.kind = :kind AND b.occurredAt >= :since', { kind: 'breach', since })
      .groupBy('b.queueId')
      .addGroupBy('q.code')
      .addGroupBy('q.name')
      .orderBy('q.code', 'ASC');
    restrict(builder, 'b', queueIds);
    const rows: Row[] = await builder.getRawMany();
    return rows.map((row) => ({ queueId: row.queueId === null ? null : count(row.queueId), code: row.code === null ? null : String(row.code), name: row.name === null ? null : String(row.name), breaches: count(row.breaches) }));
  }

  private async workload(queueIds: number[] | null): Promise<DashboardView['workload']> {
    const rows: Row[] = await this.openRequests(queueIds)
      .innerJoin('users', 'u', 'u.id = r.assigneeId')
      .select('r.assigneeId', 'userId')
      .addSelect('u.login', 'login')
      .addSelect('u.name', 'name')
      .addSelect('COUNT(*)', 'open')
      .groupBy('r.assigneeId')
      .addGroupBy('u.login')
      .addGroupBy('u.name')
      .orderBy('open', 'DESC')
      .addOrderBy('u.login', 'ASC')
      .getRawMany();
    return rows.map((row) => ({ userId: count(row.userId), login: String(row.login), name: String(row.name), open: count(row.open) }));
  }

  private async ratings(queueIds: number[] | null, since: Date): Promise<DashboardView['ratings']> {
    const builder = this.reader.dataSource
      .createQueryBuilder()
      .from('request_ratings', 'g')
      .innerJoin('requests', 'r', 'r.id = g.requestId')
      .select('g.rating', 'rating')
      .addSelect('COUNT(*)', 'count')
      .where('g.rating IS NOT NULL AND g.createdAt >= :since', { since })
      .groupBy('g.rating');
    restrict(builder, 'r', queueIds);
    const rows: Row[] = await builder.getRawMany();
    const counts = new Map(rows.map((row) => [count(row.rating), count(row.count)]));
    const distribution = RATINGS.map((rating) => ({ rating, count: counts.get(rating) ?? 0 }));
    const total = distribution.reduce((sum, bucket) => sum + bucket.count, 0);
    const sum = distribution.reduce((all, bucket) => all + bucket.rating * bucket.count, 0);
    return { days: WINDOW_DAYS, distribution, total, average: total ? Math.round((sum / total) * 100) / 100 : null };
  }

  private openRequests(queueIds: number[] | null): SelectQueryBuilder<Row> {
    const builder = this.reader.dataSource.createQueryBuilder().from('requests', 'r').where('r.isOpen = :open', { open: true });
    return restrict(builder, 'r', queueIds);
  }
}

/** `null` is every queue; a list (perhaps empty) is only those queues. */
function restrict<T extends object>(builder: SelectQueryBuilder<T>, alias: string, queueIds: number[] | null): SelectQueryBuilder<T> {
  if (queueIds === null) return builder;
  return queueIds.length ? builder.andWhere(`${alias}.queueId IN (:...queueIds)`, { queueIds }) : builder.andWhere('1 = 0');
}
