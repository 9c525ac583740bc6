/** The administration CLI, run as a user runs it, on the same engine as the rest of the suite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './db.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let db: TestDatabase;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-cli-'));
  db = await createTestDatabase();
  // The database handle stays closed while the CLI works on it (PGlite: another directory).
  await db.close();
});
afterAll(async () => {
  await db?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs SQL on the CLI's database (a second process may not open the embedded one while the CLI is not running). */
async function runSql(statements: string): Promise<void> {
  const { openDatabase } = await import('../src/platform/db/create-db.ts');
  const { sql } = await import('kysely');
  const handle = db.url ? await openDatabase({ databaseUrl: db.url }) : await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  try {
    for (const s of statements
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean))
      await sql.raw(s).execute(handle.db);
  } finally {
    await handle.close();
  }
}

function cli(args: string[], input?: string) {
  const env: Record<string, string> = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as Record<string, string>;
  if (db.url) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;
  delete env.CONG_ADMIN_PASSWORD;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli.ts'), ...args], { env, input, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run cli', { timeout: 400_000 }, () => {
  it('migrates, seeds the demo once, and lists the sites', () => {
    expect(cli(['migrate']).out).toMatch(/Schema version: \d+/);
    expect(cli(['seed-demo']).out).toContain('Created: hanoi, sonoivu, phuongbadinh');
    expect(cli(['seed-demo']).out).toContain('Already present: hanoi, sonoivu, phuongbadinh');
    const list = cli(['sites:list', '--json']);
    expect(list.code).toBe(0);
    const sites = JSON.parse(list.out) as { code: string; name: string }[];
    expect(sites.map((s) => s.code).sort()).toEqual(['hanoi', 'phuongbadinh', 'sonoivu']);
    expect(sites.find((s) => s.code === 'phuongbadinh')!.name).toBe('Phường Ba Đình');
  });

  it('creates an administrator with a strong password, refuses a weak one and a duplicate', () => {
    const ok = cli(['create-admin', '--email', 'Quan.Tri@Demo.gov.vn', '--name', 'Quản trị viên'], 'Quantri@2026-Cong!\n');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('quan.tri@demo.gov.vn');
    const weak = cli(['create-admin', '--email', 'b@demo.gov.vn', '--name', 'B'], 'matkhau\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('Mật khẩu cần ít nhất 12 ký tự');
    const dup = cli(['create-admin', '--email', 'quan.tri@demo.gov.vn', '--name', 'C'], 'Quantri@2026-Cong!\n');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('account.email_taken');
  });

  it('suspends, resets 2FA, prints demo codes only for demo accounts, and verifies the audit chain', async () => {
    expect(cli(['user:suspend', '--email', 'kiemtra.hanoi@cong.example', '--reason', 'Kiểm tra CLI']).code).toBe(0);
    expect(cli(['user:reset-2fa', '--email', 'truongban.hanoi@cong.example']).out).toContain('was reset');
    const code = cli(['demo:totp', 'kythuat.hanoi@cong.example']);
    expect(code.code).toBe(0);
    expect(code.out.trim()).toMatch(/^\d{6}$/);
    const refused = cli(['demo:totp', 'quan.tri@demo.gov.vn']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('demo');
    const ok = cli(['audit:verify']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Audit log intact: \d+ entries checked\./);

    // Tamper with one entry the way someone with database access would.
    const tamper = `alter table audit_log disable trigger audit_log_no_update; update audit_log set actor_label = 'someone-else' where id = 2; alter table audit_log enable trigger audit_log_no_update;`;
    await runSql(tamper);
    const bad = cli(['audit:verify']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('#2 altered');
    expect(bad.err).toContain('NOT intact');
  });

  it('rebuilds the search index from what is published, and names the known types', async () => {
    await runSql('delete from search_documents');
    const r = cli(['search:reindex']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/content: \d+ documents indexed/);
    expect(r.out).toMatch(/page: \d+ documents indexed/);
    const one = cli(['search:reindex', 'page']);
    expect(one.out).toMatch(/^page: \d+ documents indexed/);
    const bad = cli(['search:reindex', 'nothing']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('Known: ');
  });

  it('prints a due moment and how it was counted, and refuses nonsense with a message', () => {
    // Friday 13/02/2026 16:00, 5 working days: Tết 14–22/02 skipped → 23, 24, 25, 26, 27/02.
    const r = cli(['calendar:due', '2026-02-13 16:00', '5', 'working-days']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Hạn: 23:59 27/02/2026');
    expect(r.out).toContain('Tết Nguyên đán');
    expect(cli(['calendar:due', '13/02/2026', '48', 'hours']).out).toContain('Hạn: 00:00 15/02/2026');
    const bad = cli(['calendar:due', '31/02/2026', '5', 'working-days']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('Not a date and time');
    expect(cli(['calendar:due', '2026-02-13', '-3', 'working-days']).code).not.toBe(0);
    expect(cli(['calendar:due', '2126-02-13', '3', 'working-days']).code).not.toBe(0);
    expect(cli(['calendar:due', '2026-02-13', '3', 'weeks']).err).toContain('Unknown unit');
  });

  it('explains usage errors without a stack trace', () => {
    const unknown = cli(['khong-co']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Unknown command');
    const missing = cli(['create-admin']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--email');
    expect(missing.err).not.toMatch(/\n\s+at /);
  });
});
