/**
 * Test factories: a site, a person with a role on a site, a content item in a workflow state.
 * A test says what it needs instead of borrowing the demo's people, so a change to the demo
 * data never breaks it and what it relies on is written in the test.
 *
 * Sites go through the sites module's `createSite`, items through the ContentService (each
 * state reached by the real workflow actions), people are rows written the way an operator's
 * invitation leaves them once the password is set: a known password, their grants, and a
 * second factor enrolled when one of their roles requires it (so `signIn` can pass both steps).
 * Making a person writes no audit entry: people are a test's premises, not an action under test.
 */
import { type Actor, type Grant, ROLES_REQUIRING_2FA, type Role } from '../src/modules/access/index.ts';
import { hashPassword } from '../src/modules/accounts/index.ts';
import { newTotpSecret } from '../src/modules/accounts/totp.ts';
import { type NewItemInput, REFUSAL_REASONS } from '../src/modules/content/index.ts';
import type { SiteInput } from '../src/modules/sites/index.ts';
import type { ContentItemRow, SiteKind } from '../src/platform/db/schema.ts';
import type { TestApp } from './app.ts';

/** The password of every person the factories make. */
export const TEST_PASSWORD = 'Kiem-Thu@Cong-2026';

export interface TestSite {
  id: number;
  code: string;
  kind: SiteKind;
  /** The site's own host name: `<code>.<base domain>`. */
  host: string;
  nameVi: string;
  nameEn: string;
}

export interface TestPerson {
  id: number;
  email: string;
  name: string;
  password: string;
  grants: Grant[];
  /** The person as services see them, for calling a service directly. */
  actor: Actor;
}

/** A site given as made by `site()`, as an id, or (in a test that keeps the demo) by `siteByCode`. */
export type SiteRef = Pick<TestSite, 'id'> | number;

export interface SiteOptions extends Partial<Omit<SiteInput, 'kind' | 'parentCode'>> {
  kind?: SiteKind;
  /** The portal a department or ward belongs to; by default the last portal made here. */
  parent?: TestSite | string;
}

export interface PersonOptions {
  name?: string;
  email?: string;
  /** The unit the account belongs to (its profile). */
  unit?: string;
  /** The agency a responder answers for (the grant's unit; required for agency_responder). */
  grantUnit?: string;
  /** More grants, on other sites or with other roles. */
  also?: { role: Role; site: SiteRef | null; unit?: string }[];
  /** Enrol a second factor; by default when one of the roles requires it. */
  twoFactor?: boolean;
  password?: string;
}

/**
 * Workflow states an item can be made in. `in_review` needs a site with two approval steps
 * (the default); `scheduled` needs a `publishAt` in the future (one a day ahead by default).
 */
export type ItemState = 'draft' | 'submitted' | 'in_review' | 'returned' | 'refused' | 'scheduled' | 'live' | 'withdrawn' | 'archived';

export interface ItemOptions {
  /** Who writes and submits it; by default a board member of the site made for the purpose. */
  by?: TestPerson;
  /** Who approves (and withdraws, archives) it; by default a board head of the site. */
  approver?: TestPerson;
}

export interface Factories {
  site(options?: SiteOptions): Promise<TestSite>;
  /** A site that exists already (the demo's, in tests about pages the demo fills). */
  siteByCode(code: string): Promise<TestSite>;
  person(role: Role, site: SiteRef | null, options?: PersonOptions): Promise<TestPerson>;
  item(site: SiteRef, state: ItemState, input?: Partial<NewItemInput>, options?: ItemOptions): Promise<ContentItemRow>;
}

let sequence = 0;
const next = () => ++sequence;
const idOf = (site: SiteRef | null) => (site === null ? null : typeof site === 'number' ? site : site.id);

// One argon2 hash per password and process: hashing costs 100–200 ms and every person shares it.
const hashes = new Map<string, Promise<string>>();
function hashOf(password: string): Promise<string> {
  const known = hashes.get(password);
  if (known) return known;
  const hash = hashPassword(password);
  hashes.set(password, hash);
  return hash;
}

const KIND_PREFIX: Record<SiteKind, string> = { portal: 'cong', department: 'so', ward: 'phuong', other: 'trang' };
const KIND_NAME: Record<SiteKind, [string, string]> = {
  portal: ['Cổng thông tin kiểm thử', 'Test portal'],
  department: ['Sở kiểm thử', 'Test department'],
  ward: ['Phường kiểm thử', 'Test ward'],
  other: ['Trang kiểm thử', 'Test site'],
};

export function factories(t: TestApp): Factories {
  let lastPortal: string | undefined;
  const boards = new Map<number, Promise<{ editor: TestPerson; head: TestPerson }>>();

  const toTestSite = (s: { id: number; code: string; kind: SiteKind; name_vi: string; name_en: string }): TestSite => ({
    id: s.id,
    code: s.code,
    kind: s.kind,
    host: `${s.code}.${t.config.baseDomain}`,
    nameVi: s.name_vi,
    nameEn: s.name_en,
  });

  /** A board member and a board head of the site, made once: who moves items along by default. */
  function boardOf(siteId: number) {
    const known = boards.get(siteId);
    if (known) return known;
    const board = (async () => ({ editor: await made.person('board_member', siteId), head: await made.person('board_head', siteId) }))();
    boards.set(siteId, board);
    return board;
  }

  const made: Factories = {
    async site(options = {}) {
      const { kind = 'portal', parent, ...rest } = options;
      const n = next();
      const code = rest.code ?? `${KIND_PREFIX[kind]}-kt${n}`;
      const parentCode = kind === 'portal' ? null : typeof parent === 'string' ? parent : (parent?.code ?? lastPortal);
      if (kind !== 'portal' && !parentCode) throw new Error('factories.site: a department or ward needs a portal; make one first or pass `parent`.');
      const row = await t.modules.sites.createSite({
        nameVi: `${KIND_NAME[kind][0]} ${n}`,
        nameEn: `${KIND_NAME[kind][1]} ${n}`,
        email: `van-thu@${code}.example`,
        ...rest,
        code,
        kind,
        parentCode,
      });
      if (kind === 'portal') lastPortal = row.code;
      return toTestSite(row);
    },

    async siteByCode(code) {
      const row = (await t.modules.sites.listSites()).find((s) => s.code === code);
      if (!row) throw new Error(`factories.siteByCode: no site "${code}".`);
      return toTestSite(row);
    },

    async person(role, site, options = {}) {
      const n = next();
      const password = options.password ?? TEST_PASSWORD;
      // A grant's unit is a unit of the site's directory: the one of that name, created when missing.
      const unitOf = async (siteId: number | null, unit: string | undefined) => {
        if (!unit || siteId === null) return { unit: null, unitId: null };
        const [row] = await t.modules.directory.ensureUnits(siteId, [unit]);
        return { unit: row?.name_vi ?? unit, unitId: row?.id ?? null };
      };
      const grants: Grant[] = [
        { role, siteId: idOf(site), ...(await unitOf(idOf(site), options.grantUnit)) },
        ...(await Promise.all((options.also ?? []).map(async (g) => ({ role: g.role, siteId: idOf(g.site), ...(await unitOf(idOf(g.site), g.unit)) })))),
      ];
      const email = options.email ?? `${role.replaceAll('_', '-')}.${n}@kiem-thu.example`;
      const name = options.name ?? `Người kiểm thử ${n} (${role})`;
      const twoFactor = options.twoFactor ?? grants.some((g) => ROLES_REQUIRING_2FA.has(g.role));
      const db = t.db.db;
      const account = await db
        .insertInto('accounts')
        .values({
          email,
          name,
          phone: '',
          unit: options.unit ?? '',
          password_hash: await hashOf(password),
          ...(twoFactor ? { totp_secret: newTotpSecret(), totp_enabled_at: new Date() } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('role_grants')
        .values(grants.map((g) => ({ account_id: account.id, site_id: g.siteId, role: g.role, unit_id: g.unitId ?? null })))
        .execute();
      return {
        id: account.id,
        email,
        name,
        password,
        grants,
        actor: { kind: 'person', accountId: account.id, email, ip: '127.0.0.1', sessionId: null, grants },
      };
    },

    async item(site, state, input = {}, options = {}) {
      const siteId = idOf(site)!;
      const content = t.modules.content.content;
      const author = options.by ?? (await boardOf(siteId)).editor;
      const approver = options.approver ?? (await boardOf(siteId)).head;
      const n = next();
      const publishAt = state === 'scheduled' ? (input.publishAt ?? new Date(Date.now() + 86_400_000)) : input.publishAt;
      let item = await content.create(author.actor, siteId, {
        type: 'news',
        lang: 'vi',
        title: `Tin kiểm thử số ${n}`,
        summary: 'Tóm tắt tin kiểm thử.',
        bodyHtml: '<p>Nội dung tin kiểm thử.</p>',
        source: 'Văn phòng kiểm thử',
        authorName: 'Người viết kiểm thử',
        fields: { event_date: '2026-11-20', location: 'Hà Nội' },
        ...input,
        ...(publishAt ? { publishAt } : {}),
      });
      if (state === 'draft') return item;
      item = await content.transition(author.actor, item.id, 'submit');
      if (state === 'submitted') return item;
      // The editor's step, on sites that have one; an approver stands in when the author cannot take it.
      if ((await content.siteWorkflow(siteId)).approvalSteps === 2) item = await content.transition((await boardOf(siteId)).editor.actor, item.id, 'take');
      else if (state === 'in_review') throw new Error('factories.item: "in_review" needs a site with two approval steps.');
      if (state === 'in_review') return item;
      if (state === 'returned') return content.transition(approver.actor, item.id, 'return', { comment: 'Bổ sung thông tin (kiểm thử).' });
      if (state === 'refused') return content.transition(approver.actor, item.id, 'refuse', { reasonCode: REFUSAL_REASONS[0] });
      item = await content.transition(approver.actor, item.id, 'approve');
      if (state === 'scheduled' || state === 'live') return item;
      return content.transition(approver.actor, item.id, state === 'withdrawn' ? 'unpublish' : 'archive');
    },
  };
  return made;
}
