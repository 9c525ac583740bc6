/**
 * The operator's screens of their working site's units (/quan-tri/danh-ba): the tree, a new unit,
 * a unit's form (its parent chosen from the site's other units: moving it), retire or restore.
 * The service authorises each change on the unit's own site, so a unit of another site named in
 * an address is refused (403) whatever the working site.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { emptyForm, formRoute, queryForm, type FormState } from '../../platform/http/forms.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import { authorize } from '../access/index.ts';
import { csrfToken, type AccountsModule } from '../accounts/index.ts';
import { siteHref, siteName } from '../sites/index.ts';
import type { DirectoryService, UnitRow } from './directory.service.ts';
import { treeOrder, unitName } from './directory.present.ts';
import { NoticeQuery, RetireForm, UnitForm } from './directory.schema.ts';
import { adminPaths, publicPaths } from './paths.ts';
import { unitFormView, unitsView } from './views/units.view.ts';
import { t } from './messages.ts';

export interface DirectoryAdminDeps {
  admin: AccountsModule['admin'];
  directory: DirectoryService;
}

/** The unit id of a unit's admin address (the route's schema has checked it). */
function idOf(request: FastifyRequest): number {
  if (!Value.Check(IdParams, request.params)) throw new NotFound('directory.unit_not_found', 'No such unit', { messageKey: 'error.body.404' });
  return Number(request.params.id);
}

function valuesOf(u: UnitRow): FormState<typeof UnitForm>['values'] {
  return {
    nameVi: u.name_vi,
    nameEn: u.name_en,
    kind: u.kind,
    parentId: u.parent_id === null ? '' : String(u.parent_id),
    focalName: u.focal_name,
    focalTitle: u.focal_title,
    email: u.email,
    phone: u.phone,
    address: u.address,
    position: String(u.position),
  };
}

export function directoryAdmin(routes: Routes, L: Lang, deps: DirectoryAdminDeps): void {
  const { admin, directory } = deps;
  const listHref = adminPaths.href(L, 'units');

  const scope = async (request: FastifyRequest) => {
    const s = await admin.scope(request);
    if (!s.site) throw new NotFound('admin.no_site', t(L, 'error.noSite'));
    authorize(s.actor, 'site.identity', s.site.id);
    return { ...s, site: s.site };
  };

  /** A unit named in the address: its own site's operator only (the service refuses others too). */
  const unitFor = async (request: FastifyRequest) => {
    const s = await admin.scope(request);
    const unit = await directory.byId(idOf(request));
    if (!unit) throw new NotFound('directory.unit_not_found', t(L, 'error.notFound'));
    authorize(s.actor, 'site.identity', unit.site_id);
    return { s, unit };
  };

  routes.get(adminPaths.paths.units[L], queryForm(NoticeQuery), async (request, reply) => {
    const s = await scope(request);
    const units = treeOrder(await directory.list([s.site.id], true), L);
    const main = unitsView(L, {
      siteName: siteName(s.site, L),
      units,
      newHref: adminPaths.href(L, 'unitNew'),
      editHref: (id) => adminPaths.href(L, 'unitEdit', `/${id}`),
      retireAction: (id) => adminPaths.href(L, 'unitRetire', `/${id}`),
      publicHref: siteHref({ basePath: `/s/${s.site.code}`, lang: L }, publicPaths.path(L, 'directory')),
      csrf: csrfToken(request, reply),
    });
    const notice = request.query.tb === 'da-luu' ? { notice: { kind: 'ok' as const, text: t(L, 'admin.saved') } } : {};
    return admin.send(request, reply, { title: t(L, 'admin.title'), main, ...notice }, s);
  });

  /** The parents a unit may have: the site's units in use, without the unit and those below it. */
  const parentChoices = async (siteId: number, self?: number) => {
    const tree = treeOrder(await directory.list([siteId], false), L);
    const excluded = new Set<number>();
    if (self !== undefined) {
      excluded.add(self);
      for (const x of tree) if (x.unit.parent_id !== null && excluded.has(x.unit.parent_id)) excluded.add(x.unit.id);
    }
    return tree.filter((x) => !excluded.has(x.unit.id)).map((x) => ({ value: String(x.unit.id), label: `${'— '.repeat(x.depth)}${unitName(x.unit, L)}` }));
  };

  const newScreen = async (request: FastifyRequest, reply: FastifyReply, state: FormState<typeof UnitForm>, status: number) => {
    const s = await scope(request);
    const main = unitFormView(L, {
      title: t(L, 'admin.newTitle'),
      action: adminPaths.href(L, 'unitNew'),
      csrf: csrfToken(request, reply),
      values: state.values,
      errors: state.errors,
      parents: await parentChoices(s.site.id),
      backHref: listHref,
    });
    return admin.send(request, reply, { title: t(L, 'admin.newTitle'), main }, s, status);
  };

  routes.get(adminPaths.paths.unitNew[L], { schema: { querystring: NoQuery } }, async (request, reply) =>
    newScreen(request, reply, emptyForm({ kind: 'department' }), 200),
  );

  routes.post(adminPaths.paths.unitNew[L], formRoute(UnitForm, { render: newScreen }), async (request, reply) => {
    const s = await scope(request);
    await directory.create(s.actor, s.site.id, request.body, L);
    return reply.redirect(`${listHref}?tb=da-luu`, 303);
  });

  const editPath = `${adminPaths.paths.unitEdit[L]}/:id`;
  const editScreen = async (request: FastifyRequest, reply: FastifyReply, state: FormState<typeof UnitForm> | undefined, status: number) => {
    const { s, unit } = await unitFor(request);
    const title = t(L, 'admin.editTitle', { name: unitName(unit, L) });
    const main = unitFormView(L, {
      title,
      action: adminPaths.href(L, 'unitEdit', `/${unit.id}`),
      csrf: csrfToken(request, reply),
      values: state?.values ?? valuesOf(unit),
      errors: state?.errors ?? {},
      parents: await parentChoices(unit.site_id, unit.id),
      backHref: listHref,
    });
    return admin.send(request, reply, { title, main }, s, status);
  };

  routes.get(editPath, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => editScreen(request, reply, undefined, 200));

  const editForm = formRoute(UnitForm, { render: (request, reply, state, status) => editScreen(request, reply, state, status) });
  routes.post(editPath, { ...editForm, schema: { ...editForm.schema, params: IdParams } }, async (request, reply) => {
    const s = await admin.scope(request);
    await directory.update(s.actor, Number(request.params.id), request.body, L);
    return reply.redirect(`${listHref}?tb=da-luu`, 303);
  });

  const retireForm = formRoute(RetireForm, {
    render: async (request, reply, state, status) => {
      const s = await scope(request);
      const units = treeOrder(await directory.list([s.site.id], true), L);
      const main = unitsView(L, {
        siteName: siteName(s.site, L),
        units,
        newHref: adminPaths.href(L, 'unitNew'),
        editHref: (id) => adminPaths.href(L, 'unitEdit', `/${id}`),
        retireAction: (id) => adminPaths.href(L, 'unitRetire', `/${id}`),
        publicHref: siteHref({ basePath: `/s/${s.site.code}`, lang: L }, publicPaths.path(L, 'directory')),
        csrf: csrfToken(request, reply),
      });
      const text = Object.values(state.errors).join(' ');
      return admin.send(request, reply, { title: t(L, 'admin.title'), main, notice: { kind: 'error' as const, text } }, s, status);
    },
  });
  routes.post(`${adminPaths.paths.unitRetire[L]}/:id`, { ...retireForm, schema: { ...retireForm.schema, params: IdParams } }, async (request, reply) => {
    const s = await admin.scope(request);
    await directory.setRetired(s.actor, Number(request.params.id), request.body.retired === '1', L);
    return reply.redirect(`${listHref}?tb=da-luu`, 303);
  });
}
