/**
 * Leaders' profiles (CONT-1): content items of type `leader` (name = title, photo = cover image,
 * short biography = body; position, phone, official e-mail, duties and order as its fields),
 * approved like any item. The public sees the live ones on the fixed page "Lãnh đạo":
 *
 *   /trang/lanh-dao, /english/page/lanh-dao                  the list (photo, name, position, contacts)
 *   /trang/lanh-dao/<slug>, /english/page/lanh-dao/<slug>    one profile
 *   GET /api/v1/sites/{code}/leaders?lang=vi|en              the list as JSON
 */
import { Type } from 'typebox';
import type { Db } from '../../platform/db/create-db.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import { compareText, formatDate, type Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import type { MediaModule, MediaView } from '../media/index.ts';
import { isEmptyPage, pagesPaths, type PagesModule } from '../pages/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref, type SitesModule } from '../sites/index.ts';
import { ft } from './fixed.messages.ts';
import * as liveRepo from './live.repo.ts';
import type { LiveItem } from './live.repo.ts';
import { t } from './messages.ts';

export const LEADERS_SLUG = 'lanh-dao';
const MAX_LEADERS = 200;

/** The leaders' list of a site: /trang/lanh-dao. */
export const leadersPath = (lang: Lang) => `${pagesPaths.paths.page[lang]}/${LEADERS_SLUG}`;
/** One leader's profile: /trang/lanh-dao/<slug>. */
export const leaderPath = (lang: Lang, slug: string) => `${leadersPath(lang)}/${slug}`;

const fieldText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const order = (l: LiveItem) => {
  const n = Number(fieldText(l.fields.position_order));
  return fieldText(l.fields.position_order) !== '' && Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
};

/** The live leaders of a site in a language: by their order, then by name (Vietnamese collation). */
export async function liveLeaders(db: Db, siteId: number, lang: string): Promise<LiveItem[]> {
  const rows = await liveRepo.listLive(db, siteId, lang, { type: 'leader', limit: MAX_LEADERS, offset: 0 });
  const L: Lang = lang === 'en' ? 'en' : 'vi';
  return rows.sort((a, b) => order(a) - order(b) || compareText(L, a.title, b.title));
}

export interface LeadersDeps {
  db: Db;
  shell: SiteShell;
  sites: SitesModule;
  pages: Pick<PagesModule, 'findPage'>;
  media: Pick<MediaModule, 'getMedia' | 'mediaImage'>;
}

async function photoOf(deps: LeadersDeps, leader: LiveItem): Promise<MediaView | undefined> {
  if (!leader.cover_media_id) return undefined;
  const m = await deps.media.getMedia(leader.cover_media_id);
  return m && m.kind === 'image' && m.siteId === leader.site_id ? m : undefined;
}

function contacts(L: Lang, leader: LiveItem): SafeHtml {
  const phone = fieldText(leader.fields.phone);
  const email = fieldText(leader.fields.email);
  if (!phone && !email) return html``;
  return html`<dl class="leader-contacts">${phone ? html`<dt>${ft(L, 'leaders.phone')}</dt><dd><a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a></dd>` : ''}${email ? html`<dt>${ft(L, 'leaders.email')}</dt><dd><a href="mailto:${email}">${email}</a></dd>` : ''}</dl>`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);

export function leaderPublicRoutes(routes: Routes, L: Lang, deps: LeadersDeps): void {
  const other: Lang = L === 'vi' ? 'en' : 'vi';
  const page = { schema: { querystring: Type.Object({}, { additionalProperties: false }) }, config: { cache: true } };

  routes.get(leadersPath(L), page, async (request, reply) => {
    const ctx = requireSite(request);
    const [leaders, intro] = await Promise.all([liveLeaders(deps.db, ctx.site.id, L), deps.pages.findPage(ctx.site.id, L, LEADERS_SLUG)]);
    const title = intro?.title || t(L, 'type.leader');
    const cards = await Promise.all(
      leaders.map(async (l) => {
        const photo = await photoOf(deps, l);
        return html`<li class="leader-card">${photo ? deps.media.mediaImage(photo, { alt: ft(L, 'leaders.photoOf', { name: l.title }), sizes: '12rem', className: 'leader-photo' }) : ''}
<h2><a href="${siteHref(ctx, leaderPath(L, l.slug))}">${l.title}</a></h2>
<p class="leader-position">${fieldText(l.fields.position)}</p>
${contacts(L, l)}</li>`;
      }),
    );
    return deps.shell.sendPage(request, reply, {
      title,
      description: intro?.summary || title,
      breadcrumbs: [{ label: t(L, 'shell.home'), href: siteHref(ctx, '/') }, { label: title }],
      ...(ctx.site.languages.includes(other) ? { alternate: { lang: other, href: siteHref(ctx, leadersPath(other), other) } } : {}),
      main: html`<article class="page leaders">
<h1>${title}</h1>
${intro?.summary ? html`<p class="lead">${intro.summary}</p>` : ''}
${intro && !isEmptyPage(intro) ? html`<div class="prose">${raw(intro.body_html)}</div>` : ''}
${cards.length ? html`<ul class="leader-list plain">${cards}</ul>` : html`<p class="muted">${ft(L, 'leaders.none')}</p>`}
</article>`,
    });
  });

  routes.get(
    `${leadersPath(L)}/:slug`,
    {
      schema: { params: Type.Object({ slug: Type.String({ maxLength: 300 }) }), querystring: Type.Object({}, { additionalProperties: false }) },
      config: { cache: true },
    },
    async (request, reply) => {
      const ctx = requireSite(request);
      const leader = await liveRepo.findLiveBySlug(deps.db, ctx.site.id, L, request.params.slug);
      if (leader?.type !== 'leader') throw new NotFound('leader.not_found', 'No such leader', { messageKey: 'error.body.404' });
      const listTitle = (await deps.pages.findPage(ctx.site.id, L, LEADERS_SLUG))?.title || t(L, 'type.leader');
      const translation = leader.translation_group ? await liveRepo.liveTranslation(deps.db, ctx.site.id, leader.translation_group, other) : undefined;
      const photo = await photoOf(deps, leader);
      const duties = fieldText(leader.fields.duties);
      return deps.shell.sendPage(request, reply, {
        title: leader.title,
        description: [fieldText(leader.fields.position), leader.summary].filter(Boolean).join('. ') || leader.title,
        date: leader.published_at ?? undefined,
        breadcrumbs: [
          { label: t(L, 'shell.home'), href: siteHref(ctx, '/') },
          { label: listTitle, href: siteHref(ctx, leadersPath(L)) },
          { label: leader.title },
        ],
        ...(translation ? { alternate: { lang: other, href: siteHref(ctx, leaderPath(other, translation.slug), other) } } : {}),
        main: html`<article class="page leader-profile">
<h1>${leader.title}</h1>
<p class="lead leader-position">${fieldText(leader.fields.position)}</p>
${photo ? html`<figure class="leader-photo">${deps.media.mediaImage(photo, { alt: ft(L, 'leaders.photoOf', { name: leader.title }), sizes: '16rem' })}</figure>` : ''}
${contacts(L, leader)}
${duties ? html`<section><h2>${ft(L, 'leaders.duties')}</h2>${paragraphs(duties)}</section>` : ''}
${leader.body_html ? html`<section><h2>${ft(L, 'leaders.biography')}</h2><div class="prose">${raw(leader.body_html)}</div></section>` : ''}
${leader.published_at ? html`<p class="muted updated">${t(L, 'page.updated', { date: formatDate(leader.published_at) })}</p>` : ''}
</article>`,
      });
    },
  );
}

const Leader = Type.Object({
  id: Type.Integer(),
  lang: Type.String(),
  name: Type.String(),
  position: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  duties: Type.String(),
  biographyHtml: Type.String({ description: 'Sanitised HTML.' }),
  photoUrl: Type.Union([Type.String(), Type.Null()]),
  path: Type.String({ description: "The profile's path on the site." }),
});

/** GET /api/v1/sites/{code}/leaders: the live leader profiles of a site, in their order. */
export function leadersApi(routes: Routes, deps: LeadersDeps): void {
  routes.get(
    '/sites/:code/leaders',
    {
      schema: {
        tags: ['content'],
        summary: 'Lãnh đạo của một trang / The leaders of a site',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9][a-z0-9-]*$' }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { default: 'vi' })) }),
        response: { 200: Type.Object({ items: Type.Array(Leader) }), 404: ErrorBody },
      },
    },
    async (request) => {
      const lang: Lang = request.query.lang === 'en' ? 'en' : 'vi';
      const site = (await deps.sites.directory.liveSites()).find((s) => s.code === request.params.code);
      if (!site) throw new NotFound('site.not_found', `No site with code "${request.params.code}"`);
      const leaders = await liveLeaders(deps.db, site.id, lang);
      const items = await Promise.all(
        leaders.map(async (l) => ({
          id: l.id,
          lang: l.lang,
          name: l.title,
          position: fieldText(l.fields.position),
          phone: fieldText(l.fields.phone),
          email: fieldText(l.fields.email),
          duties: fieldText(l.fields.duties),
          biographyHtml: l.body_html,
          photoUrl: (await photoOf(deps, l))?.url ?? null,
          path: `${lang === 'en' ? '/english' : ''}${leaderPath(lang, l.slug)}`,
        })),
      );
      return { items };
    },
  );
}
