/** SITE-3 cross-posting and proposals, and WF-6 periodic review. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import type { Actor, Role } from '../access/index.ts';
import type { ContentService, NewItemInput } from './index.ts';

let t: TestApp;
let content: ContentService;
const site: Record<string, number> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await buildTestApp();
  content = t.modules.content.content;
  for (const s of await t.modules.sites.listSites()) site[s.code] = s.id;
  for (const a of await t.db.db.selectFrom('accounts').select(['id', 'email']).execute()) ids[a.email] = a.id;
});
afterAll(async () => {
  await t?.close();
});

const as = (email: string, role: Role, code: string): Actor => ({
  kind: 'person',
  accountId: ids[email]!,
  email,
  ip: '',
  sessionId: null,
  grants: [{ role, siteId: site[code]!, unit: null }],
});
const head = () => as('truongban.hanoi@cong.example', 'board_head', 'hanoi');
const editor = () => as('bientap.hanoi@cong.example', 'board_member', 'hanoi');
const wardHead = () => as('truongban.phuongbadinh@cong.example', 'board_head', 'phuongbadinh');
const news = (title: string, extra: Partial<NewItemInput> = {}): NewItemInput => ({
  type: 'news',
  lang: 'vi',
  title,
  source: 'Nguồn',
  authorName: 'Tác giả',
  fields: { event_date: '2026-11-23' },
  ...extra,
});

async function livePortalItem(title: string, extra: Partial<NewItemInput> = {}) {
  const item = await content.create(editor(), site.hanoi!, news(title, extra));
  await content.transition(editor(), item.id, 'submit');
  await content.transition(editor(), item.id, 'take');
  return content.transition(head(), item.id, 'approve');
}

describe('cross-posting from the portal', () => {
  it('puts a copy in the queue of a component site that did not consent (the default)', async () => {
    const original = await livePortalItem('Thành phố mở đợt lấy ý kiến về quy hoạch');
    const [copy] = await content.crossPost(head(), original.id, [site.sonoivu!]);
    expect(copy).toMatchObject({ site_id: site.sonoivu, stage: 'submitted', visibility: 'never', origin_item_id: original.id });
    expect(await content.liveBySlug(site.sonoivu!, 'vi', copy!.slug)).toBeUndefined();
  });

  it('puts a live copy on each chosen component site that consented to publish at once, linked to the original', async () => {
    await content.setCrossPostConsent(wardHead(), site.phuongbadinh!, site.hanoi!, 'at_once');
    await content.setCrossPostConsent(as('truongban.sonoivu@cong.example', 'board_head', 'sonoivu'), site.sonoivu!, site.hanoi!, 'at_once');
    await expect(content.setCrossPostConsent(editor(), site.phuongbadinh!, site.hanoi!, 'wait')).rejects.toMatchObject({ status: 403 });
    await expect(content.setCrossPostConsent(wardHead(), site.phuongbadinh!, site.sonoivu!, 'wait')).rejects.toMatchObject({ code: 'consent.bad_source' });
    const original = await livePortalItem('Thành phố phát động phong trào thi đua cải cách hành chính');
    const copies = await content.crossPost(head(), original.id, [site.phuongbadinh!, site.sonoivu!]);
    expect(copies.map((c) => c.site_id).sort()).toEqual([site.phuongbadinh, site.sonoivu].sort());
    for (const c of copies) expect(c).toMatchObject({ visibility: 'live', origin_item_id: original.id, slug: original.slug });
    const shown = await content.liveBySlug(site.phuongbadinh!, 'vi', original.slug);
    expect(shown).toMatchObject({ title: 'Thành phố phát động phong trào thi đua cải cách hành chính', origin_item_id: original.id });
  });

  it('is refused to an editor, for drafts, and towards sites that are not the portal’s', async () => {
    const original = await livePortalItem('Tin chỉ Trưởng ban mới đăng chéo được');
    await expect(content.crossPost(editor(), original.id, [site.phuongbadinh!])).rejects.toMatchObject({ status: 403 });
    await expect(content.crossPost(head(), original.id, [site.hanoi!])).rejects.toMatchObject({ code: 'crosspost.bad_target' });
    await expect(content.crossPost(head(), original.id, [])).rejects.toMatchObject({ code: 'crosspost.no_target' });
    const draft = await content.create(editor(), site.hanoi!, news('Bản nháp'));
    await expect(content.crossPost(head(), draft.id, [site.phuongbadinh!])).rejects.toMatchObject({ code: 'crosspost.not_live' });
  });
});

describe('proposals from a component site', () => {
  it('enter the portal board’s queue, to be approved as usual', async () => {
    const item = await content.create(wardHead(), site.phuongbadinh!, news('Phường Ba Đình hoàn thành số hóa hồ sơ hộ tịch'));
    await content.transition(wardHead(), item.id, 'submit');
    const live = await content.transition(wardHead(), item.id, 'approve');
    const proposal = await content.proposeToPortal(wardHead(), live.id);
    expect(proposal).toMatchObject({ site_id: site.hanoi, stage: 'submitted', origin_item_id: live.id });
    const queue = await content.queues(editor(), site.hanoi!);
    expect(queue.toEdit.map((x) => x.title)).toContain('Phường Ba Đình hoàn thành số hóa hồ sơ hộ tịch');
    await content.transition(editor(), proposal.id, 'take');
    expect((await content.transition(head(), proposal.id, 'approve')).visibility).toBe('live');
    // The portal board was told.
    const notes = await t.db.db.selectFrom('notifications').select('message').where('item_id', '=', proposal.id).execute();
    expect(notes.length).toBeGreaterThan(0);
  });

  it('is refused from the portal itself and for someone without a board role there', async () => {
    const portalItem = await livePortalItem('Tin của Cổng');
    await expect(content.proposeToPortal(head(), portalItem.id)).rejects.toMatchObject({ code: 'propose.no_portal' });
    const contributor = as('congtacvien.hanoi@cong.example', 'contributor', 'phuongbadinh');
    await expect(content.proposeToPortal(contributor, portalItem.id)).rejects.toMatchObject({ status: 403 });
  });
});

describe('periodic review of fixed information (WF-6)', () => {
  it('sets the next review on publication, reminds the board once a week when overdue, and resets on review', async () => {
    const page = await livePortalItem('Chức năng, nhiệm vụ của Văn phòng UBND', { type: 'page', fields: { page_kind: 'functions' } });
    expect(page.next_review_at!.getTime()).toBeGreaterThan(Date.now() + 179 * 86_400_000);
    const later = new Date(Date.now() + 181 * 86_400_000);
    expect((await content.overdueReviews(site.hanoi!, later)).map((x) => x.id)).toContain(page.id);
    expect(await content.remindOverdueReviews(later)).toBeGreaterThanOrEqual(1);
    expect(await content.remindOverdueReviews(new Date(later.getTime() + 86_400_000))).toBe(0);
    const note = await t.db.db.selectFrom('notifications').select('message').where('item_id', '=', page.id).execute();
    expect(note.map((n) => n.message)).toContain('Đến hạn rà soát thông tin: Chức năng, nhiệm vụ của Văn phòng UBND');
    const reviewed = await content.markReviewed(editor(), page.id, later);
    expect(reviewed.next_review_at!.getTime()).toBe(later.getTime() + 180 * 86_400_000);
    await expect(content.markReviewed(as('congtacvien.hanoi@cong.example', 'contributor', 'hanoi'), page.id)).rejects.toMatchObject({ status: 403 });
  });
});
