import { Workbook } from 'exceljs';
import { escapeHtml } from '../../notifications/template-renderer';
import type { ExportFormat } from '../definitions/report-vocabulary';
import type { Cell, ReportResult } from '../run/report-runner';


export interface ReportFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The report as a file in one of the export formats, named after the report's code and the run's instant. */
export async function renderReport(result: ReportResult, title: { code: string; name: string }, format: ExportFormat): Promise<ReportFile> {
  const content = format === 'xlsx' ? await xlsx(result, title.name) : format === 'csv' ? csv(result) : html(result, title.name);
  const stamp = result.generatedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { filename: `${title.code}-${stamp}.${format}`, contentType: CONTENT_TYPES[format], content };
}

/** A note under the rows when the row cap cut the report. */
function truncationNote(result: ReportResult): string | null {
  return result.truncated ? `Only the first ${result.limit} rows are shown; narrow the filters to see the rest.` : null;
}

async function xlsx(result: ReportResult, name: string): Promise<Buffer> {
  const workbook = new Workbook();
  // Sheet names are at most 31 characters and cannot hold []:*?/\.
  const sheet = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report');
  sheet.columns = result.columns.map((column) => ({ header: column.label, key: column.key, width: Math.max(12, column.label.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  // Cells are written as values, never formulas: a text starting with "=" stays text in exceljs.
  for (const row of result.rows) sheet.addRow(result.columns.map((column) => row[column.key]));
  const note = truncationNote(result);
  if (note) sheet.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180 with a BOM (Excel reads UTF-8 only with it), CRLF lines, and formula-looking text neutralised. */
function csv(result: ReportResult): Buffer {
  const lines = [result.columns.map((column) => csvField(column.label)), ...result.rows.map((row) => result.columns.map((column) => csvField(row[column.key])))].map((fields) => fields.join(','));
  const note = truncationNote(result);
  if (note) lines.push(csvField(note));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Text a spreadsheet would run as a formula (= + - @, and tab or CR that some read before them) gets a leading quote. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function html(result: ReportResult, name: string): Buffer {
  const header = result.columns.map((column) => `<th>${escapeHtml(column.label)}</th>`).join('');
  const body = result.rows.map((row) => `<tr>${result.columns.map((column) => `<td${column.kind === 'measure' ? ' class="n"' : ''}>${escapeHtml(row[column.key] === null ? '' : String(row[column.key]))}</td>`).join('')}</tr>`).join('\n');
  const note = truncationNote(result);
  return Buffer.from(
    `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(name)}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right}</style></head>
<body><h1>${escapeHtml(name)}</h1><p>Generated ${escapeHtml(result.generatedAt)}</p>
<table><thead><tr>${header}</tr></thead><tbody>
${body}
</tbody></table>${note ? `<p>${escapeHtml(note)}</p>` : ''}</body></html>
`,
    'utf8',
  );
}
