/** Home-page blocks an operator arranges: validation, scope, default. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import type { Actor } from '../access/index.ts';
import { DEFAULT_HOME_BLOCKS } from './index.ts';

let t: TestApp;
let hanoi: number;
let ward: number;
beforeAll(async () => {
  t = await buildTestApp();
  const sites = await t.modules.sites.listSites();
  hanoi = sites.find((s) => s.code === 'hanoi')!.id;
  ward = sites.find((s) => s.code === 'phuongbadinh')!.id;
});
afterAll(async () => {
  await t?.close();
});

const operator = (siteId: number): Actor => ({
  kind: 'person',
  accountId: 1,
  email: 'op@cong.example',
  ip: '',
  sessionId: null,
  grants: [{ role: 'site_operator', siteId, unit: null }],
});

it('gives the default arrangement until the operator sets one, then the operator’s', async () => {
  const svc = t.modules.content.homeBlockService;
  expect(await svc.blocks(hanoi, 'vi')).toEqual(DEFAULT_HOME_BLOCKS);
  const category = (await t.modules.content.categories.list(hanoi, 'vi'))[0]!;
  await svc.arrange(operator(hanoi), hanoi, 'vi', [
    { kind: 'category', ref: String(category.id), title: 'Tin nổi bật của Thành phố', size: 4 },
    { kind: 'type', ref: 'directive', title: '', size: 5 },
  ]);
  expect((await svc.blocks(hanoi, 'vi')).map((b) => b.kind)).toEqual(['category', 'type']);
  expect(await svc.blocks(hanoi, 'en')).toEqual(DEFAULT_HOME_BLOCKS);
});

it('refuses blocks of another site, unknown types, bad sizes, and other sites’ operators', async () => {
  const svc = t.modules.content.homeBlockService;
  const wardCategory = (await t.modules.content.categories.list(ward, 'vi'))[0]!;
  await expect(svc.arrange(operator(hanoi), hanoi, 'vi', [{ kind: 'category', ref: String(wardCategory.id), title: '', size: 3 }])).rejects.toMatchObject({
    status: 422,
  });
  await expect(svc.arrange(operator(hanoi), hanoi, 'vi', [{ kind: 'type', ref: 'khong-co', title: '', size: 3 }])).rejects.toMatchObject({ status: 422 });
  await expect(svc.arrange(operator(hanoi), hanoi, 'vi', [{ kind: 'latest', ref: '', title: '', size: 99 }])).rejects.toMatchObject({ status: 422 });
  await expect(svc.arrange(operator(ward), hanoi, 'vi', [])).rejects.toMatchObject({ status: 403 });
});
