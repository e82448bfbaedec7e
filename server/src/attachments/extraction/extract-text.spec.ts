import JSZip from 'jszip';
import { makeDocx, makeXlsx } from '../../../../test/helpers/documents';
import { DOCX, HTML, TEXT, XLSX } from '../content-sniff';
import { clip, DEFAULT_LIMITS, extractText, normaliseText } from './extract-text';
import { TextSink } from './text-sink';
import { zipContents } from './zip-size';

describe('extractText', () => {
  it('reads the paragraphs of a DOCX', async () => {
    const result = await extractText(await makeDocx(['Quarterly kumquat report', 'Second & last paragraph']), DOCX);
    expect(result).toEqual({ status: 'extracted', text: 'Quarterly kumquat report\n\nSecond & last paragraph' });
  });

  it('reads every sheet of an XLSX, a row a line', async () => {
    const result = await extractText(await makeXlsx({ Stock: [['item', 'count'], ['persimmon', 12]], Notes: [['ok']] }), XLSX);
    expect(result.status).toBe('extracted');
    expect(result.text).toBe('Stock\nitem count\npersimmon 12\nNotes\nok');
  });

  it('reads text (UTF-8 or UTF-16 with a mark) and the words of HTML, never its scripts', async () => {
    expect(await extractText(Buffer.from('Принтер  не\r\nпечатает'), TEXT)).toEqual({ status: 'extracted', text: 'Принтер не\nпечатает' });
    expect((await extractText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('wide text', 'utf16le')]), TEXT)).text).toBe('wide text');
    const html = '<html><head><style>p{}</style><script>alert("x")</script></head><body><p>Fish &amp; chips</p><a href="http://evil">link</a></body></html>';
    expect(await extractText(Buffer.from(html), HTML)).toEqual({ status: 'extracted', text: 'Fish & chips\n\nlink' });
  });

  it('keeps at most maxChars and says so', async () => {
    const result = await extractText(Buffer.from('word '.repeat(1000)), TEXT, { ...DEFAULT_LIMITS, maxChars: 102 });
    expect(result.status).toBe('truncated');
    expect(result.text.length).toBeLessThanOrEqual(102);
    expect(result.text.endsWith('word')).toBe(true);
  });

  it('answers failed for a broken file and unsupported for a type it does not read', async () => {
    expect((await extractText(Buffer.from('PK\x03\x04 not really a zip'), DOCX)).status).toBe('failed');
    expect((await extractText(Buffer.from('garbage'), 'image/png')).status).toBe('unsupported');
  });

  it('refuses a zip that would unpack past the limit without unpacking it', async () => {
    const bomb = await new JSZip().file('word/document.xml', '0'.repeat(2_000_000)).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(20_000);
    expect(zipContents(bomb)).toEqual({ entries: 2, uncompressedBytes: 2_000_000 });
    expect(await extractText(bomb, DOCX, { ...DEFAULT_LIMITS, maxUnpackedBytes: 1_000_000 })).toEqual({ status: 'refused', text: '', detail: 'unpacks to 2000000 bytes' });
  });
});

describe('text helpers', () => {
  it('folds whitespace and blank lines', () => {
    expect(normaliseText(' a \t b\r\n\r\n\r\n\n c  ')).toBe('a b\n\nc');
  });

  it('clips at a word boundary', () => {
    expect(clip('alpha beta gamma', 12)).toBe('alpha beta');
    expect(clip('short', 12)).toBe('short');
  });

  it('stops collecting at its bound and knows when it is late', () => {
    let now = 0;
    const sink = new TextSink(5, 10, () => now);
    sink.add('abc');
    sink.add('defg');
    sink.add('more');
    expect(sink.text()).toBe('abcde');
    expect(sink.truncated).toBe(true);
    expect(sink.late()).toBe(false);
    now = 11;
    expect(sink.late()).toBe(true);
  });
});
