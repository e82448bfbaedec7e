import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { ReportDefinitionsService } from '../definitions/report-definitions.service';
import { checkReportSpec } from '../definitions/report-spec';
import type { ExportFormat } from '../definitions/report-vocabulary';
import { renderReport, type ReportFile } from '../export/report-export';
import { ReportReader } from '../report-reader';
import { runReport, type ReportResult } from './report-runner';

/** Runs stored and ad-hoc definitions for a caller, over the requests that caller may read. */
@Injectable()
export class ReportRunsService {
  constructor(
    private readonly reader: ReportReader,
    private readonly definitions: ReportDefinitionsService,
  ) {}

  async run(actor: Principal, id: number, now = new Date()): Promise<ReportResult & { report: { id: number; code: string; name: string } }> {
    const definition = await this.definitions.get(id);
    const result = await runReport(this.reader.dataSource.manager, actor, definition.definition, now);
    return { report: { id: definition.id, code: definition.code, name: definition.name }, ...result };
  }

  /** A definition tried before it is stored (the console's editor). */
  runAdHoc(actor: Principal, definition: unknown, now = new Date()): Promise<ReportResult> {
    return runReport(this.reader.dataSource.manager, actor, checkReportSpec(definition), now);
  }

  async export(actor: Principal, id: number, format: ExportFormat, now = new Date()): Promise<ReportFile> {
    const definition = await this.definitions.get(id);
    return renderReport(await runReport(this.reader.dataSource.manager, actor, definition.definition, now), definition, format);
  }
}
