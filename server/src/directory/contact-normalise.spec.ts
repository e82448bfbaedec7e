import { normaliseEmail, phoneDigits, phoneQuery, searchText } from './contact-normalise';

describe('directory normalisation', () => {
  it('keeps only the digits of a phone number', () => {
    expect(phoneDigits('+7 (8112) 72-00-01')).toBe('78112720001');
  });

  it('lower-cases e-mails and names, Cyrillic included', () => {
    expect(normaliseEmail('  Olga@Example.COM ')).toBe('olga@example.com');
    expect(searchText('  ООО  «Псков-Телеком» ')).toBe('ооо «псков-телеком»');
  });

  it('treats a query as a phone only when it is made of phone characters', () => {
    expect(phoneQuery('72-00-01')).toBe('720001');
    expect(phoneQuery('+7 (8112)')).toBe('78112');
    expect(phoneQuery('12')).toBeNull();
    expect(phoneQuery('Office 123')).toBeNull();
    expect(phoneQuery('K-2024/17')).toBeNull();
  });
});
