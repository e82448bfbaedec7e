import { createHmac } from 'node:crypto';
import { retryDelayMs } from '../../scheduler/leased-queue';
import { isPrivateAddress, refusedAddresses, signatureOf, urlProblem } from './webhook-policy';

describe('webhook policy', () => {
  it('signs the exact body with HMAC-SHA256', () => {
    const body = '{"event":"onEnter","n":1}';
    expect(signatureOf('s3cret', body)).toBe(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
    expect(signatureOf('s3cret', body)).not.toBe(signatureOf('s3cret', `${body} `));
    expect(signatureOf('s3cret', body)).not.toBe(signatureOf('other', body));
  });

  it('backs off four times longer after each failed attempt, up to an hour', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 30_000))).toEqual([30_000, 120_000, 480_000, 1_920_000]);
    expect(retryDelayMs(9, 30_000)).toBe(3_600_000);
    expect(retryDelayMs(2, 100)).toBe(400);
  });

  it.each([
    ['https://hooks.example.com/docket', null],
    ['http://hooks.example.com:8080/x?y=1', null],
    ['ftp://hooks.example.com/', 'scheme ftp: is not allowed; only http and https'],
    ['file:///etc/passwd', 'scheme file: is not allowed; only http and https'],
    ['https://user:pw@hooks.example.com/', 'credentials in the URL are not allowed'],
    ['not a url', 'not a valid URL'],
  ])('checks the URL %s', (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['2606:4700:4700::1111', false],
    ['localhost', true],
  ])('classifies %s as private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('refuses a host when any address it resolves to is private, unless private destinations are allowed', () => {
    expect(refusedAddresses(['8.8.8.8', '10.0.0.5'], false)).toEqual(['10.0.0.5']);
    expect(refusedAddresses(['8.8.8.8'], false)).toEqual([]);
    expect(refusedAddresses(['127.0.0.1'], true)).toEqual([]);
  });
});
