import { isAutomatic, messageKeyOf, referencedMessageIds, requestIdOfEventKey, requestNumbersIn, threadedRequestId } from './mail-threading';

const headers = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('mail threading', () => {
  const index = {
    sent: new Map([
      ['<a1@docket.test>', 'request:42:created'],
      ['<b2@docket.test>', 'request:7:comment:19'],
      ['<c3@docket.test>', 'digest:2026-03-01'],
    ]),
    numbers: new Map([
      ['REQ-2026-000123', 123],
      ['REQ-2026-000124', 124],
    ]),
  };

  it('reads In-Reply-To first, then References newest first, each once', () => {
    expect(referencedMessageIds({ inReplyTo: '<x@y>', references: '<old@y> <mid@y>  <x@y>' })).toEqual(['<x@y>', '<mid@y>', '<old@y>']);
    expect(referencedMessageIds({ references: ['<one@y>', '<two@y>'] })).toEqual(['<two@y>', '<one@y>']);
    expect(referencedMessageIds({})).toEqual([]);
  });

  it('finds request numbers in any case, once each', () => {
    expect(requestNumbersIn('Re: [req-2026-000123] printer, see REQ-2026-000123 and REQ-2025-1000000')).toEqual(['REQ-2026-000123', 'REQ-2025-1000000']);
    expect(requestNumbersIn('REQ-2026-12 is not a number, nor XREQ-2026-000123')).toEqual([]);
    expect(requestNumbersIn(undefined)).toEqual([]);
  });

  it('reads the request of a notification event key only', () => {
    expect(requestIdOfEventKey('request:42:created')).toBe(42);
    expect(requestIdOfEventKey('digest:2026-03-01')).toBeNull();
    expect(requestIdOfEventKey('request:x:created')).toBeNull();
  });

  it('threads by a Docket Message-ID before a number in the subject', () => {
    expect(threadedRequestId({ inReplyTo: '<b2@docket.test>', subject: 'Re: REQ-2026-000123' }, index)).toBe(7);
    expect(threadedRequestId({ references: '<unknown@elsewhere> <a1@docket.test>' }, index)).toBe(42);
  });

  it('falls back to the first known number in the subject, and to a new request', () => {
    expect(threadedRequestId({ inReplyTo: '<c3@docket.test>', subject: 'Re: REQ-2026-000999 REQ-2026-000124' }, index)).toBe(124);
    expect(threadedRequestId({ inReplyTo: '<unknown@elsewhere>', subject: 'Printer broken' }, index)).toBeNull();
  });

  it('keys a message by its Message-ID, or by a digest of it when that is missing or too long', () => {
    const source = Buffer.from('Subject: hi\r\n\r\nbody');
    expect(messageKeyOf(' <m@x> ', source)).toBe('<m@x>');
    expect(messageKeyOf(undefined, source)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(messageKeyOf(`<${'a'.repeat(300)}@x>`, source)).toBe(messageKeyOf(undefined, source));
    expect(messageKeyOf(undefined, Buffer.from('other'))).not.toBe(messageKeyOf(undefined, source));
  });

  it('recognises mail written by machines', () => {
    expect(isAutomatic(headers({ 'auto-submitted': 'auto-replied' }))).toBe(true);
    expect(isAutomatic(headers({ precedence: 'bulk' }))).toBe(true);
    expect(isAutomatic(headers({ 'auto-submitted': 'no' }))).toBe(false);
    expect(isAutomatic(headers({}))).toBe(false);
  });
});
