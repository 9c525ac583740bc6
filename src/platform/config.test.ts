import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000, ./data, embedded database, localhost', () => {
    const c = loadConfig({}, '/srv/cong');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(path.resolve('/srv/cong/data'));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.baseDomain).toBe('localhost');
    expect(c.seedDemo).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
    expect(c.publishingSlots).toEqual({
      morning: { from: '06:00', to: '12:00' },
      afternoon: { from: '12:00', to: '18:00' },
      evening: { from: '18:00', to: '24:00' },
    });
    expect(c.deadlineReminderWorkingDays).toBe(2);
  });

  it('reads publishing slots and the reminder lead time', () => {
    const c = loadConfig({ PUBLISHING_SLOTS: '07:00-11:30, 13:30-17:00,19:00-22:00', DEADLINE_REMINDER_WORKING_DAYS: '3' });
    expect(c.publishingSlots.afternoon).toEqual({ from: '13:30', to: '17:00' });
    expect(c.deadlineReminderWorkingDays).toBe(3);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ BASE_DOMAIN: 'bad domain!' }, 'BASE_DOMAIN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ PUBLISHING_SLOTS: '06:00-12:00' }, 'PUBLISHING_SLOTS'],
    [{ PUBLISHING_SLOTS: '12:00-06:00,12:00-18:00,18:00-24:00' }, 'PUBLISHING_SLOTS'],
    [{ PUBLISHING_SLOTS: '06:00-13:00,12:00-18:00,18:00-24:00' }, 'PUBLISHING_SLOTS'],
    [{ DEADLINE_REMINDER_WORKING_DAYS: '-1' }, 'DEADLINE_REMINDER_WORKING_DAYS'],
  ])('names the bad setting %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('reads every documented setting', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/cong',
      DATABASE_URL: 'postgres://cong@db:5432/cong',
      BASE_DOMAIN: 'Hanoi.gov.vn',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      SHUTDOWN_TIMEOUT_MS: '5000',
      DATABASE_POOL_SIZE: '20',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/cong',
      databaseUrl: 'postgres://cong@db:5432/cong',
      baseDomain: 'hanoi.gov.vn',
      nodeEnv: 'production',
      logLevel: 'warn',
      seedDemo: false,
      trustProxy: true,
      shutdownTimeoutMs: 5000,
      databasePoolSize: 20,
    });
  });
});
