/**
 * The item form in the administration: a new item (choose a type, then the form; 1 MB bodies)
 * and the edit form, whose `version` detects a save over someone else's (409, shown with the
 * word difference and the current version, so that saving again knowingly replaces it).
 * Paths are relative to /quan-tri (/english/admin); every rule is in the services.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { Forbidden, Invalid, type FieldProblem } from '../../platform/http/errors.ts';
import { formRoute, queryForm } from '../../platform/http/forms.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { authorize } from '../access/index.ts';
import { csrfToken, type AdminScope } from '../accounts/index.ts';
import { capabilitiesOf, itemIdOf, loadItem, noSite, refused, type ContentAdmin } from './admin-deps.ts';
import { contentType, TYPE_FIELD_NAMES, type ContentTypeDef } from './content-types.ts';
import { categoryGroups } from './content.present.ts';
import { ITEM_BODY_LIMIT, ItemForm, NewItemQuery, type SentForm } from './content.schema.ts';
import type { ItemInput } from './content.service.ts';
import {
  emptyValues,
  fieldName,
  inputFromValues,
  relationsFromForm,
  valuesFromForm,
  valuesFromRevision,
  type ItemFormValues,
  type RelationValues,
} from './item-form.ts';
import { t } from './messages.ts';
import { adminItemHref, adminPaths } from './paths.ts';
import { diffOfConflict } from './revision-diff.ts';
import { mayEdit } from './workflow.ts';
import { editItemMain, newItemMain, typeChooser } from './views/item-form.view.ts';
import { itemRelationsFields } from './views/item-relations.view.ts';

const _LIST_PAGE = 50;

/**
 * The service's problems of type-specific fields are the form's `field_<name>` controls (keys
 * the compiler cannot list: the form has one per field of every content type).
 */
const TYPE_FIELD_NAMES_OF_FORM = Object.fromEntries(TYPE_FIELD_NAMES.map((name): [string, string] => [name, fieldName(name)])) as Readonly<
  Record<string, keyof Static<typeof ItemForm> & string>
>;

export function itemFormRoutes(routes: Routes, L: Lang, deps: ContentAdmin): void {
  const { admin, content, categories, relations } = deps;
  const paths = adminPaths.paths;
  const base = adminPaths.href(L, 'content');
  const newHref = adminPaths.href(L, 'contentNew');
  const editHref = (id: number) => adminPaths.href(L, 'contentEdit', `/${id}`);
  const imagesUrl = deps.listMedia ? adminPaths.href(L, 'contentImages') : undefined;

  /** Both languages' categories in use on a site, and the one the item already has (even retired). */
  const siteCategories = async (siteId: number, keep: number | null = null) =>
    [...(await categories.list(siteId, 'vi')), ...(await categories.list(siteId, 'en'))].filter((c) => c.retired_at === null || c.id === keep);

  // ---- New item ----------------------------------------------------------------------------
  const newScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    s: AdminScope & { site: NonNullable<AdminScope['site']> },
    type: ContentTypeDef,
    values: ItemFormValues,
    more: RelationValues,
    errors: Readonly<Record<string, string>> = {},
    status = 200,
  ) => {
    const siteId = s.site.id;
    return admin.send(
      request,
      reply,
      {
        title: t(L, 'common.newItem'),
        ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: t(L, 'content.itemWasNotCreatedCheck') } } : {}),
        main: newItemMain(
          L,
          { list: base, new: newHref },
          {
            lang: L,
            type,
            action: `${newHref}?loai=${type.code}`,
            csrf: csrfToken(request, reply),
            values,
            errors,
            categoryGroups: categoryGroups(await siteCategories(siteId)),
            relations: itemRelationsFields(await relations.formPart(s, siteId, undefined, more, errors)),
            isNew: true,
            ...(imagesUrl ? { imagesUrl } : {}),
            submitLabel: t(L, 'content.saveDraft'),
            cancelHref: base,
          },
        ),
      },
      s,
      status,
    );
  };

  routes.get(paths.contentNew[L], queryForm(NewItemQuery), async (request, reply) => {
    const s = await admin.scope(request);
    if (!s.site) return admin.send(request, reply, { title: t(L, 'common.newItem'), main: noSite(L) }, s);
    authorize(s.actor, 'content.write', s.site.id);
    const type = contentType(request.query.loai ?? '');
    if (!type) return admin.send(request, reply, { title: t(L, 'common.newItem'), main: typeChooser(L, newHref) }, s);
    return newScreen(request, reply, { ...s, site: s.site }, type, emptyValues('vi'), await relations.valuesFromItem(undefined, undefined));
  });

  /** A new item's form as typed: an unknown language shows as Vietnamese (and is named as the problem). */
  const typedNew = (sent: SentForm, type: ContentTypeDef): ItemFormValues => {
    const values = valuesFromForm(sent, type);
    return values.lang === 'vi' || values.lang === 'en' ? values : { ...values, lang: 'vi' };
  };

  const newForm = formRoute(ItemForm, {
    fieldNames: TYPE_FIELD_NAMES_OF_FORM,
    render: async (request, reply, state, status) => {
      const s = await admin.scope(request);
      if (!s.site) return admin.send(request, reply, { title: t(L, 'common.newItem'), main: noSite(L) }, s, status);
      const type = contentType(state.values.type ?? '');
      if (!type)
        return admin.send(
          request,
          reply,
          { title: t(L, 'common.newItem'), main: typeChooser(L, newHref), notice: { kind: 'error', text: t(L, 'content.chooseContentType') } },
          s,
          status,
        );
      const values = typedNew(state.values, type);
      return newScreen(request, reply, { ...s, site: s.site }, type, values, relationsFromForm(state.values), state.errors, status);
    },
  });
  routes.post(paths.contentNew[L], { ...newForm, schema: { ...newForm.schema, querystring: NoQuery }, bodyLimit: ITEM_BODY_LIMIT }, async (request, reply) => {
    const s = await admin.scope(request);
    if (!s.site) throw new Invalid('content.no_site', t(L, 'common.thereNoSiteYet'));
    const type = contentType(request.body.type);
    if (!type) throw new Invalid('content.no_type', t(L, 'content.chooseContentType'));
    const sent = valuesFromForm(request.body, type);
    const problems: FieldProblem[] = [];
    if (sent.lang !== 'vi' && sent.lang !== 'en') problems.push({ field: 'lang', message: t(L, 'common.chooseVietnameseEnglish') });
    const values = typedNew(request.body, type);
    const { input, problems: formProblems } = inputFromValues(values, type, await siteCategories(s.site.id), L);
    const extra = await relations.inputFrom(s, s.site.id, values.lang, undefined, relationsFromForm(request.body));
    problems.push(...formProblems, ...extra.problems);
    if (problems.length) throw refused('content.invalid', problems);
    const item = await content.create(s.actor, s.site.id, { ...input, ...extra.input, type: type.code, lang: values.lang });
    const linked = await relations.applyTranslation(s.actor, item.id, extra.translation);
    return reply.redirect(`${adminItemHref(L, item.id)}?tb=${linked ? 'da-tao' : 'da-tao-chua-lien-ket'}`, 303);
  });

  // ---- Edit --------------------------------------------------------------------------------
  /** The item, refused with the workflow's message when this person may not edit it now. */
  async function editable(s: AdminScope, id: number) {
    const loaded = await loadItem(deps, s, id);
    if (!mayEdit({ stage: loaded.item.stage, providerId: loaded.item.provider_id }, capabilitiesOf(s.actor, loaded.item.site_id))) {
      throw new Forbidden('content.edit_forbidden', 'Bạn không được sửa tin, bài ở trạng thái này.', { messageKey: 'error.body.403' });
    }
    return loaded;
  }

  const editScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    s: AdminScope,
    loaded: Awaited<ReturnType<typeof editable>>,
    form: {
      values: ItemFormValues;
      more: RelationValues;
      version: number;
      errors?: Readonly<Record<string, string>>;
      conflict?: ReturnType<typeof diffOfConflict>;
    },
    status = 200,
  ) => {
    const { item } = loaded;
    const type = contentType(item.type)!;
    const errors = form.errors ?? {};
    const title = form.values.title || `#${item.id}`;
    const notice = form.conflict
      ? { notice: { kind: 'error' as const, text: t(L, 'content.notSavedSomeoneElseHas') } }
      : Object.keys(errors).length
        ? { notice: { kind: 'error' as const, text: errors.form ?? t(L, 'common.notSavedCheckMarkedFields') } }
        : {};
    return admin.send(
      request,
      reply,
      {
        title: `${t(L, 'common.edit')}: ${title}`,
        ...notice,
        main: editItemMain(L, title, { list: base, item: adminItemHref(L, item.id) }, item.id, {
          lang: L,
          type,
          action: editHref(item.id),
          csrf: csrfToken(request, reply),
          values: form.values,
          errors,
          categoryGroups: categoryGroups(await siteCategories(item.site_id, item.category_id)),
          relations: itemRelationsFields(await relations.formPart(s, item.site_id, item, form.more, errors)),
          isNew: false,
          version: form.version,
          ...(imagesUrl ? { imagesUrl } : {}),
          conflict: form.conflict,
          submitLabel: form.conflict ? t(L, 'content.saveMyVersionAnyway') : t(L, 'content.saveNewRevision'),
          cancelHref: adminItemHref(L, item.id),
        }),
      },
      s,
      status,
    );
  };

  routes.get(`${paths.contentEdit[L]}/:id`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    const loaded = await editable(s, Number(request.params.id));
    const { item, working } = loaded;
    const values = working ? valuesFromRevision(item, working) : emptyValues(item.lang);
    return editScreen(request, reply, s, loaded, { values, more: await relations.valuesFromItem(item, working), version: item.version });
  });

  const editForm = formRoute(ItemForm, {
    fieldNames: TYPE_FIELD_NAMES_OF_FORM,
    // A refused save comes back with what was typed; after a conflict, with the difference and
    // the current version, so that saving again, knowingly, replaces the other person's save.
    render: async (request, reply, state, status) => {
      const s = await admin.scope(request);
      const loaded = await editable(s, itemIdOf(request));
      const { item, working } = loaded;
      const type = contentType(item.type)!;
      const { version: conflictDetail, ...errors } = state.errors;
      const conflict = status === 409 ? diffOfConflict(conflictDetail) : undefined;
      const typedVersion = Number(state.values.version);
      return editScreen(
        request,
        reply,
        s,
        loaded,
        {
          values: { ...valuesFromForm(state.values, type), lang: item.lang },
          more: relationsFromForm(state.values, await relations.valuesFromItem(item, working)),
          version: status === 409 || !Number.isSafeInteger(typedVersion) ? item.version : typedVersion,
          errors: status === 409 ? {} : errors,
          conflict,
        },
        status,
      );
    },
  });
  routes.post(
    `${paths.contentEdit[L]}/:id`,
    { ...editForm, schema: { ...editForm.schema, params: IdParams, querystring: NoQuery }, bodyLimit: ITEM_BODY_LIMIT },
    async (request, reply) => {
      const id = Number(request.params.id);
      const s = await admin.scope(request);
      const { item, working } = await editable(s, id);
      const type = contentType(item.type)!;
      const values = { ...valuesFromForm(request.body, type), lang: item.lang };
      const version = Number(request.body.version);
      const { input, problems } = inputFromValues(values, type, await siteCategories(item.site_id, item.category_id), L);
      // What the form did not send (no cover or topic controls) stays as it was.
      const more = relationsFromForm(request.body, await relations.valuesFromItem(item, working));
      const extra = await relations.inputFrom(s, item.site_id, item.lang, item, more);
      if (problems.length || extra.problems.length) throw refused('content.invalid', [...problems, ...extra.problems]);
      const keep: Partial<ItemInput> = working
        ? { coverMediaId: working.cover_media_id, coverCaption: working.cover_caption, attachments: working.attachments, topicIds: working.topic_ids }
        : {};
      await content.save(s.actor, id, { ...keep, ...input, ...extra.input }, Number.isSafeInteger(version) ? version : -1);
      const linked = await relations.applyTranslation(s.actor, id, extra.translation);
      return reply.redirect(`${adminItemHref(L, id)}?tb=${linked ? 'da-luu' : 'da-luu-chua-lien-ket'}`, 303);
    },
  );
}
