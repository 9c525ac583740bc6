/** The demo shows the product working: items of every type, in every workflow state, and the regulations in full. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { CONTENT_TYPES } from '../src/modules/content/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('seeds every content type and every workflow state, through the real workflow', async () => {
  const items = await t.db.db.selectFrom('content_items').select(['type', 'stage', 'visibility', 'emergency']).execute();
  expect(new Set(items.map((i) => i.type))).toEqual(new Set(CONTENT_TYPES.map((c) => c.code).filter((c) => c !== 'page')));
  const states = new Set(items.map((i) => i.stage ?? i.visibility));
  for (const s of ['draft', 'submitted', 'in_review', 'returned', 'refused', 'scheduled', 'live', 'withdrawn', 'archived']) expect(states, s).toContain(s);
  expect(items.some((i) => i.emergency)).toBe(true);
  const transitions = await t.db.db.selectFrom('content_transitions').select('action').execute();
  expect(new Set(transitions.map((x) => x.action))).toEqual(new Set(['create', 'submit', 'take', 'approve', 'return', 'refuse', 'unpublish', 'archive', 'emergency_publish']));
});

it('publishes the five source regulations in full with their real numbers', async () => {
  const portal = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!;
  const live = await t.modules.content.content.listLive(portal.id, 'vi', { type: 'guidance', limit: 50, offset: 0 });
  expect(live.map((i) => i.title).join('\n')).toMatch(/4263\/QĐ-UBND[\s\S]*|90\/2006\/QĐ-UBND/);
  // The regulations, titled with their numbers, among the demo's other guidance items.
  expect(live.filter((i) => / \([\d/]+\/QĐ-UBND\)$/.test(i.title))).toHaveLength(5);
  const qd4263 = live.find((i) => i.title.includes('4263/QĐ-UBND'))!;
  expect(qd4263.body_html).toContain('<h3>Điều 1.');
  expect(qd4263.body_html.length).toBeGreaterThan(40_000);
});
