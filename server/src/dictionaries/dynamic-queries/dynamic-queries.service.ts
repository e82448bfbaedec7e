import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, ErrorDetail, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { assertCodeFree, whereCodeOrName } from '../catalog-writes';
import { definedFields } from '../../common/defined-fields';
import { CatalogListQuery } from '../catalog.dto';
import { DynamicQuery } from '../entities/dynamic-query.entity';
import { DYNAMIC_QUERY_LIMITS, DYNAMIC_QUERY_TABLES } from './allowed-tables';
import { CreateDynamicQueryDto, UpdateDynamicQueryDto } from './dynamic-queries.dto';
import { bindParameters, checkDeclarations, QueryParameter } from './query-parameters';
import { CheckedSelect, checkSelect, SelectRejected } from './select-validator';

const AUDITED: (keyof DynamicQuery)[] = ['code', 'name', 'description', 'sql', 'parameters', 'valueColumn', 'labelColumn', 'maxRows', 'active'];

export interface DynamicQueryResult {
  code: string;
  items: { value: unknown; label: unknown }[];
  /** More rows matched than the query's maxRows. */
  truncated: boolean;
}

@Injectable()
export class DynamicQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CatalogListQuery): Promise<Page<DynamicQuery>> {
    const builder = whereCodeOrName(this.dataSource.getRepository(DynamicQuery).createQueryBuilder('q'), 'q', query.q).orderBy('q.code');
    if (query.active !== undefined) builder.andWhere('q.active = :active', { active: query.active });
    return pageOf(builder, query);
  }

  get(id: number): Promise<DynamicQuery> {
    return this.load(this.dataSource.manager, id);
  }

  async create(actor: Principal | null, body: CreateDynamicQueryDto): Promise<DynamicQuery> {
    const parameters = normalise(body.parameters ?? []);
    await this.validate(body.sql, parameters, body.valueColumn, body.labelColumn);
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree(manager, DynamicQuery, { code: body.code }, 'dynamic query', body.code);
      const query = manager.create(DynamicQuery, { description: '', maxRows: 100, active: true, ...definedFields(body), parameters });
      await manager.save(query);
      await this.audit.record(manager, actor, { entityType: 'dynamic_query', entityId: query.id, action: 'create', changes: changesBetween(null, query, AUDITED) });
      return query;
    });
  }

  async update(actor: Principal, id: number, body: UpdateDynamicQueryDto): Promise<DynamicQuery> {
    const current = await this.load(this.dataSource.manager, id);
    const next = { ...current, ...definedFields(body), parameters: body.parameters ? normalise(body.parameters) : current.parameters };
    await this.validate(next.sql, next.parameters, next.valueColumn, next.labelColumn);
    return this.dataSource.transaction(async (manager) => {
      const query = await this.load(manager, id);
      const before = { ...query };
      Object.assign(query, next);
      await manager.save(query);
      await this.audit.record(manager, actor, { entityType: 'dynamic_query', entityId: id, action: 'update', changes: changesBetween(before, query, AUDITED) });
      return query;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const query = await this.load(manager, id);
      await manager.delete(DynamicQuery, { id });
      await this.audit.record(manager, actor, { entityType: 'dynamic_query', entityId: id, action: 'delete', changes: changesBetween(query, {}, AUDITED) });
    });
  }

  /** Runs the stored query with the caller's values bound as typed parameters; the SQL itself never comes from the caller. */
  async run(id: number, params: Record<string, unknown>): Promise<DynamicQueryResult> {
    const query = await this.load(this.dataSource.manager, id);
    if (!query.active) throw conflict('inactive', `The dynamic query "${query.code}" is inactive`);
    const checked = checkSelect(query.sql, DYNAMIC_QUERY_TABLES);
    const { values, errors } = bindParameters(query.parameters, checked.parameterOrder, params);
    if (errors.length) throw badRequest('invalid_parameters', 'The parameters are not valid', errors);
    const rows = await this.execute(checked, values, query.maxRows + 1);
    return {
      code: query.code,
      items: rows.slice(0, query.maxRows).map((row) => ({ value: row[query.valueColumn], label: row[query.labelColumn] })),
      truncated: rows.length > query.maxRows,
    };
  }

  /** At save time: one SELECT on allowed tables, parameters declared and used, and the database accepts it. */
  private async validate(sql: string, parameters: QueryParameter[], valueColumn: string, labelColumn: string): Promise<void> {
    let checked: CheckedSelect;
    try {
      checked = checkSelect(sql, DYNAMIC_QUERY_TABLES);
    } catch (error) {
      if (error instanceof SelectRejected) throw badRequest('invalid_query', `The query is refused: ${error.message}`, [{ path: 'sql', message: error.message }]);
      throw error;
    }
    const errors: ErrorDetail[] = checkDeclarations(parameters, checked.parameterOrder);
    const names = parameters.map((parameter) => parameter.name);
    if (new Set(names).size !== names.length) errors.push({ path: 'parameters', message: 'parameter names must be distinct' });
    if (errors.length) throw badRequest('invalid_query', 'The query parameters do not match the query', errors);
    let sample: Record<string, unknown>[];
    try {
      sample = await this.execute(checked, checked.parameterOrder.map(() => null), 1);
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      const message = String((error.driverError as Error | undefined)?.message ?? error.message).slice(0, 500);
      throw badRequest('invalid_query', `The database refused the query: ${message}`, [{ path: 'sql', message }]);
    }
    const missing = sample.length ? [['valueColumn', valueColumn], ['labelColumn', labelColumn]].filter(([, column]) => !Object.hasOwn(sample[0], column)) : [];
    if (missing.length) throw badRequest('invalid_query', 'The query does not return the named columns', missing.map(([path, column]) => ({ path, message: `the query returns no column "${column}"` })));
  }

  /** Read-only where the database can enforce it, with a row limit and (MySQL/MariaDB) a time limit. */
  private async execute(checked: CheckedSelect, values: unknown[], limit: number): Promise<Record<string, unknown>[]> {
    const type = this.dataSource.options.type;
    let sql = `SELECT * FROM (${checked.positionalSql}) dynamic_rows LIMIT ${limit}`;
    if (type === 'mariadb') sql = `SET STATEMENT max_statement_time=${DYNAMIC_QUERY_LIMITS.timeoutMs / 1000} FOR ${sql}`;
    else if (type === 'mysql') sql = sql.replace(/^SELECT/, `SELECT /*+ MAX_EXECUTION_TIME(${DYNAMIC_QUERY_LIMITS.timeoutMs}) */`);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const mysql = type === 'mysql' || type === 'mariadb';
    // mysql2 binds a Date in UTC (timezone 'Z'); better-sqlite3 cannot bind one, and TypeORM stores instants there as UTC text.
    const bound = mysql ? values : values.map((value) => (value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value));
    try {
      if (mysql) await runner.query('START TRANSACTION READ ONLY');
      return (await runner.query(sql, bound)) as Record<string, unknown>[];
    } finally {
      if (mysql) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  private async load(manager: EntityManager, id: number): Promise<DynamicQuery> {
    const query = await manager.findOneBy(DynamicQuery, { id });
    if (!query) throw notFound('Dynamic query', id);
    return query;
  }
}

function normalise(parameters: { name: string; type: QueryParameter['type']; required?: boolean }[]): QueryParameter[] {
  return parameters.map((parameter) => ({ name: parameter.name, type: parameter.type, required: parameter.required ?? false }));
}
