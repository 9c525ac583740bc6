import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, onPostgres, type TestDatabase } from '../../../test/db.ts';
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit.chain.ts';
import { appendEntry } from './audit.service.ts';
import { exportAuditCsv, listAudit, pruneAudit, recordAudit, verifyAuditChain, type AuditEntryInput } from './index.ts';

let handle: TestDatabase;
let db: Db;
beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle?.destroy();
});

/** Empties the log and its anchor the only way the trigger allows (the retention setting). */
async function resetLog(): Promise<void> {
  await withTx(db, async (tx) => {
    await sql`select set_config('cong.audit_prune', 'on', true)`.execute(tx);
    await sql`delete from audit_log`.execute(tx);
    await sql`delete from audit_anchor`.execute(tx);
  });
}

/** What an attacker with database access does: switch the trigger off, tamper, switch it back on. */
async function asAttacker(work: (d: Db) => Promise<unknown>): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  try {
    await work(db);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  }
}

function entry(n: number, extra: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    actorId: 7,
    actorLabel: 'Nguyễn Văn Ánh',
    ip: '203.0.113.9',
    siteId: 1,
    action: 'page.updated',
    targetType: 'page',
    targetId: n,
    summary: { n },
    ...extra,
  };
}

async function record(count: number): Promise<{ id: number; hash: string }[]> {
  const out = [];
  for (let i = 1; i <= count; i++) out.push(await withTx(db, (tx) => recordAudit(tx, entry(i))));
  return out;
}

async function ids(): Promise<number[]> {
  const rows = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

beforeEach(resetLog);

describe(`audit chain (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('hashes sha256(prev_hash \\n canonical JSON) with sorted keys and ms ISO time', () => {
    expect(canonicalJson({ b: 1, a: [{ z: null, y: 'ạ' }, true], c: undefined })).toBe('{"a":[{"y":"ạ","z":null},true],"b":1}');
    const at = new Date('2026-02-23T07:05:00.123Z');
    const content = {
      id: 1,
      at,
      actor_id: null,
      actor_label: 'Hệ thống',
      ip: '',
      site_id: null,
      action: 'x.y',
      target_type: '',
      target_id: '',
      summary: { k: 'v' },
    };
    const text =
      `${GENESIS_HASH}\n{"action":"x.y","actor_id":null,"actor_label":"Hệ thống","at":"2026-02-23T07:05:00.123Z","id":1,` +
      `"ip":"","site_id":null,"summary":{"k":"v"},"target_id":"","target_type":""}`;
    expect(entryHash(GENESIS_HASH, content)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('a chain of N entries verifies clean, starting from 64 zeros', async () => {
    const written = await record(30);
    expect(written.map((w) => w.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const first = await db.selectFrom('audit_log').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(first.hash).toBe(written[0]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ checked: 30, problems: [] });
  });

  it('walks more than one page', async () => {
    await withTx(db, async (tx) => {
      for (let i = 1; i <= 2100; i++) await recordAudit(tx, entry(i));
    });
    expect(await verifyAuditChain(db)).toEqual({ checked: 2100, problems: [] });
  });

  it('hashes what it reads back: awkward summaries and text survive the jsonb round trip', async () => {
    const awkward: AuditEntryInput = {
      actorId: null,
      actorLabel: '  Trần Thị Bình\u0000 ',
      ip: '2001:db8::1',
      siteId: null,
      action: 'site.updated',
      targetType: 'site',
      targetId: 'sở-nội-vụ',
      summary: {
        z: 1.5,
        a: { y: [1, 'hai', null, { c: 3, b: 2 }], x: 'Đà Nẵng "trích dẫn", phẩy' },
        big: 1e21,
        tiny: 5e-324,
        neg: -0,
        nan: Number.NaN,
        when: new Date('2026-01-02T03:04:05.678Z'),
        gone: undefined,
        nul: 'a\u0000b',
        lone: 'x\uD800y',
        ['__proto__']: { sneaky: true },
      },
    };
    await withTx(db, (tx) => recordAudit(tx, awkward));
    await recordAudit(db, { actorId: 1, actorLabel: 'Không có giao dịch', action: 'x.y' }); // own transaction
    expect(await verifyAuditChain(db)).toEqual({ checked: 2, problems: [] });
    const [view] = await listAudit(db, { limit: 1, beforeId: 2 });
    expect(view!.actorLabel).toBe('Trần Thị Bình');
    expect(view!.summary).toMatchObject({ nul: 'ab', lone: 'x\uFFFDy', when: '2026-01-02T03:04:05.678Z', nan: null, neg: 0 });
    expect(view!.summary).not.toHaveProperty('gone');
  });

  it('leaves nothing when the caller rolls back, and the next entry takes the same id', async () => {
    await record(2);
    await expect(
      withTx(db, async (tx) => {
        await recordAudit(tx, entry(3));
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await ids()).toEqual([1, 2]);
    const next = await withTx(db, (tx) => recordAudit(tx, entry(3)));
    expect(next.id).toBe(3);
    expect(await verifyAuditChain(db)).toEqual({ checked: 3, problems: [] });
  });

  it('refuses UPDATE and DELETE in normal sessions', async () => {
    await record(2);
    await expect(sql`update audit_log set actor_label = 'x' where id = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 2`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await ids()).toEqual([1, 2]);
  });

  it('refuses bad input before writing', async () => {
    await expect(recordAudit(db, { actorId: 1, actorLabel: 'a', action: '' })).rejects.toThrow(/action/);
    await expect(recordAudit(db, { actorId: 1, actorLabel: 'a', action: 'has space' })).rejects.toThrow(/action/);
    await expect(recordAudit(db, { actorId: 1, actorLabel: '  ', action: 'x' })).rejects.toThrow(/actor/);
    expect(await ids()).toEqual([]);
  });

  it('serialises concurrent writers into one chain', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTx(db, async (tx) => {
          await sql`select 1`.execute(tx); // each transaction is open before it asks for the lock
          return recordAudit(tx, entry(i + 1, { actorId: i + 1 }));
        }),
      ),
    );
    expect(results.map((r) => r.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db)).toEqual({ checked: 20, problems: [] });
  });
});

describe('tampering is caught', () => {
  it('(1) an altered summary or actor: "altered" on that entry only', async () => {
    await record(10);
    await asAttacker(async (d) => {
      await sql`update audit_log set summary = '{"n": 999}'::jsonb where id = 4`.execute(d);
      await sql`update audit_log set actor_label = 'Kẻ khác', actor_id = 1 where id = 7`.execute(d);
    });
    const { checked, problems } = await verifyAuditChain(db);
    expect(checked).toBe(10);
    expect(problems.map((p) => [p.id, p.kind])).toEqual([
      [4, 'altered'],
      [7, 'altered'],
    ]);
  });

  it('(1b) an altered entry re-hashed by the attacker: "broken-link" on the entry after it', async () => {
    await record(6);
    const row = await db.selectFrom('audit_log').selectAll().where('id', '=', 3).executeTakeFirstOrThrow();
    const forged = entryHash(row.prev_hash, { ...row, actor_label: 'Kẻ khác' });
    await asAttacker((d) => sql`update audit_log set actor_label = 'Kẻ khác', hash = ${forged} where id = 3`.execute(d));
    const { problems } = await verifyAuditChain(db);
    expect(problems.map((p) => [p.id, p.kind])).toEqual([[4, 'broken-link']]);
    expect(problems[0]!.message).toContain('mục 3');
  });

  it('(2) an entry deleted in the middle: "missing" with its id', async () => {
    await record(10);
    await asAttacker((d) => sql`delete from audit_log where id = 5`.execute(d));
    expect((await verifyAuditChain(db)).problems.map((p) => [p.id, p.kind])).toEqual([[5, 'missing']]);
    await asAttacker((d) => sql`delete from audit_log where id in (1, 8, 9)`.execute(d));
    const { checked, problems } = await verifyAuditChain(db);
    expect(checked).toBe(6);
    expect(problems.map((p) => [p.id, p.kind])).toEqual([
      [1, 'missing'],
      [5, 'missing'],
      [8, 'missing'],
    ]);
    expect(problems[2]!.message).toContain('8–9');
  });

  it('(3) the newest entries deleted: invisible to the chain itself, visible only against an earlier count', async () => {
    await record(5);
    const before = await verifyAuditChain(db);
    await asAttacker((d) => sql`delete from audit_log where id = 5`.execute(d));
    const after = await verifyAuditChain(db);
    // Documented limitation: a truncated chain is still a valid chain. Keeping `checked` (or the
    // newest hash) from an earlier run, outside the database, is what reveals it.
    expect(after.problems).toEqual([]);
    expect(after.checked).toBe(before.checked - 1);
  });

  it('(4) two entries swapped: "reordered" on both, adjacent or not', async () => {
    await record(10);
    const swap = (a: number, b: number) =>
      // (an identity column "generated always" cannot be UPDATEd: remove both and re-insert)
      asAttacker((d) =>
        withTx(d, async (tx) => {
          const rows = await tx.selectFrom('audit_log').selectAll().where('id', 'in', [a, b]).execute();
          await sql`delete from audit_log where id in (${a}, ${b})`.execute(tx);
          for (const r of rows) {
            await sql`insert into audit_log (id, at, actor_id, actor_label, ip, site_id, action, target_type, target_id, summary, prev_hash, hash)
              overriding system value values (${r.id === a ? b : a}, ${r.at}, ${r.actor_id}, ${r.actor_label}, ${r.ip}, ${r.site_id}, ${r.action},
              ${r.target_type}, ${r.target_id}, ${JSON.stringify(r.summary)}::jsonb, ${r.prev_hash}, ${r.hash})`.execute(tx);
          }
        }),
      );
    await swap(3, 4);
    expect((await verifyAuditChain(db)).problems.map((p) => [p.id, p.kind])).toEqual([
      [3, 'reordered'],
      [4, 'reordered'],
    ]);
    await swap(3, 4); // put back
    expect((await verifyAuditChain(db)).problems).toEqual([]);
    await swap(2, 8);
    const { checked, problems } = await verifyAuditChain(db);
    expect(checked).toBe(10);
    expect(problems.map((p) => [p.id, p.kind])).toEqual([
      [2, 'reordered'],
      [8, 'reordered'],
    ]);
    expect(problems[0]!.message).toContain('mục 8');
  });

  it('(4b) contents swapped between two ids (every column but id): "reordered" on both', async () => {
    await record(6);
    await asAttacker((d) =>
      sql`update audit_log a set at = b.at, actor_id = b.actor_id, actor_label = b.actor_label, ip = b.ip, site_id = b.site_id,
        action = b.action, target_type = b.target_type, target_id = b.target_id, summary = b.summary, prev_hash = b.prev_hash, hash = b.hash || '~'
        from audit_log b where (a.id, b.id) in ((2, 5), (5, 2))`.execute(d),
    );
    // hash is unique: the statement above parks a '~' on both, then strip it
    await asAttacker((d) => sql`update audit_log set hash = left(hash, 64) where id in (2, 5)`.execute(d));
    expect((await verifyAuditChain(db)).problems.map((p) => [p.id, p.kind])).toEqual([
      [2, 'reordered'],
      [5, 'reordered'],
    ]);
  });
});

describe('retention', () => {
  const now = new Date('2026-03-15T08:00:00.000Z');
  const monthsAgo = (m: number, days = 0) => {
    const d = new Date(now);
    d.setUTCMonth(d.getUTCMonth() - m);
    d.setUTCDate(d.getUTCDate() - days);
    return d;
  };

  async function seedOldAndNew(): Promise<void> {
    await withTx(db, async (tx) => {
      for (const at of [monthsAgo(30), monthsAgo(24), monthsAgo(13), monthsAgo(12, 1)]) {
        await appendEntry(tx, entry(0, { action: 'old.entry' }), at);
      }
      for (const at of [monthsAgo(11), monthsAgo(1), now]) await appendEntry(tx, entry(0, { action: 'new.entry' }), at);
    });
  }

  it('refuses months 1..11 and negative or fractional months; 0 keeps everything', async () => {
    await seedOldAndNew();
    for (const m of [1, 6, 11, -1, 12.5]) await expect(pruneAudit(db, m, now)).rejects.toMatchObject({ name: 'Invalid' });
    expect(await pruneAudit(db, 0, now)).toBe(0);
    expect(await ids()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('removes only entries older than 12 months, anchors the chain, and records what it did', async () => {
    await seedOldAndNew();
    const oldestKept = await db.selectFrom('audit_log').select('prev_hash').where('id', '=', 5).executeTakeFirstOrThrow();
    expect(await pruneAudit(db, 12, now)).toBe(4);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.action])).toEqual([
      [5, 'new.entry'],
      [6, 'new.entry'],
      [7, 'new.entry'],
      [8, 'audit.pruned'],
    ]);
    expect(rows[3]!.summary).toMatchObject({ count: 4, months: 12 });
    const anchor = await db.selectFrom('audit_anchor').selectAll().executeTakeFirstOrThrow();
    expect(anchor).toMatchObject({ id: 1, prev_hash: oldestKept.prev_hash, pruned_count: 4 });
    expect(anchor.pruned_before.toISOString()).toBe('2025-03-15T08:00:00.000Z');
    expect(await verifyAuditChain(db)).toEqual({ checked: 4, problems: [] });

    // Nothing more to remove: no change, no entry.
    expect(await pruneAudit(db, 12, now)).toBe(0);
    expect(await ids()).toEqual([5, 6, 7, 8]);

    // Years later everything goes but the new 'audit.pruned' entry, which links to the anchor.
    expect(await pruneAudit(db, 12, new Date('2030-01-01T00:00:00Z'))).toBe(4);
    expect(await ids()).toEqual([9]);
    expect((await db.selectFrom('audit_anchor').select('pruned_count').executeTakeFirstOrThrow()).pruned_count).toBe(8);
    await record(2);
    expect(await verifyAuditChain(db)).toEqual({ checked: 3, problems: [] });
  });

  it('still catches removals right after the anchor', async () => {
    await seedOldAndNew();
    await pruneAudit(db, 12, now);
    await asAttacker((d) => sql`delete from audit_log where id = 5`.execute(d));
    expect((await verifyAuditChain(db)).problems.map((p) => [p.id, p.kind])).toEqual([[5, 'missing']]);
  });

  it('prunes a prefix only: an out-of-order old timestamp after a newer one is kept', async () => {
    await withTx(db, async (tx) => {
      await appendEntry(tx, entry(1), monthsAgo(20));
      await appendEntry(tx, entry(2), monthsAgo(2));
      await appendEntry(tx, entry(3), monthsAgo(20)); // clock went backwards
      await appendEntry(tx, entry(4), now);
    });
    expect(await pruneAudit(db, 12, now)).toBe(1);
    expect(await ids()).toEqual([2, 3, 4, 5]);
    expect((await verifyAuditChain(db)).problems).toEqual([]);
  });
});

describe('reading and export', () => {
  async function seed(): Promise<void> {
    await withTx(db, async (tx) => {
      await appendEntry(
        tx,
        { actorId: 1, actorLabel: 'Nguyễn Văn Ánh', siteId: 1, action: 'site.created', targetType: 'site', targetId: 'sonoivu' },
        new Date('2026-01-10T02:00:00Z'),
      );
      await appendEntry(
        tx,
        { actorId: 2, actorLabel: 'Trần Thị Bình', siteId: 2, action: 'site.updated', targetType: 'site', targetId: 'soyte' },
        new Date('2026-01-11T02:00:00Z'),
      );
      await appendEntry(
        tx,
        { actorId: 1, actorLabel: 'Nguyễn Văn Ánh', siteId: 2, action: 'page_x.updated', targetId: 'gioi-thieu' },
        new Date('2026-01-12T02:00:00Z'),
      );
      await appendEntry(tx, { actorId: null, actorLabel: 'system', siteId: null, action: 'siteXcreated' }, new Date('2026-01-13T02:00:00Z'));
      await appendEntry(
        tx,
        {
          actorId: 3,
          actorLabel: '=HYPERLINK("http://evil","Bấm")',
          ip: '@SUM(1)',
          siteId: 1,
          action: 'page.updated',
          targetType: '+cmd',
          targetId: '-2+3',
          summary: { title: 'Thông báo, "khẩn" về Tết Nguyên Đán\nDòng hai' },
        },
        new Date('2026-05-06T17:30:45Z'),
      );
    });
  }

  it('lists newest first with keyset pages', async () => {
    await seed();
    const page1 = await listAudit(db, { limit: 2 });
    expect(page1.map((e) => e.id)).toEqual([5, 4]);
    const page2 = await listAudit(db, { limit: 2, beforeId: page1[1]!.id });
    expect(page2.map((e) => e.id)).toEqual([3, 2]);
    const page3 = await listAudit(db, { limit: 2, beforeId: 2 });
    expect(page3.map((e) => e.id)).toEqual([1]);
    expect(page3[0]).toMatchObject({
      actorId: 1,
      actorLabel: 'Nguyễn Văn Ánh',
      siteId: 1,
      action: 'site.created',
      targetType: 'site',
      targetId: 'sonoivu',
      summary: {},
    });
    expect(page3[0]!.at.toISOString()).toBe('2026-01-10T02:00:00.000Z');
  });

  it('filters by time, actor, sites, action prefix and text', async () => {
    await seed();
    const idsOf = async (f: Parameters<typeof listAudit>[1]) => (await listAudit(db, f)).map((e) => e.id);
    expect(await idsOf({ from: new Date('2026-01-11T02:00:00Z'), to: new Date('2026-01-13T02:00:00Z') })).toEqual([3, 2]);
    expect(await idsOf({ actorId: 1 })).toEqual([3, 1]);
    expect(await idsOf({ siteIds: [2] })).toEqual([3, 2]);
    expect(await idsOf({ siteIds: [] })).toEqual([]);
    expect(await idsOf({ siteIds: 'all' })).toEqual([5, 4, 3, 2, 1]);
    expect(await idsOf({ action: 'site' })).toEqual([4, 2, 1]);
    expect(await idsOf({ action: 'site.' })).toEqual([2, 1]);
    expect(await idsOf({ action: 'page_' })).toEqual([3]); // '_' is literal too
    expect(await idsOf({ q: 'nguyen van' })).toEqual([3, 1]); // without diacritics, any case
    expect(await idsOf({ q: 'Bình' })).toEqual([2]);
    expect(await idsOf({ q: 'SOYTE' })).toEqual([2]);
    expect(await idsOf({ q: '%' })).toEqual([]);
    expect(await idsOf({ actorId: 1, siteIds: [1, 2], action: 'site', q: 'sonoivu' })).toEqual([1]);
    await expect(listAudit(db, { beforeId: Number.NaN })).rejects.toMatchObject({ name: 'Invalid' });
    await expect(listAudit(db, { from: new Date('nonsense') })).rejects.toMatchObject({ name: 'Invalid' });
  });

  it('exports CSV: BOM, header, Vietnamese intact, Viet Nam times, formulas neutralised', async () => {
    await seed();
    const csv = await exportAuditCsv(db, { siteIds: [1] });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Mã mục,Thời gian,Mã tài khoản,Người thực hiện,Địa chỉ IP,Mã trang,Hành động,Loại đối tượng,Đối tượng,Chi tiết,Mã băm');
    // 2026-05-06 17:30 UTC is 00:30 on 7 May in Viet Nam.
    expect(lines[1]).toMatch(
      /^5,07\/05\/2026 00:30,3,"'=HYPERLINK\(""http:\/\/evil"",""Bấm""\)",'@SUM\(1\),1,page\.updated,'\+cmd,'-2\+3,"\{""title"":""Thông báo, \\""khẩn\\"" về Tết Nguyên Đán\\nDòng hai""\}",[0-9a-f]{64}$/,
    );
    expect(lines[2]).toMatch(/^1,10\/01\/2026 09:00,1,Nguyễn Văn Ánh,,1,site\.created,site,sonoivu,\{\},[0-9a-f]{64}$/);
    expect(lines).toHaveLength(4); // header, 2 rows, '' after the final CRLF
    expect(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex')).toBe('efbbbf');

    const limited = await exportAuditCsv(db, { limit: 2 });
    expect(limited.slice(1).split('\r\n')).toHaveLength(4);
  });
});
