import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { TextSink } from './text-sink';

/** The running text of a Word document (paragraphs on their own lines). */
export async function docxText(bytes: Buffer, sink: TextSink): Promise<void> {
  const result = await mammoth.extractRawText({ buffer: bytes });
  sink.add(result.value);
}

/** Every sheet's name and its cells' shown values, a row a line and cells separated by tabs. */
export async function xlsxText(bytes: Buffer, sink: TextSink): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    if (sink.full()) return;
    sink.add(`${sheet.name}\n`);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (sink.full()) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => void cells.push(cell.text));
      sink.add(`${cells.join('\t')}\n`);
    });
  }
}
