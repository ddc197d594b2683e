import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('when nothing is set, then SQLite under data/, port 3000 and demo data are the defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseProvider: 'sqlite', databaseUrl: 'file:./data/portal.db', demoData: true, env: 'development' });
    expect(config.uploadDir).toMatch(/uploads$/);
  });

  it('when DATABASE_URL is postgresql://, then PostgreSQL is selected', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x' }).databaseProvider).toBe('postgresql');
  });

  it('when FILE_STORAGE is unset, then files go to the folder on SQLite and into the database on PostgreSQL', () => {
    expect(loadConfig({}).fileStorage).toBe('folder');
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x' }).fileStorage).toBe('database');
  });

  it('when FILE_STORAGE is set, then it overrides the choice by database, and any other value stops the start', () => {
    expect(loadConfig({ FILE_STORAGE: 'database' }).fileStorage).toBe('database');
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x', FILE_STORAGE: 'folder' }).fileStorage).toBe('folder');
    expect(() => loadConfig({ FILE_STORAGE: 's3' })).toThrow(/FILE_STORAGE/);
  });

  it('when a value is bad, then the start fails with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DEMO_DATA: 'vielleicht' })).toThrow(/DEMO_DATA/);
  });

  it('when running in production, then a long SESSION_SECRET is required, cookies are secure and demo data is off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({ secureCookies: true, demoData: false });
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' }).demoData).toBe(true);
  });
});
