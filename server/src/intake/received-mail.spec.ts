import { cutToBytes, MAX_BODY_BYTES, readMail } from './received-mail';

const mail = (headers: string, body: string) => Buffer.from(`${headers}\r\n\r\n${body}`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'));

describe('reading a received mail', () => {
  it('takes the sender, subject, thread headers and key', async () => {
    const read = await readMail(mail('From: "Anna K" <Anna@Client.Example>\nSubject: =?UTF-8?B?0J/RgNC40L3RgtC10YA=?= <b>broken</b>\nMessage-ID: <m1@client.example>\nIn-Reply-To: <n1@docket.test>\nReferences: <n0@docket.test> <n1@docket.test>', 'Hello'), 1000);
    expect(read).toMatchObject({ key: '<m1@client.example>', sender: 'anna@client.example', senderName: 'Anna K', subject: 'Принтер broken', automatic: false, files: [], notes: [] });
    expect(read.thread).toMatchObject({ inReplyTo: '<n1@docket.test>' });
  });

  it('neutralises scripts in HTML and escapes plain text', async () => {
    const html = await readMail(mail('From: a@b.example\nContent-Type: text/html; charset=utf-8', '<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(2)></p>'), 1000);
    expect(html.body).toBe('<p>Hi</p>');
    const text = await readMail(mail('From: a@b.example\nContent-Type: text/plain', 'if a < b then <script>alert(1)</script>'), 1000);
    expect(text.body).not.toContain('<script>');
    expect(text.body).toContain('&lt;script&gt;');
  });

  it('keeps files within the limit and notes the ones over it', async () => {
    const multipart = mail(
      'From: a@b.example\nSubject: files\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="XX"',
      ['--XX', 'Content-Type: text/plain', '', 'see files', '--XX', 'Content-Type: text/plain; name="small.txt"', 'Content-Disposition: attachment; filename="small.txt"', '', 'small file', '--XX', 'Content-Type: application/octet-stream; name="big.bin"', 'Content-Disposition: attachment; filename="big.bin"', 'Content-Transfer-Encoding: base64', '', Buffer.alloc(300, 1).toString('base64'), '--XX--', ''].join('\n'),
    );
    const read = await readMail(multipart, 100);
    expect(read.files.map((file) => file.fileName)).toEqual(['small.txt']);
    expect(read.notes).toEqual(['The attachment “big.bin” (300 bytes) was not kept: larger than the limit of 100 bytes.']);
  });

  it('marks automatic replies and names a message without subject', async () => {
    const read = await readMail(mail('From: robot@b.example\nAuto-Submitted: auto-replied', 'I am away'), 1000);
    expect(read).toMatchObject({ automatic: true, subject: '(no subject)' });
  });

  it('cuts long bodies between characters', async () => {
    expect(cutToBytes('жжж', 5)).toBe('жж');
    expect(cutToBytes('abc', 5)).toBe('abc');
    const long = await readMail(mail('From: a@b.example', 'ж'.repeat(MAX_BODY_BYTES)), 1000);
    expect(Buffer.byteLength(long.body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(long.notes).toEqual([`The message text was cut at ${MAX_BODY_BYTES} bytes.`]);
  });
});
