/** Publishing items through the real workflow, for tests of the public content pages. */
import type { Actor } from '../src/modules/access/index.ts';
import type { NewItemInput } from '../src/modules/content/index.ts';
import type { ContentItemRow } from '../src/platform/db/schema.ts';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { TestApp } from './app.ts';
import { factories, type TestPerson } from './factories.ts';

export interface ContentFixtures {
  hanoi: number;
  sonoivu: number;
  /** A board member, the board head and the site operator of a site (the demo portal or Sở Nội vụ), made for the test. */
  editor(siteId?: number): Actor;
  head(siteId?: number): Actor;
  operator(siteId?: number): Actor;
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
  const f = factories(t);
  const hanoi = (await f.siteByCode('hanoi')).id;
  const sonoivu = (await f.siteByCode('sonoivu')).id;
  const people = new Map<number, { editor: TestPerson; head: TestPerson; operator: TestPerson }>();
  for (const siteId of [hanoi, sonoivu]) {
    people.set(siteId, {
      editor: await f.person('board_member', siteId),
      head: await f.person('board_head', siteId),
      operator: await f.person('site_operator', siteId),
    });
  }
  const of = (siteId: number) => {
    const p = people.get(siteId);
    if (!p) throw new Error(`contentFixtures: no people made for site ${siteId}.`);
    return p;
  };
  const editor = (siteId = hanoi) => of(siteId).editor.actor;
  const head = (siteId = hanoi) => of(siteId).head.actor;
  return {
    hanoi,
    sonoivu,
    editor,
    head,
    operator: (siteId = hanoi) => of(siteId).operator.actor,
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
