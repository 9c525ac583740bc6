/** Publishing items through the real workflow, for tests of the public content pages. */
import type { Actor, Role } from '../src/modules/access/index.ts';
import type { NewItemInput } from '../src/modules/content/index.ts';
import type { ContentItemRow } from '../src/platform/db/schema.ts';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { TestApp } from './app.ts';

export interface ContentFixtures {
  hanoi: number;
  sonoivu: number;
  editor(siteId?: number): Actor;
  head(siteId?: number): Actor;
  system: Actor;
  /** Create → submit → take → approve, by the board of the site (two-step workflow). */
  publish(input: NewItemInput, siteId?: number): Promise<ContentItemRow>;
  get(url: string, headers?: Record<string, string>): Promise<Response>;
}

/** A news item with every usual field set; `extra` overrides. */
export const news = (title: string, extra: Partial<NewItemInput> = {}): NewItemInput => ({
  type: 'news',
  lang: 'vi',
  title,
  summary: 'Tóm tắt: Thành phố đẩy mạnh cải cách hành chính.',
  bodyHtml: '<p>Nội dung <strong>tin</strong> về cải cách.</p>',
  source: 'Văn phòng UBND Thành phố',
  authorName: 'Nguyễn Văn A',
  fields: { event_date: '2026-11-20', location: 'Hà Nội' },
  ...extra,
});

export async function contentFixtures(t: TestApp): Promise<ContentFixtures> {
  const content = t.modules.content.content;
  const sites = await t.modules.sites.listSites();
  const hanoi = sites.find((s) => s.code === 'hanoi')!.id;
  const sonoivu = sites.find((s) => s.code === 'sonoivu')!.id;
  const ids: Record<string, number> = {};
  for (const a of await t.db.db.selectFrom('accounts').select(['id', 'email']).execute()) ids[a.email] = a.id;
  const person = (email: string, role: Role, siteId: number): Actor => ({
    kind: 'person',
    accountId: ids[email]!,
    email,
    ip: '10.0.0.9',
    sessionId: null,
    grants: [{ role, siteId, unit: null }],
  });
  const editor = (siteId = hanoi) => person('bientap.hanoi@cong.example', 'board_member', siteId);
  const head = (siteId = hanoi) => person('truongban.hanoi@cong.example', 'board_head', siteId);
  return {
    hanoi,
    sonoivu,
    editor,
    head,
    system: { kind: 'system', label: 'test' },
    async publish(input, siteId = hanoi) {
      const item = await content.create(editor(siteId), siteId, input);
      await content.transition(editor(siteId), item.id, 'submit');
      await content.transition(editor(siteId), item.id, 'take');
      return content.transition(head(siteId), item.id, 'approve');
    },
    get: (url, headers = {}) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost:3000', ...headers } }),
  };
}
