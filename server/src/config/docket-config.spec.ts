import { loadConfig } from './docket-config';

describe('loadConfig: the reports replica', () => {
  const primary = 'mariadb://docket@db-primary/docket';
  const replica = 'mariadb://reader@db-replica/docket';

  it('reads reports from the replica named beside a MySQL/MariaDB primary', () => {
    expect(loadConfig({ DATABASE_URL: primary, DOCKET_REPORTS_DATABASE_URL: replica })).toMatchObject({ driver: 'mysql', reportsDatabaseUrl: replica });
    expect(loadConfig({ DATABASE_URL: primary }).reportsDatabaseUrl).toBeUndefined();
  });

  it('refuses a replica beside the embedded SQLite database, or a replica that is not MySQL/MariaDB', () => {
    expect(() => loadConfig({ DOCKET_REPORTS_DATABASE_URL: replica })).toThrow(/needs DATABASE_URL on MySQL\/MariaDB/);
    expect(() => loadConfig({ DATABASE_URL: primary, DOCKET_REPORTS_DATABASE_URL: 'sqlite:./copy.sqlite' })).toThrow(/MySQL\/MariaDB read replica/);
  });
});
