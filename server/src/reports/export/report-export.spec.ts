import { csvField, renderReport } from './report-export';
import type { ReportResult } from '../run/report-runner';

const result: ReportResult = {
  generatedAt: '2026-03-10T12:00:00.000Z',
  scope: 'all',
  columns: [
    { key: 'queue', label: 'Queue', kind: 'dimension' },
    { key: 'count', label: 'Count', kind: 'measure' },
  ],
  rows: [
    { queue: '=HYPERLINK("http://evil")', count: 2 },
    { queue: 'Support, "first" line', count: -1 },
    { queue: '<script>alert(1)</script>', count: 0 },
    { queue: null, count: 1 },
  ],
  truncated: true,
  limit: 4,
};

describe('report files', () => {
  it('quotes CSV fields and neutralises text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'plain', 'a,b', 'say "hi"', 'two\nlines'].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", 'plain', '"a,b"', '"say ""hi"""', '"two\nlines"']);
    // Numbers are figures, not text: a negative count stays a number.
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
  });

  it('writes CSV with a BOM and CRLF lines, and notes the cut', async () => {
    const file = await renderReport(result, { code: 'by-queue', name: 'By queue' }, 'csv');
    expect(file).toMatchObject({ filename: 'by-queue-20260310-1200.csv', contentType: 'text/csv; charset=utf-8' });
    expect(file.content.toString('utf8')).toBe(
      '\uFEFFQueue,Count\r\n"\'=HYPERLINK(""http://evil"")",2\r\n"Support, ""first"" line",-1\r\n<script>alert(1)</script>,0\r\n,1\r\nOnly the first 4 rows are shown; narrow the filters to see the rest.\r\n',
    );
  });

  it('escapes every value in HTML', async () => {
    const text = (await renderReport(result, { code: 'by-queue', name: 'By <queue>' }, 'html')).content.toString('utf8');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('<title>By &lt;queue&gt;</title>');
  });
});
