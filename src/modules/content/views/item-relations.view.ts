/**
 * What the item form and item page show beyond the text: the cover image and attachments
 * chosen from the site's media library, topics, the item's translation; on the item page,
 * cross-posting to component sites, proposing to the portal, confirming a periodic review.
 * Everything works without JavaScript.
 */
import { ft } from '../fixed.messages.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput, inputControl, selectControl, type OptionGroup } from '../../../platform/views/form-controls.ts';
import type { RelationValues } from '../item-form.ts';
import { languageName, t } from '../messages.ts';

export interface ImageChoice {
  id: number;
  label: string;
  thumb: string;
}

export interface DocumentChoice {
  id: number;
  label: string;
  meta: string;
}

export interface PickerSpec {
  lang: Lang;
  values: RelationValues;
  errors: Record<string, string>;
  /** Undefined: there is no media library; the cover and attachments are not shown. */
  images: readonly ImageChoice[] | undefined;
  documents: readonly DocumentChoice[];
  topics: readonly { id: number; name: string }[];
  /** Undefined: this person may not link translations. */
  translations: OptionGroup[] | undefined;
  libraryHref: string;
}

/** A list of check boxes (or radio buttons) in a fieldset whose legend is the question. */
function choiceList(spec: {
  lang: Lang;
  name: string;
  type: 'checkbox' | 'radio';
  legend: string;
  hint?: SafeHtml | string;
  error: string | undefined;
  className: string;
  options: readonly { value: string; label: SafeHtml | string; extra?: string }[];
  selected: readonly string[];
  empty: string;
}): SafeHtml {
  const id = `f-${spec.name}`;
  const describedBy = [spec.hint ? `${id}-hint` : '', spec.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset class="field ${spec.className}" id="${id}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
<legend>${spec.legend}</legend>
${spec.hint ? html`<p class="hint" id="${id}-hint">${spec.hint}</p>` : ''}
${spec.error ? html`<p class="error" id="${id}-error">${spec.error}</p>` : ''}
${
  spec.options.length
    ? html`<ul>${spec.options.map(
        (o, i) =>
          html`<li class="field-check"><input id="${id}-${i}" name="${spec.name}" type="${spec.type}" value="${o.value}"${spec.selected.includes(o.value) ? raw(' checked') : ''}><label for="${id}-${i}">${o.label}</label>${o.extra ? html`<span class="hint">${o.extra}</span>` : ''}</li>`,
      )}</ul>`
    : html`<p class="muted">${spec.empty}</p>`
}
</fieldset>`;
}

/** Cover image, caption, attachments, topics and translation: the part of the item form after the category. */
export function itemRelationsFields(s: PickerSpec): SafeHtml {
  const L = s.lang;
  const v = s.values;
  const e = s.errors;
  const library = html`<a href="${s.libraryHref}">${t(L, 'relations.openMediaLibraryUpload')}</a>`;
  return html`${
    s.images
      ? html`<input type="hidden" name="hasMedia" value="1">
${choiceList({
  lang: L,
  name: 'coverMediaId',
  type: 'radio',
  legend: t(L, 'relations.coverImage'),
  hint: html`${t(L, 'relations.chooseImageFromSitesMedia')} ${library}.`,
  error: e.coverMediaId,
  className: 'image-choices',
  options: [
    { value: '', label: t(L, 'relations.noCoverImage') },
    ...s.images.map((i) => ({
      value: String(i.id),
      label: html`<img src="${i.thumb}" alt="" width="160" height="107" loading="lazy"><span>${i.label}</span>`,
    })),
  ],
  selected: [v.coverMediaId],
  empty: '',
})}
${inputControl({ name: 'coverCaption', label: t(L, 'relations.captionImage'), hint: t(L, 'relations.emptyCaptionImageLibrary'), value: v.coverCaption, maxlength: 1000, error: e.coverCaption })}
${choiceList({
  lang: L,
  name: 'attachments',
  type: 'checkbox',
  legend: t(L, 'relations.attachments'),
  hint: t(L, 'relations.documentsFormsFromSitesLibrary'),
  error: e.attachments,
  className: 'document-choices',
  options: s.documents.map((d) => ({ value: String(d.id), label: d.label, extra: d.meta })),
  selected: v.attachments,
  empty: t(L, 'relations.sitesLibraryHasNoDocuments'),
})}`
      : ''
  }
${
  s.topics.length
    ? html`<input type="hidden" name="hasTopics" value="1">
${choiceList({ lang: L, name: 'topicIds', type: 'checkbox', legend: t(L, 'relations.topics'), error: e.topicIds, className: 'topic-choices', options: s.topics.map((t) => ({ value: String(t.id), label: t.name })), selected: v.topicIds, empty: '' })}`
    : ''
}
${
  s.translations
    ? html`<input type="hidden" name="hasTranslation" value="1">
${selectControl({
  name: 'translationOf',
  label: t(L, 'relations.translation'),
  hint: t(L, 'relations.itemSameContentSitesOther'),
  value: v.translationOf,
  error: e.translationOf,
  groups: [{ options: [{ value: '', label: t(L, 'relations.none') }] }, ...s.translations],
})}`
    : ''
}`;
}

// ---- Item page ---------------------------------------------------------------------------------

export interface ItemRelationsPageSpec {
  lang: Lang;
  csrf: string;
  here: string;
  details: {
    cover?: { thumb: string; label: string; caption: string } | undefined;
    attachments: { label: string; href: string }[];
    topics: string[];
    translation?: { href: string; title: string; lang: string } | undefined;
  };
  /** Portal items the person may cross-post: the component sites, and where copies already are. */
  crossPost?: { sites: { id: number; name: string; copy?: { href: string | undefined; status: string } | undefined }[] } | undefined;
  /** Component-site items the person may propose to the portal. */
  propose?: { portalName: string; proposals: { id: number; status: string }[]; pending: boolean } | undefined;
  /** Items with a periodic review the person may confirm. */
  review?: { nextReviewAt: Date | null; intervalDays: number; overdue: boolean } | undefined;
  /** Live items the board may ask to be reviewed now (WF-6 on demand). */
  requestReview?: boolean | undefined;
  values: Record<string, string>;
  errors: Record<string, string>;
  now: Date;
}

function open(s: ItemRelationsPageSpec, action: string): SafeHtml {
  return html`<form method="post" action="${s.here}" class="action-form" novalidate>${csrfInput(s.csrf)}<input type="hidden" name="thao_tac" value="${action}">`;
}

/** Cover, attachments, topics and translation of the working revision. */
export function itemRelationsDetails(s: ItemRelationsPageSpec): SafeHtml {
  const L = s.lang;
  const d = s.details;
  if (!d.cover && !d.attachments.length && !d.topics.length && !d.translation) return html``;
  return html`<dl class="meta-list item-extras">
${d.cover ? html`<dt>${t(L, 'relations.coverImage')}</dt><dd><img src="${d.cover.thumb}" alt="" width="160" height="107" class="cover-thumb"> ${d.cover.label}${d.cover.caption ? html` — ${d.cover.caption}` : ''}</dd>` : ''}
${d.attachments.length ? html`<dt>${t(L, 'relations.attachments')}</dt><dd><ul class="plain">${d.attachments.map((a) => html`<li><a href="${a.href}">${a.label}</a></li>`)}</ul></dd>` : ''}
${d.topics.length ? html`<dt>${t(L, 'relations.topics')}</dt><dd>${d.topics.join(', ')}</dd>` : ''}
${d.translation ? html`<dt>${t(L, 'relations.translation2')}</dt><dd><a href="${d.translation.href}" hreflang="${d.translation.lang}">${d.translation.title}</a> (${languageName(d.translation.lang)})</dd>` : ''}
</dl>`;
}

/** The forms for cross-posting, proposing and confirming a review; empty when none applies. */
export function itemRelationsActions(s: ItemRelationsPageSpec): SafeHtml {
  const L = s.lang;
  const err = (a: string, k: string) => s.errors[`${a}.${k}`];
  const parts: SafeHtml[] = [];
  if (s.crossPost) {
    const open_ = s.crossPost.sites.filter((x) => !x.copy);
    const done = s.crossPost.sites.filter((x) => x.copy);
    const chosen = (s.values['cross_post.sites'] ?? '').split(',');
    const error = err('cross_post', 'sites');
    parts.push(html`<section class="action-box" aria-labelledby="act-cross-post"><h3 id="act-cross-post">${t(L, 'relations.crossPostComponentSites')}</h3>
${done.length ? html`<p>${t(L, 'relations.alreadyCrossPosted')}: ${done.map((x, i) => html`${i ? '; ' : ''}${x.copy!.href ? html`<a href="${x.copy!.href}">${x.name}</a>` : x.name} (${x.copy!.status})`)}.</p>` : ''}
${
  open_.length
    ? html`${open(s, 'cross_post')}
<fieldset class="field" id="f-cross-post-sites"${error ? html` aria-describedby="f-cross-post-sites-error"` : ''}>
<legend>${t(L, 'relations.sitesPost')}</legend>
${error ? html`<p class="error" id="f-cross-post-sites-error">${error}</p>` : ''}
<ul>${open_.map((x) => html`<li class="field-check"><input id="f-cross-post-${x.id}" name="sites" type="checkbox" value="${x.id}"${chosen.includes(String(x.id)) ? raw(' checked') : ''}><label for="f-cross-post-${x.id}">${x.name}</label></li>`)}</ul>
</fieldset>
<p class="hint">${t(L, 'relations.eachChosenSiteGetsPublished')}</p>
<p><button type="submit">${t(L, 'relations.crossPost')}</button></p></form>`
    : html`<p>${t(L, 'relations.itemAlreadyEveryComponentSite')}</p>`
}
</section>`);
  }
  if (s.propose) {
    parts.push(html`<section class="action-box" aria-labelledby="act-propose"><h3 id="act-propose">${t(L, 'relations.proposePortal')}</h3>
${s.propose.proposals.length ? html`<p>${t(L, 'relations.proposed')}: ${s.propose.proposals.map((p, i) => html`${i ? '; ' : ''}#${p.id} (${p.status})`)}.</p>` : ''}
${
  s.propose.pending
    ? html`<p>${t(L, 'relations.proposalAwaitsPortalsBoard')}</p>`
    : html`${open(s, 'propose')}<p class="hint">${t(L, 'relations.sendsCopyItsBoardEdits', { portalName: s.propose.portalName })}</p>
<p><button type="submit">${t(L, 'relations.proposePortal')}</button></p></form>`
}
</section>`);
  }
  if (s.review) {
    const r = s.review;
    parts.push(html`<section class="action-box" aria-labelledby="act-review"><h3 id="act-review">${t(L, 'relations.periodicReview')}</h3>
<p>${r.nextReviewAt ? html`${r.overdue ? html`<strong>${t(L, 'relations.reviewDue')}</strong> (${formatDate(r.nextReviewAt)}).` : html`${t(L, 'relations.nextReviewDue')}: ${formatDate(r.nextReviewAt)}.`}` : t(L, 'relations.noReviewDateYet')} ${r.intervalDays ? t(L, 'relations.everyDays', { intervalDays: r.intervalDays }) : ''}</p>
${open(s, 'mark_reviewed')}<p class="hint">${t(L, 'relations.confirmsInformationStillAccurateNext')}</p>
<p><button type="submit" class="secondary">${t(L, 'relations.markReviewed')}</button></p></form>
</section>`);
  }
  if (s.requestReview) {
    parts.push(html`<section class="action-box" aria-labelledby="act-request-review"><h3 id="act-request-review">${ft(L, 'review.onDemand')}</h3>
${open(s, 'request_review')}<p class="hint">${ft(L, 'review.requestHint')}</p>
<p><button type="submit" class="secondary">${ft(L, 'review.request')}</button></p></form>
</section>`);
  }
  return html`${parts}`;
}
