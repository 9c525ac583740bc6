/**
 * The platform administrator's screens of the city's sites (/quan-tri/trang): the tree, a new
 * site, a site's details and status, and the bulk creation from a CSV file. Thin: parse → service
 * → presenter → view; every rule is in sites.service.ts, every refusal shown by formRoute.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { Invalid, NotFound } from '../../platform/http/errors.ts';
import { emptyForm, formRoute, queryForm, type FieldErrors, type FormState } from '../../platform/http/forms.ts';
import { uploadedFiles, type MultipartLimits } from '../../platform/http/multipart-form.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import { authorize } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { csrfToken, type AdminContext, type AdminScope } from '../accounts/index.ts';
import type { SitesUseCases } from './sites.service.ts';
import type { SiteWithHosts } from './sites.repo.ts';
import type { LineRefusal } from './site-csv.ts';
import {
  changesFromForm,
  inputFromForm,
  languageChoices,
  logoChoices,
  newSiteValues,
  parentChoices,
  presentSiteList,
  siteName,
  siteValues,
  themeChoices,
} from './sites.present.ts';
import { CodeParams, ImportForm, NoticeQuery, SiteEditForm, SiteNewForm, StatusForm } from './sites.schema.ts';
import { siteAdminHref, sitesPaths } from './paths.ts';
import { sitesListView } from './views/sites-list.view.ts';
import { editSiteView, newSiteView } from './views/site-edit.view.ts';
import { importView } from './views/site-import.view.ts';
import { t } from './messages.ts';

/** A CSV of a few thousand sites is far below this. */
const CSV_MAX_BYTES = 1024 * 1024;
const CSV_LIMITS: MultipartLimits = { fileFields: ['file'], maxFiles: 1, maxFileBytes: CSV_MAX_BYTES, maxFields: 4, maxFieldBytes: 1024 };

/** What the sites' admin screens use: the admin frame, the use cases, the library's images. */
export interface AdminScreens {
  admin: Pick<AdminContext, 'scope' | 'send'>;
  sites: SitesUseCases;
  baseDomain: string;
  /** Images of these sites' libraries the person may see (logo choices). */
  images(actor: Actor, siteIds: readonly number[]): Promise<{ id: number; label: string }[]>;
}

/** The site code of a site's admin address (the route's schema has checked it). */
function codeOf(request: FastifyRequest): string {
  if (!Value.Check(CodeParams, request.params)) throw new NotFound('site.not_found', 'No such site', { messageKey: 'error.body.404' });
  return request.params.code;
}

export function sitesAdmin(routes: Routes, lang: Lang, deps: AdminScreens): void {
  const { admin, sites } = deps;
  const L = lang;
  const listHref = sitesPaths.href(L, 'sites');
  const paths = sitesPaths.paths;

  /** The signed-in platform administrator (anyone else: 403). */
  const platformScope = async (request: FastifyRequest): Promise<AdminScope> => {
    const s = await admin.scope(request);
    authorize(s.actor, 'sites.manage', null);
    return s;
  };

  const choicesFor = async (
    s: AdminScope,
    all: readonly SiteWithHosts[],
    self: { code: string; logo: number | null; siteIds: number[] } | undefined,
    theme: string | undefined,
  ) => ({
    parents: parentChoices(all, L, self?.code),
    logos: logoChoices(L, await deps.images(s.actor, self?.siteIds ?? (s.site ? [s.site.id] : [])), self?.logo ?? null),
    themes: themeChoices(L, theme),
    languages: languageChoices(L),
    hostsHint: self ? t(L, 'field.hostsHint', { implied: `${self.code}.${deps.baseDomain}` }) : t(L, 'field.hostsHintNew', { base: deps.baseDomain }),
  });

  // ── The tree ──
  routes.get(paths.sites[L], queryForm(NoticeQuery), async (request, reply) => {
    const s = await platformScope(request);
    const rows = presentSiteList(await sites.list(), L, deps.baseDomain, (code) => siteAdminHref(L, code, 'siteEdit'));
    const { tb, so } = request.query;
    const notice = tb === 'da-nhap' ? { notice: { kind: 'ok' as const, text: t(L, 'import.created', { n: so ?? 0 }) } } : {};
    const main = sitesListView(L, { rows, newHref: sitesPaths.href(L, 'siteNew'), importHref: sitesPaths.href(L, 'siteImport'), baseDomain: deps.baseDomain });
    return admin.send(request, reply, { title: t(L, 'list.title'), main, ...notice }, s);
  });

  // ── A new site ──
  const newScreen = async (request: FastifyRequest, reply: FastifyReply, state: FormState<typeof SiteNewForm>, status: number) => {
    const s = await platformScope(request);
    const all = await sites.list();
    const main = newSiteView(L, {
      action: sitesPaths.href(L, 'siteNew'),
      csrf: csrfToken(request, reply),
      values: state.values,
      errors: state.errors,
      choices: await choicesFor(s, all, undefined, state.values.themeColor),
      listHref,
    });
    return admin.send(request, reply, { title: t(L, 'new.title'), main }, s, status);
  };

  routes.get(paths.siteNew[L], { schema: { querystring: NoQuery } }, async (request, reply) => {
    const portal = (await sites.list()).find((x) => x.kind === 'portal' && x.parent_id === null && x.status !== 'closed');
    return newScreen(request, reply, emptyForm(newSiteValues(portal)), 200);
  });

  routes.post(paths.siteNew[L], formRoute(SiteNewForm, { render: newScreen }), async (request, reply) => {
    const s = await platformScope(request);
    const site = await sites.create(s.actor, inputFromForm(request.body), L);
    return reply.redirect(`${siteAdminHref(L, site.code, 'siteEdit')}?tb=da-tao`, 303);
  });

  // ── One site: its details, status and checklist ──
  const editScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values?: FormState<typeof SiteEditForm>['values']; errors: FieldErrors; statusError?: string },
    status: number,
    notice?: string,
  ) => {
    const s = await platformScope(request);
    const code = codeOf(request);
    const site = await sites.byCode(code, L);
    const all = await sites.list();
    const values = form.values ?? siteValues(site, all);
    const main = editSiteView(L, {
      code,
      name: siteName(site, L),
      viewHref: `/s/${code}/`,
      action: siteAdminHref(L, code, 'siteEdit'),
      csrf: csrfToken(request, reply),
      values,
      errors: form.errors,
      choices: await choicesFor(s, all, { code, logo: site.logo_media_id, siteIds: [site.id, ...(site.parent_id ? [site.parent_id] : [])] }, values.themeColor),
      listHref,
      status: { action: siteAdminHref(L, code, 'siteStatus'), value: site.status, error: form.statusError },
      gaps: await sites.checklist(site, L),
    });
    return admin.send(
      request,
      reply,
      { title: t(L, 'edit.title', { name: siteName(site, L) }), main, ...(notice ? { notice: { kind: 'ok' as const, text: notice } } : {}) },
      s,
      status,
    );
  };

  const editPath = `${paths.siteEdit[L]}/:code`;
  const statusPath = `${paths.siteStatus[L]}/:code`;
  const NOTICES: Record<string, 'edit.created' | 'edit.saved' | 'edit.statusSaved'> = {
    'da-tao': 'edit.created',
    'da-luu': 'edit.saved',
    'da-doi': 'edit.statusSaved',
  };
  const noticeQuery = queryForm(NoticeQuery);
  routes.get(editPath, { ...noticeQuery, schema: { ...noticeQuery.schema, params: CodeParams } }, async (request, reply) => {
    const key = NOTICES[request.query.tb ?? ''];
    return editScreen(request, reply, { errors: {} }, 200, key ? t(L, key) : undefined);
  });

  const editForm = formRoute(SiteEditForm, { render: (request, reply, state, status) => editScreen(request, reply, state, status) });
  routes.post(editPath, { ...editForm, schema: { ...editForm.schema, params: CodeParams } }, async (request, reply) => {
    const s = await platformScope(request);
    await sites.update(s.actor, request.params.code, changesFromForm(request.body), L);
    return reply.redirect(`${siteAdminHref(L, request.params.code, 'siteEdit')}?tb=da-luu`, 303);
  });

  // The status form posts here; its address in the other language (the language switch of a refused form) leads back.
  routes.get(statusPath, { schema: { params: CodeParams, querystring: NoQuery } }, async (request, reply) =>
    reply.redirect(siteAdminHref(L, request.params.code, 'siteEdit'), 303),
  );

  const statusForm = formRoute(StatusForm, {
    render: (request, reply, state, status) =>
      editScreen(
        request,
        reply,
        { errors: {}, ...(state.errors.status || state.errors.form ? { statusError: state.errors.status ?? state.errors.form } : {}) },
        status,
      ),
  });
  routes.post(statusPath, { ...statusForm, schema: { ...statusForm.schema, params: CodeParams } }, async (request, reply) => {
    const s = await platformScope(request);
    await sites.setStatus(s.actor, request.params.code, request.body.status, L);
    return reply.redirect(`${siteAdminHref(L, request.params.code, 'siteEdit')}?tb=da-doi`, 303);
  });

  // ── Many sites from a CSV file ──
  const importScreen = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors, refused: readonly LineRefusal[], status: number) => {
    const s = await platformScope(request);
    const main = importView(L, { action: sitesPaths.href(L, 'siteImport'), csrf: csrfToken(request, reply), errors, listHref, refused });
    return admin.send(request, reply, { title: t(L, 'import.title'), main }, s, status);
  };

  routes.get(paths.siteImport[L], { schema: { querystring: NoQuery } }, async (request, reply) => importScreen(request, reply, {}, [], 200));

  // The upload in a scope of its own: only it parses multipart bodies. Not awaited (the manifest
  // function registers synchronously; Fastify loads the scope with the rest of the tree).
  void routes.register(async (mp: Routes) => {
    await mp.register(multipart);
    mp.post(
      paths.siteImport[L],
      formRoute(ImportForm, { multipart: CSV_LIMITS, render: (request, reply, state, status) => importScreen(request, reply, state.errors, [], status) }),
      async (request, reply) => {
        const s = await platformScope(request);
        const upload = uploadedFiles(request);
        const refuse = (message: string) => new Invalid('sites.import_file', message, { details: [{ field: 'file', message }] });
        if (upload.oversized || upload.tooMany || upload.tooLarge.length > 0) throw refuse(t(L, 'csv.tooLarge', { max: '1 MB' }));
        const file = upload.files[0];
        if (!file || file.data.length === 0) throw refuse(t(L, 'csv.noFile'));
        const text = decodeUtf8(file.data);
        if (text === undefined) throw refuse(t(L, 'csv.notText'));
        const result = await sites.importCsv(s.actor, text, L);
        if (!result.ok) return importScreen(request, reply, {}, result.refused, 422);
        return reply.redirect(`${listHref}?tb=da-nhap&so=${result.created.length}`, 303);
      },
    );
  });
}

/** The file's text, or undefined when it is not UTF-8. */
function decodeUtf8(data: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
}
