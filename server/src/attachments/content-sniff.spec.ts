import JSZip from 'jszip';
import { makeDocx, makePdf, makeXlsx } from '../../../test/helpers/documents';
import { DOCX, HTML, PDF, sniffContentType, TEXT, typeConflict, UNKNOWN, XLSX, ZIP } from './content-sniff';

describe('sniffContentType', () => {
  it('knows PDF, DOCX and XLSX by their bytes', async () => {
    expect(sniffContentType(makePdf(['hello']), true)).toBe(PDF);
    expect(sniffContentType(await makeDocx(['hello']), true)).toBe(DOCX);
    expect(sniffContentType(await makeXlsx({ Sheet: [['a']] }), true)).toBe(XLSX);
  });

  it('calls a zip without Office parts a zip', async () => {
    const zip = await new JSZip().file('notes.txt', 'hi').generateAsync({ type: 'nodebuffer' });
    expect(sniffContentType(zip, true)).toBe(ZIP);
  });

  it('tells text, HTML and binary apart', () => {
    expect(sniffContentType(Buffer.from('Привет, printer is down\r\n'), true)).toBe(TEXT);
    expect(sniffContentType(Buffer.from('  <!DOCTYPE html><html><body>x</body></html>'), true)).toBe(HTML);
    expect(sniffContentType(Buffer.from('<p>only a fragment</p>'), true)).toBe(TEXT);
    expect(sniffContentType(Buffer.from([0x00, 0x01, 0x02, 0x03]), true)).toBe(UNKNOWN);
    expect(sniffContentType(Buffer.from([0xc3, 0x28]), true)).toBe(UNKNOWN);
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), true)).toBe('image/png');
  });

  it('accepts a head cut inside a multi-byte character, but not a whole file ending so', () => {
    const cut = Buffer.from('ошибка', 'utf8').subarray(0, 11);
    expect(sniffContentType(cut, false)).toBe(TEXT);
    expect(sniffContentType(cut, true)).toBe(UNKNOWN);
  });
});

describe('typeConflict', () => {
  it('lets matching, generic and aliased declarations through', () => {
    expect(typeConflict('application/pdf', PDF)).toBeNull();
    expect(typeConflict('APPLICATION/PDF; name=x', PDF)).toBeNull();
    expect(typeConflict(undefined, PDF)).toBeNull();
    expect(typeConflict('application/octet-stream', PDF)).toBeNull();
    expect(typeConflict('application/zip', DOCX)).toBeNull();
    expect(typeConflict(DOCX, ZIP)).toBeNull();
    expect(typeConflict('text/csv', TEXT)).toBeNull();
    expect(typeConflict('application/json', TEXT)).toBeNull();
    expect(typeConflict('video/mp4', UNKNOWN)).toBeNull();
  });

  it('refuses a file that is not what it claims', () => {
    expect(typeConflict('image/png', PDF)).toMatch(/declared image\/png, but the content is application\/pdf/);
    expect(typeConflict('application/pdf', TEXT)).toMatch(/content is text/);
    expect(typeConflict('text/plain', 'application/x-msdownload')).toMatch(/binary/);
    expect(typeConflict('application/pdf', UNKNOWN)).toMatch(/does not start like one/);
    expect(typeConflict(XLSX, PDF)).not.toBeNull();
  });
});
