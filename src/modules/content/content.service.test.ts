/** The editorial workflow on a real database: the whole path, scheduling, revisions, conflicts, scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import type { Actor, Role } from '../access/index.ts';
import type { ContentService, NewItemInput } from './index.ts';

let t: TestApp;
let content: ContentService;
let hanoi: number;
let ward: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await buildTestApp();
  content = t.modules.content.content;
  const sites = await t.modules.sites.listSites();
  hanoi = sites.find((s) => s.code === 'hanoi')!.id;
  ward = sites.find((s) => s.code === 'phuongbadinh')!.id;
  for (const a of await t.db.db.selectFrom('accounts').select(['id', 'email']).execute()) ids[a.email] = a.id;
});
afterAll(async () => {
  await t?.close();
});

function person(email: string, role: Role, siteId: number): Actor {
  return { kind: 'person', accountId: ids[email]!, email, ip: '10.0.0.9', sessionId: null, grants: [{ role, siteId, unit: null }] };
}

const contributor = () => person('congtacvien.hanoi@cong.example', 'contributor', hanoi);
const editor = () => person('bientap.hanoi@cong.example', 'board_member', hanoi);
const head = () => person('truongban.hanoi@cong.example', 'board_head', hanoi);
const deputy = () => person('phoban.hanoi@cong.example', 'board_deputy', hanoi);

const news = (title: string, extra: Partial<NewItemInput> = {}): NewItemInput => ({
  type: 'news',
  lang: 'vi',
  title,
  summary: 'Tóm tắt tin.',
  bodyHtml: '<p>Nội dung <strong>tin</strong>.</p><script>alert(1)</script><img src=x onerror="alert(1)" alt="">',
  source: 'Văn phòng UBND Thành phố',
  authorName: 'Nguyễn Văn A',
  fields: { event_date: '2026-11-20', location: 'Hà Nội' },
  ...extra,
});

describe('the editorial path', () => {
  it('goes draft → submitted → in review → returned → corrected → approved → published, all recorded', async () => {
    const item = await content.create(contributor(), hanoi, news('Hội nghị cải cách hành chính năm 2026'));
    expect(item).toMatchObject({ stage: 'draft', visibility: 'never', slug: 'hoi-nghi-cai-cach-hanh-chinh-nam-2026' });
    const rev = (await content.revisions(contributor(), item.id))[0]!;
    expect(rev.body_html).not.toMatch(/script|onerror/);

    await content.transition(contributor(), item.id, 'submit');
    await expect(content.transition(contributor(), item.id, 'take')).rejects.toMatchObject({ status: 403 });
    await content.transition(editor(), item.id, 'take');
    await expect(content.transition(editor(), item.id, 'approve')).rejects.toMatchObject({ status: 403 });
    await expect(content.transition(head(), item.id, 'return')).rejects.toMatchObject({ code: 'workflow.comment_required' });
    await content.transition(head(), item.id, 'return', { comment: 'Bổ sung số liệu và ảnh.' });

    const current = (await content.item(item.id))!;
    await content.save(contributor(), item.id, news('Hội nghị cải cách hành chính năm 2026', { bodyHtml: '<p>Nội dung có số liệu.</p>' }), current.version);
    await content.transition(contributor(), item.id, 'submit');
    await content.transition(editor(), item.id, 'take');
    const live = await content.transition(head(), item.id, 'approve');
    expect(live).toMatchObject({ stage: null, visibility: 'live' });
    expect(live.live_revision_id).toBe(live.working_revision_id);

    const shown = await content.liveBySlug(hanoi, 'vi', live.slug);
    expect(shown?.body_html).toBe('<p>Nội dung có số liệu.</p>');
    const actions = (await content.transitionsOf(item.id)).map((x) => x.action);
    expect(actions).toEqual(['create', 'submit', 'take', 'return', 'submit', 'take', 'approve']);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('target_id', '=', String(item.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['content.created', 'content.submit', 'content.return', 'content.approve']));
    // The provider was told, in the admin and by e-mail.
    const note = await t.db.db.selectFrom('notifications').selectAll().where('account_id', '=', ids['congtacvien.hanoi@cong.example']!).execute();
    expect(note.map((n) => n.message).join('\n')).toContain('được trả lại để bổ sung: Bổ sung số liệu và ảnh.');
    const mail = await t.db.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', 'congtacvien.hanoi@cong.example').execute();
    expect(mail.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses with a regulation reason only', async () => {
    const item = await content.create(contributor(), hanoi, news('Tin chưa xác minh'));
    await content.transition(contributor(), item.id, 'submit');
    await expect(content.transition(editor(), item.id, 'refuse', { reasonCode: 'khong-co' })).rejects.toMatchObject({ code: 'workflow.bad_reason' });
    const refused = await content.transition(editor(), item.id, 'refuse', { reasonCode: 'unclear_origin', comment: 'Không rõ nguồn.' });
    expect(refused.stage).toBe('refused');
    await expect(content.save(contributor(), item.id, news('Sửa lại'), refused.version)).rejects.toMatchObject({ status: 403 });
  });

  it('forbids approving one’s own item on a site that says so', async () => {
    const item = await content.create(head(), hanoi, news('Tin của Trưởng ban'));
    await content.transition(head(), item.id, 'submit');
    await content.transition(editor(), item.id, 'take');
    await expect(content.transition(head(), item.id, 'approve')).rejects.toMatchObject({ code: 'workflow.self_approval' });
    expect((await content.transition(deputy(), item.id, 'approve')).visibility).toBe('live');
  });

  it('lets a ward approve in one step', async () => {
    const wardHead = person('truongban.phuongbadinh@cong.example', 'board_head', ward);
    const wardOp = person('kythuat.phuongbadinh@cong.example', 'site_operator', ward);
    await content.configureWorkflow(wardOp, ward, 1, false);
    const item = await content.create(wardHead, ward, news('Phường tổ chức tiếp công dân'));
    await content.transition(wardHead, item.id, 'submit');
    expect((await content.transition(wardHead, item.id, 'approve')).visibility).toBe('live');
  });

  it('gives a role on one site nothing on another', async () => {
    const item = await content.create(contributor(), hanoi, news('Tin của Cổng'));
    await content.transition(contributor(), item.id, 'submit');
    const wardHead = person('truongban.phuongbadinh@cong.example', 'board_head', ward);
    await expect(content.transition(wardHead, item.id, 'take')).rejects.toMatchObject({ status: 403 });
    await expect(content.create(wardHead, hanoi, news('Tin lạc chỗ'))).rejects.toMatchObject({ status: 403 });
  });
});

describe('revisions of a published item', () => {
  it('keeps the published revision live while an update waits for approval, then publishes the update', async () => {
    const item = await content.create(editor(), hanoi, news('Thông tin ban đầu'));
    await content.transition(editor(), item.id, 'submit');
    await content.transition(editor(), item.id, 'take');
    const live = await content.transition(head(), item.id, 'approve');
    const update = await content.save(
      editor(),
      item.id,
      news('Thông tin ban đầu', { bodyHtml: '<p>Đã cập nhật.</p>', changeNote: 'Cập nhật số liệu' }),
      live.version,
    );
    expect(update.item).toMatchObject({ stage: 'draft', visibility: 'live' });
    expect((await content.liveBySlug(hanoi, 'vi', live.slug))?.body_html).not.toContain('Đã cập nhật');
    await content.transition(editor(), item.id, 'submit');
    await content.transition(editor(), item.id, 'take');
    await content.transition(head(), item.id, 'approve');
    const shown = await content.liveBySlug(hanoi, 'vi', live.slug);
    expect(shown).toMatchObject({ body_html: '<p>Đã cập nhật.</p>', change_note: 'Cập nhật số liệu' });
  });

  it('tells the second of two editors saving at once, with the difference', async () => {
    const item = await content.create(editor(), hanoi, news('Bài có hai người sửa'));
    await content.save(editor(), item.id, news('Bài có hai người sửa', { bodyHtml: '<p>Bản của người thứ nhất.</p>' }), item.version);
    const second = content.save(head(), item.id, news('Bài có hai người sửa', { bodyHtml: '<p>Bản của người thứ hai.</p>' }), item.version);
    await expect(second).rejects.toMatchObject({ status: 409, code: 'content.edit_conflict' });
    const err = (await second.catch((e: unknown) => e)) as { details: { message: string }[] };
    const diff = JSON.parse(err.details[0]!.message) as { body: { kind: string; text: string }[] };
    expect(
      diff.body
        .filter((p) => p.kind === 'removed')
        .map((p) => p.text)
        .join(''),
    ).toContain('nhất');
    expect(
      diff.body
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('hai');
  });

  it('compares two revisions word by word and restores an old one as a new draft', async () => {
    const item = await content.create(editor(), hanoi, news('Ủy ban phường công bố kế hoạch'));
    const v2 = await content.save(editor(), item.id, news('Ủy ban phường công bố kế hoạch mới'), item.version);
    const revs = await content.revisions(editor(), item.id);
    const diff = await content.compare(editor(), item.id, revs[1]!.id, revs[0]!.id);
    expect(diff.title).toEqual([
      { kind: 'same', text: 'Ủy ban phường công bố kế hoạch' },
      { kind: 'added', text: ' mới' },
    ]);
    const restored = await content.restore(editor(), item.id, revs[1]!.id);
    expect(restored).toMatchObject({ number: 3, title: 'Ủy ban phường công bố kế hoạch', change_note: 'Khôi phục từ phiên bản 1' });
    void v2;
  });
});

describe('scheduling', () => {
  it('publishes a scheduled item when due and withdraws it when its time ends', async () => {
    const at = new Date(Date.now() + 3600_000);
    const end = new Date(Date.now() + 7200_000);
    const item = await content.create(editor(), hanoi, news('Thông báo lịch tiếp dân', { publishAt: at, unpublishAt: end }));
    await content.transition(editor(), item.id, 'submit');
    await content.transition(editor(), item.id, 'take');
    expect((await content.transition(head(), item.id, 'approve')).stage).toBe('scheduled');
    expect(await content.liveBySlug(hanoi, 'vi', item.slug)).toBeUndefined();
    expect((await content.runSchedule(new Date(at.getTime() - 1000))).published).toBe(0);
    expect((await content.runSchedule(new Date(at.getTime() + 1000))).published).toBe(1);
    expect(await content.liveBySlug(hanoi, 'vi', item.slug)).toBeDefined();
    expect((await content.runSchedule(new Date(end.getTime() + 1000))).unpublished).toBe(1);
    expect(await content.liveBySlug(hanoi, 'vi', item.slug)).toBeUndefined();
  });
});

describe('emergencies', () => {
  it('lets the board head publish at once with a reason, flagged until another member reviews', async () => {
    const item = await content.create(head(), hanoi, news('Cảnh báo mưa lũ khẩn cấp'));
    await expect(content.transition(editor(), item.id, 'emergency_publish', { comment: 'Khẩn' })).rejects.toMatchObject({ status: 403 });
    const live = await content.transition(head(), item.id, 'emergency_publish', { comment: 'Mưa lớn, nguy cơ ngập' });
    expect(live).toMatchObject({ visibility: 'live', emergency: true, emergency_reviewed_by: null, emergency_reason: 'Mưa lớn, nguy cơ ngập' });
    await expect(content.transition(head(), item.id, 'emergency_review')).rejects.toMatchObject({ code: 'workflow.self_review' });
    expect((await content.transition(editor(), item.id, 'emergency_review')).emergency_reviewed_by).toBe(ids['bientap.hanoi@cong.example']);
  });
});

describe('validation', () => {
  it('requires source and author (CONT-9), the type’s own fields, and a valid type', async () => {
    await expect(content.create(contributor(), hanoi, news('Thiếu nguồn', { source: '', authorName: '' }))).rejects.toMatchObject({
      status: 422,
      details: expect.arrayContaining([expect.objectContaining({ field: 'source' }), expect.objectContaining({ field: 'authorName' })]),
    });
    await expect(content.create(contributor(), hanoi, news('Thiếu ngày', { fields: {} }))).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'event_date' })],
    });
    await expect(content.create(contributor(), hanoi, { ...news('Sai loại'), type: 'khong-co' })).rejects.toMatchObject({ status: 422 });
    const ok = await content.create(contributor(), hanoi, news('Ý kiến bạn đọc', { source: '', authorName: '', readersContribution: true }));
    expect(ok.stage).toBe('draft');
  });

  it('refuses a category of another site or language', async () => {
    const wardCategory = (await t.modules.content.categories.list(ward, 'vi'))[0]!;
    await expect(content.create(contributor(), hanoi, news('Sai chuyên mục', { categoryId: wardCategory.id }))).rejects.toMatchObject({
      status: 422,
      code: 'content.bad_category',
    });
    const english = (await t.modules.content.categories.list(hanoi, 'en'))[0]!;
    await expect(content.create(contributor(), hanoi, news('Sai ngôn ngữ', { categoryId: english.id }))).rejects.toMatchObject({
      code: 'content.bad_category',
    });
  });

  it('queues items for the board', async () => {
    const q = await content.queues(head(), hanoi);
    // The demo scheduled one announcement.
    expect(q.scheduled.map((x) => x.stage)).toEqual(['scheduled']);
    const item = await content.create(contributor(), hanoi, news('Tin chờ biên tập'));
    await content.transition(contributor(), item.id, 'submit');
    const q2 = await content.queues(editor(), hanoi);
    expect(q2.toEdit.map((x) => x.title)).toContain('Tin chờ biên tập');
    expect(q2.toApprove).toEqual([]);
  });
});
