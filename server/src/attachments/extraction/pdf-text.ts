import { getDocumentProxy } from 'unpdf';
import type { TextSink } from './text-sink';

/**
 * The text of each page in order, through unpdf (PDF.js bundled for servers: no worker, no canvas,
 * nothing fetched). Stops between pages when the sink is full or the deadline passed.
 */
export async function pdfText(bytes: Buffer, sink: TextSink): Promise<void> {
  // A copy: PDF.js transfers (detaches) the buffer it is given, and a small Buffer shares Node's pool.
  // Verbosity 0: font warnings are not worth a log line each.
  const document = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  try {
    for (let number = 1; number <= document.numPages && !sink.full() && !sink.late(); number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      sink.add(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('') + '\n\n');
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
}
