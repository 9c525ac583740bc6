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

function cli(args: string[], input?: string) {
  const env: Record<string, string> = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as Record<string, string>;
  if (db.url) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;
  delete env.CONG_ADMIN_PASSWORD;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli.ts'), ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run cli', () => {
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
