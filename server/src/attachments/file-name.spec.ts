import { contentDisposition, MAX_FILE_NAME, safeFileName } from './file-name';

describe('safeFileName', () => {
  it('drops directories, controls, reserved characters and leading dots', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('.htaccess')).toBe('htaccess');
    expect(safeFileName('a\u0000b\r\nc\u202Egnp.exe')).toBe('abcgnp.exe');
    expect(safeFileName('what? <really> "yes" | *.txt')).toBe('what_ _really_ _yes_ _ _.txt');
    expect(safeFileName(undefined)).toBe('file');
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = safeFileName(`${'я'.repeat(500)}.docx`);
    expect([...name].length).toBe(MAX_FILE_NAME);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('is always an attachment, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Отчёт 1.pdf')).toBe(`attachment; filename="_____ 1.pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%201.pdf`);
    expect(contentDisposition('say "hi" 100%.txt')).toBe(`attachment; filename="say _hi_ 100_.txt"; filename*=UTF-8''say%20_hi_%20100%25.txt`);
    expect(contentDisposition('evil.html\r\nX-Injected: 1')).not.toMatch(/[\r\n]/);
  });
});
