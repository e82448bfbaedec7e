import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { FieldChange } from '../audit/audit-entry.entity';
import type { Principal } from '../auth/principal';
import { badRequest } from '../common/docket-error';
import { ListColumnService } from '../topics/list-column.service';
import { CONFIG_FORMAT, CONFIG_FORMAT_VERSION, TRANSFER_KINDS, type ConfigDocument } from './config-document';
import { documentShapeIssues } from './config-document.schema';
import { ImportSession, type ImportPlan } from './import-session';
import { exportClassification, importClassification } from './transfer/classification.transfer';
import { exportDictionaries, importDictionaries } from './transfer/dictionaries.transfer';
import { exportIntake, importIntake } from './transfer/intake.transfer';
import { exportProcessing, importQueues, importRoutes } from './transfer/processing.transfer';
import { exportReports, importReports } from './transfer/reports.transfer';
import { exportServiceLevels, importServiceLevels } from './transfer/service-levels.transfer';
import { exportTopics, importTopics } from './transfer/topics.transfer';

/** Thrown to roll a dry run back once its plan is known: a dry run writes through the very same code, then undoes it. */
class DryRunDone extends Error {
  constructor(readonly plan: ImportPlan) {
    super('dry run');
  }
}

/**
 * The whole configuration out as one document, and in again: an import applies everything in one
 * transaction, or nothing, with the checks the configuration API applies to each part.
 */
@Injectable()
export class ConfigTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly listColumns: ListColumnService,
  ) {}

  async exportDocument(now = new Date()): Promise<ConfigDocument> {
    const manager = this.dataSource.manager;
    const [dictionaries, topics, processing, serviceLevels, intake, classification, reports] = await Promise.all([exportDictionaries(manager), exportTopics(manager), exportProcessing(manager), exportServiceLevels(manager), exportIntake(manager), exportClassification(manager), exportReports(manager)]);
    return { format: CONFIG_FORMAT, formatVersion: CONFIG_FORMAT_VERSION, exportedAt: now.toISOString(), ...dictionaries, ...topics, queues: processing.queues, ...serviceLevels, ...intake, routes: processing.routes, ...classification, ...reports };
  }

  /**
   * A dry run answers the plan, problems included, and changes nothing. A real import with any problem
   * is refused (400, every problem at its path in the document) and changes nothing either.
   */
  async importDocument(actor: Principal, document: unknown, dryRun: boolean, now = new Date()): Promise<ImportPlan> {
    const shape = documentShapeIssues(document);
    if (shape.length) throw badRequest('invalid_document', 'The file is not a Docket configuration document', shape);
    const valid = document as ConfigDocument;
    let session: ImportSession;
    try {
      session = await this.dataSource.transaction(async (manager) => {
        const current = new ImportSession(manager, now, actor.login, actor.userId);
        await importDictionaries(current, valid);
        await importTopics(current, valid, this.listColumns);
        await importQueues(current, valid);
        await importServiceLevels(current, valid);
        await importIntake(current, valid);
        await importRoutes(current, valid);
        await importClassification(current, valid);
        await importReports(current, valid);
        if (dryRun) throw new DryRunDone(current.plan(true, false));
        if (current.problems.length) throw badRequest('invalid_configuration', `The configuration cannot be imported (${current.problems.length} problem${current.problems.length === 1 ? '' : 's'})`, current.problems);
        await this.audit.record(manager, actor, { entityType: 'configuration', entityId: valid.exportedAt, action: 'import', changes: auditedChanges(current) }, now);
        return current;
      });
    } catch (error) {
      if (error instanceof DryRunDone) return error.plan;
      throw error;
    }
    for (const work of session.afterCommit) await work();
    return session.plan(false, true);
  }
}

/** One journal line for the import: per kind, the codes it created and updated. */
function auditedChanges(session: ImportSession): FieldChange[] {
  return TRANSFER_KINDS.flatMap((kind) => {
    const { created, updated } = session.kinds[kind];
    return created.length || updated.length ? [{ field: kind, old: null, new: { created, updated } }] : [];
  });
}
