import type { EntityManager } from 'typeorm';
import { ReportDefinition } from '../../reports/definitions/report-definition.entity';
import { unknownReportFields } from '../../reports/definitions/report-fields';
import { reportSpecIssues } from '../../reports/definitions/report-spec';
import type { ConfigDocument, ReportDoc } from '../config-document';
import type { ImportSession } from '../import-session';

/** The reports users defined; the built-in ones are each release's own and do not travel. */
export async function exportReports(manager: EntityManager): Promise<Pick<ConfigDocument, 'reports'>> {
  const rows = await manager.find(ReportDefinition, { where: { builtIn: false }, order: { code: 'ASC' } });
  return { reports: rows.map(({ code, name, description, definition }): ReportDoc => ({ code, name, description, definition })) };
}

/**
 * After the attributes their conditions name: each definition checked as the report API checks it. A code a
 * built-in report has is refused, as the API refuses to change a built-in one. A condition's value is taken
 * as it is: where it names an installation's data by id (a queue, an operator), that id is this installation's.
 */
export async function importReports(session: ImportSession, document: ConfigDocument): Promise<void> {
  for (const [index, { code, name, description, definition }] of (document.reports ?? []).entries()) {
    const path = `reports.${index}`;
    if ((await session.manager.findOneBy(ReportDefinition, { code }))?.builtIn) {
      session.refuse(`${path}.code`, `"${code}" is a built-in report`);
      continue;
    }
    const issues = reportSpecIssues(definition);
    const problems = issues.length ? issues : await unknownReportFields(session.manager, definition);
    if (problems.length) {
      session.refuseAll(path, problems);
      continue;
    }
    await session.upsert('reports', code, ReportDefinition, { code }, { name, description, definition }, { onCreate: { builtIn: false, ownerId: session.userId, createdAt: session.now, updatedAt: session.now }, onUpdate: { updatedAt: session.now } });
  }
}
