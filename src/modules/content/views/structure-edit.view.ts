/**
 * The finished structure screens: one category (rename, move, retire), the topics (list with
 * item counts, add) and one topic (rename, retire), and how the site receives cross-posted
 * items. Plain forms: no JavaScript needed.
 */
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { csrfInput, inputControl, selectControl, textareaControl, type OptionGroup } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';
import { ts } from '../structure-messages.ts';

const crumbs = (L: Lang, overviewHref: string, parts: readonly (readonly [string, string | undefined])[]) =>
  html`<p class="breadcrumb-admin"><a href="${overviewHref}">${t(L, 'structure.siteStructure')}</a>${parts.map(([label, href]) =>
    href ? html` › <a href="${href}">${label}</a>` : html` › ${label}`,
  )}</p>`;

const formError = (e: Record<string, string>) => (e.form ? html`<p class="error" role="alert">${e.form}</p>` : '');

export interface CategoryEditValues {
  name: string;
  description: string;
  parentId: string;
  position: string;
}

export function categoryEditPage(spec: {
  lang: Lang;
  action: string;
  statusAction: string;
  csrf: string;
  category: { name: string; path: string; retiredAt: Date | null };
  parents: OptionGroup[];
  values: CategoryEditValues;
  errors: Record<string, string>;
  overviewHref: string;
  listHref: string;
}): SafeHtml {
  const L = spec.lang;
  const v = spec.values;
  const e = spec.errors;
  const c = spec.category;
  return html`${crumbs(L, spec.overviewHref, [
    [t(L, 'structure.categories'), spec.listHref],
    [c.name, undefined],
  ])}
<h1>${ts(L, 'cat.editTitle', { name: c.name })}</h1>
<p>${ts(L, 'cat.path', { path: c.path })}</p>
${c.retiredAt ? html`<p class="notice info">${ts(L, 'cat.isRetired', { date: formatDate(c.retiredAt) })}</p>` : ''}
<form method="post" action="${spec.action}" class="form" novalidate>
${csrfInput(spec.csrf)}
${inputControl({ name: 'name', label: ts(L, 'cat.name'), value: v.name, required: true, maxlength: 200, error: e.name })}
${selectControl({
  name: 'parentId',
  label: ts(L, 'cat.parent'),
  hint: ts(L, 'cat.parentHint'),
  value: v.parentId,
  error: e.parentId,
  groups: [{ options: [{ value: '', label: ts(L, 'cat.topLevel') }] }, ...spec.parents],
})}
${textareaControl({ name: 'description', label: ts(L, 'cat.description'), value: v.description, rows: 2, maxlength: 1000, error: e.description })}
${inputControl({ name: 'position', type: 'number', label: ts(L, 'cat.position'), hint: ts(L, 'cat.positionHint'), value: v.position, error: e.position })}
${formError(e)}
<p class="form-actions"><button type="submit">${ts(L, 'cat.save')}</button> <a href="${spec.listHref}">${ts(L, 'cat.back')}</a></p>
</form>
<section aria-labelledby="cm-ngung"><h2 id="cm-ngung">${ts(L, 'cat.retireTitle')}</h2>
<p>${ts(L, 'cat.retireExplain')}</p>
<form method="post" action="${spec.statusAction}" class="form">
${csrfInput(spec.csrf)}
<input type="hidden" name="retired" value="${c.retiredAt ? '0' : '1'}">
<p class="form-actions"><button type="submit">${c.retiredAt ? ts(L, 'cat.restoreButton') : ts(L, 'cat.retireButton')}</button></p>
</form></section>`;
}

export interface TopicRowView {
  id: number;
  nameVi: string;
  nameEn: string;
  slug: string;
  items: number;
  retired: boolean;
  editHref: string;
  publicPath: string;
}

export function topicsPage(spec: {
  lang: Lang;
  action: string;
  csrf: string;
  topics: readonly TopicRowView[];
  values: { nameVi: string; nameEn: string };
  errors: Record<string, string>;
  overviewHref: string;
  pathExample: string;
}): SafeHtml {
  const L = spec.lang;
  const e = spec.errors;
  return html`${crumbs(L, spec.overviewHref, [[ts(L, 'topic.title'), undefined]])}
<h1>${ts(L, 'topic.title')}</h1>
<p>${ts(L, 'topic.intro', { path: spec.pathExample })}</p>
${
  spec.topics.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${ts(L, 'topic.caption')}"><table>
<caption>${ts(L, 'topic.caption')}</caption>
<thead><tr><th scope="col">${ts(L, 'topic.nameVi')}</th><th scope="col">${ts(L, 'topic.nameEn')}</th><th scope="col">${ts(L, 'topic.slug')}</th><th scope="col">${ts(L, 'topic.items')}</th><th scope="col">${ts(L, 'topic.status')}</th><th scope="col"><span class="visually-hidden">${ts(L, 'topic.edit')}</span></th></tr></thead>
<tbody>${spec.topics.map(
        (tp) =>
          html`<tr><th scope="row">${tp.nameVi}</th><td>${tp.nameEn}</td><td><code>${tp.publicPath}</code></td><td>${tp.items}</td><td>${tp.retired ? ts(L, 'topic.retired') : ts(L, 'topic.active')}</td><td><a href="${tp.editHref}">${ts(L, 'topic.edit')}<span class="visually-hidden">: ${tp.nameVi}</span></a></td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${ts(L, 'topic.none')}</p>`
}
<section aria-labelledby="cd-moi"><h2 id="cd-moi">${ts(L, 'topic.add')}</h2>
<form method="post" action="${spec.action}" class="form" novalidate>
${csrfInput(spec.csrf)}
${inputControl({ name: 'nameVi', label: ts(L, 'topic.nameVi'), value: spec.values.nameVi, required: true, maxlength: 200, error: e.nameVi })}
${inputControl({ name: 'nameEn', label: ts(L, 'topic.nameEn'), hint: ts(L, 'topic.nameEnHint'), value: spec.values.nameEn, maxlength: 200, error: e.nameEn })}
${formError(e)}
<p class="form-actions"><button type="submit">${ts(L, 'topic.addButton')}</button></p>
</form></section>`;
}

export function topicEditPage(spec: {
  lang: Lang;
  action: string;
  statusAction: string;
  csrf: string;
  topic: { name: string; path: string; retired: boolean; items: number };
  values: { nameVi: string; nameEn: string };
  errors: Record<string, string>;
  overviewHref: string;
  listHref: string;
}): SafeHtml {
  const L = spec.lang;
  const e = spec.errors;
  const tp = spec.topic;
  return html`${crumbs(L, spec.overviewHref, [
    [ts(L, 'topic.title'), spec.listHref],
    [tp.name, undefined],
  ])}
<h1>${ts(L, 'topic.editTitle', { name: tp.name })}</h1>
<p>${ts(L, 'cat.path', { path: tp.path })} · ${ts(L, 'topic.items')}: ${tp.items} · ${tp.retired ? ts(L, 'topic.retired') : ts(L, 'topic.active')}</p>
<form method="post" action="${spec.action}" class="form" novalidate>
${csrfInput(spec.csrf)}
${inputControl({ name: 'nameVi', label: ts(L, 'topic.nameVi'), value: spec.values.nameVi, required: true, maxlength: 200, error: e.nameVi })}
${inputControl({ name: 'nameEn', label: ts(L, 'topic.nameEn'), hint: ts(L, 'topic.nameEnHint'), value: spec.values.nameEn, maxlength: 200, error: e.nameEn })}
${formError(e)}
<p class="form-actions"><button type="submit">${ts(L, 'topic.save')}</button> <a href="${spec.listHref}">${ts(L, 'topic.back')}</a></p>
</form>
<section aria-labelledby="cd-ngung"><h2 id="cd-ngung">${tp.retired ? ts(L, 'topic.restoreButton') : ts(L, 'topic.retireButton')}</h2>
<p>${ts(L, 'topic.retireExplain')}</p>
<form method="post" action="${spec.statusAction}" class="form">
${csrfInput(spec.csrf)}
<input type="hidden" name="retired" value="${tp.retired ? '0' : '1'}">
<p class="form-actions"><button type="submit">${tp.retired ? ts(L, 'topic.restoreButton') : ts(L, 'topic.retireButton')}</button></p>
</form></section>`;
}

export function consentPage(spec: {
  lang: Lang;
  action: string;
  csrf: string;
  siteName: string;
  /** The sites that may cross-post here, each with its form's value (a refused one: as sent). */
  sources: readonly { id: number; name: string; mode: string }[];
  /** The source whose form was refused, and its problems. */
  refused?: { source: string; errors: Record<string, string> } | undefined;
}): SafeHtml {
  const L = spec.lang;
  return html`<h1>${ts(L, 'consent.title')}</h1>
<p>${ts(L, 'consent.intro', { site: spec.siteName })}</p>
${
  spec.sources.length
    ? spec.sources.map((src) => {
        const e = spec.refused?.source === String(src.id) ? spec.refused.errors : {};
        return html`<form method="post" action="${spec.action}" class="form" novalidate>
${csrfInput(spec.csrf)}
<input type="hidden" name="source" value="${src.id}">
${selectControl({
  name: 'mode',
  id: `f-mode-${src.id}`,
  label: ts(L, 'consent.mode', { site: src.name }),
  value: src.mode,
  error: e.mode ?? e.source,
  options: [
    { value: 'wait', label: ts(L, 'consent.wait') },
    { value: 'at_once', label: ts(L, 'consent.atOnce') },
  ],
})}
${formError(e)}
<p class="form-actions"><button type="submit">${ts(L, 'consent.save')}</button></p>
</form>`;
      })
    : html`<p>${ts(L, 'consent.none')}</p>`
}`;
}
