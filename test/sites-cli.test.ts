/**
 * The sites commands of the CLI, run as a city's IT officer runs them, on the engine of the run:
 * sites:create, sites:update, sites:status, and sites:import of 126 wards and communes (all or
 * none). A refused command prints the reason, named by its option, and exits non-zero. On
 * PostgreSQL, a running server serves what the CLI changed within seconds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './db.ts';
import { factories } from './factories.ts';
import { wardsCsv } from './sites-csv.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function cliOn(dataDir: string, url: string | undefined) {
  return (args: string[]) => {
    const env: Record<string, string> = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as Record<string, string>;
    if (url) env.DATABASE_URL = url;
    else delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli.ts'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}

describe('npm run cli -- sites:*', { timeout: 240_000 }, () => {
  let dataDir: string;
  let db: TestDatabase;
  let cli: ReturnType<typeof cliOn>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-sites-cli-'));
    db = await createTestDatabase();
    await db.close();
    cli = cliOn(dataDir, db.url);
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const list = () => JSON.parse(cli(['sites:list', '--json']).out) as { code: string; name: string; hosts: string[]; status: string }[];

  it('creates the portal and a ward with a host name, and refuses bad input naming the option', () => {
    const portal = cli([
      'sites:create',
      '--code',
      'hanoi',
      '--kind',
      'portal',
      '--name',
      'Cổng Thông tin điện tử Thành phố Hà Nội',
      '--name-en',
      'Hanoi City E-Portal',
    ]);
    expect(portal.code, portal.err).toBe(0);
    const ward = cli([
      'sites:create',
      '--code',
      'phuonghoankiem',
      '--name',
      'Phường Hoàn Kiếm',
      '--kind',
      'ward',
      '--parent',
      'hanoi',
      '--host',
      'hoankiem.hanoi.gov.vn',
    ]);
    expect(ward.code, ward.err).toBe(0);
    expect(ward.out).toContain('Created phuonghoankiem (ward');
    expect(list().find((s) => s.code === 'phuonghoankiem')).toMatchObject({ name: 'Phường Hoàn Kiếm', hosts: ['hoankiem.hanoi.gov.vn'], status: 'active' });

    const refusals: [string[], string][] = [
      [['--code', 'phuonghoankiem', '--name', 'X', '--kind', 'ward', '--parent', 'hanoi'], '--code: Mã trang “phuonghoankiem” đã được dùng.'],
      [['--code', 'api', '--name', 'X', '--kind', 'ward', '--parent', 'hanoi'], '--code: Mã “api” được dành cho nền tảng'],
      [['--code', 'phuongmoi', '--name', 'X', '--kind', 'ward'], '--parent: Trang thành phần phải thuộc một trang cấp trên'],
      [
        ['--code', 'phuongmoi', '--name', 'X', '--kind', 'ward', '--parent', 'hanoi', '--host', 'hoankiem.hanoi.gov.vn'],
        '--host: Tên miền đã thuộc trang khác: hoankiem.hanoi.gov.vn.',
      ],
      [['--code', 'phuongmoi', '--name', 'X', '--kind', 'ward', '--parent', 'hanoi', '--theme', '#ffcc00'], '--theme: Màu #ffcc00 không đủ tương phản'],
      [['--code', 'phuongmoi', '--name', 'X', '--kind', 'quan', '--parent', 'hanoi'], 'Unknown kind "quan"'],
      [['--code', 'phuongmoi', '--kind', 'ward'], 'sites:create needs --code, --name and --kind'],
    ];
    for (const [args, message] of refusals) {
      const r = cli(['sites:create', ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toContain(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(list().map((s) => s.code)).toEqual(['hanoi', 'phuonghoankiem']);
  });

  it('changes a site, and sets it under maintenance, closed and active again — never closing the portal', () => {
    const updated = cli([
      'sites:update',
      'phuonghoankiem',
      '--email',
      'ubnd@hoankiem.hanoi.gov.vn',
      '--host',
      'hoankiem.hanoi.gov.vn',
      '--host',
      'hk.hanoi.gov.vn',
    ]);
    expect(updated.code, updated.err).toBe(0);
    expect(list().find((s) => s.code === 'phuonghoankiem')!.hosts).toEqual(['hk.hanoi.gov.vn', 'hoankiem.hanoi.gov.vn']);
    const cycle = cli(['sites:update', 'hanoi', '--parent', 'phuonghoankiem']);
    expect(cycle.code).toBe(1);
    expect(cycle.err).toContain('--parent: Không thể đặt “phuonghoankiem” làm trang cấp trên');
    expect(cli(['sites:update', 'khongco', '--name', 'X']).err).toContain('Không có trang mã “khongco”.');

    expect(cli(['sites:status', 'phuonghoankiem', 'closed']).out).toContain('phuonghoankiem is now closed.');
    expect(list().find((s) => s.code === 'phuonghoankiem')!.status).toBe('closed');
    const portal = cli(['sites:status', 'hanoi', 'closed']);
    expect(portal.code).toBe(1);
    expect(portal.err).toContain('Không thể đóng cổng thông tin chính của thành phố.');
    expect(cli(['sites:status', 'phuonghoankiem', 'disabled']).err).toContain('Unknown status "disabled"');
    expect(cli(['sites:status', 'phuonghoankiem', 'active']).code).toBe(0);
  });

  it('imports 126 wards and communes from a CSV file in one run; with one bad line, none, naming the line', () => {
    const bad = path.join(dataDir, 'xa-phuong-loi.csv');
    fs.writeFileSync(bad, wardsCsv('', { index: 100, column: 'parent', value: 'khongco' }));
    const refused = cli(['sites:import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('line 101 (xa49): Không có trang mã “khongco” để làm trang cấp trên.');
    expect(refused.err).toContain('No site created: 1 line(s) refused.');
    expect(list()).toHaveLength(2);

    const good = path.join(dataDir, 'xa-phuong.csv');
    fs.writeFileSync(good, wardsCsv(''));
    const created = cli(['sites:import', good]);
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/^Created 126 sites: phuong1, phuong2, /);
    expect(list()).toHaveLength(128);
    expect(cli(['sites:import', path.join(dataDir, 'khong-co.csv')]).err).toContain('Cannot read');
  });
});

describe.runIf(onPostgres)('a running server and the CLI', { timeout: 240_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: false });
    await factories(t).site({ code: 'hanoi', nameVi: 'Cổng Thông tin điện tử Thành phố Hà Nội', nameEn: 'Hanoi City E-Portal' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const status = async (host: string) => (await t.app.inject({ method: 'GET', url: '/', headers: { host } })).statusCode;
  async function within(ms: number, host: string, wanted: number): Promise<number> {
    const until = Date.now() + ms;
    let got = await status(host);
    while (got !== wanted && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      got = await status(host);
    }
    return got;
  }

  it('serves a site the CLI created, changed and closed within seconds', async () => {
    const cli = cliOn(os.tmpdir(), t.db.url);
    expect(await status('phuongdongda.localhost')).toBe(404);
    expect(cli(['sites:create', '--code', 'phuongdongda', '--name', 'Phường Đống Đa', '--kind', 'ward', '--parent', 'hanoi']).code).toBe(0);
    expect(await within(3_000, 'phuongdongda.localhost', 200)).toBe(200);
    expect(cli(['sites:update', 'phuongdongda', '--host', 'dongda.hanoi.gov.vn']).code).toBe(0);
    expect(await within(3_000, 'dongda.hanoi.gov.vn', 200)).toBe(200);
    expect(cli(['sites:status', 'phuongdongda', 'closed']).code).toBe(0);
    expect(await within(3_000, 'phuongdongda.localhost', 410)).toBe(410);
  });
});
