/**
 * What the item form and item page show beyond the text: the cover image and attachments
 * chosen from the site's media library, topics, the item's translation; on the item page,
 * cross-posting to component sites, proposing to the portal, confirming a periodic review;
 * and the dashboard card of overdue reviews. Everything works without JavaScript.
 */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { tr } from '../../../platform/views/admin-shell.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import { inputControl, selectControl, type OptionGroup } from './fields.ts';

/** The extra parts of the item form as typed (ids as strings). */
export interface ExtrasValues {
  /** The form had the cover and attachment controls (posts without them keep what was saved). */
  hasMedia: boolean;
  hasTopics: boolean;
  hasTranslation: boolean;
  coverMediaId: string;
  coverCaption: string;
  attachments: string[];
  topicIds: string[];
  translationOf: string;
}

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
  values: ExtrasValues;
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
export function itemExtrasFields(s: PickerSpec): SafeHtml {
  const L = s.lang;
  const v = s.values;
  const e = s.errors;
  const library = html`<a href="${s.libraryHref}">${tr(L, 'Mở thư viện tệp để tải lên', 'Open the media library to upload')}</a>`;
  return html`${
    s.images
      ? html`<input type="hidden" name="hasMedia" value="1">
${choiceList({
  lang: L,
  name: 'coverMediaId',
  type: 'radio',
  legend: tr(L, 'Ảnh đại diện', 'Cover image'),
  hint: html`${tr(L, 'Chọn một ảnh trong thư viện tệp của trang.', 'Choose an image from the site’s media library.')} ${library}.`,
  error: e.coverMediaId,
  className: 'image-choices',
  options: [
    { value: '', label: tr(L, 'Không dùng ảnh đại diện', 'No cover image') },
    ...s.images.map((i) => ({
      value: String(i.id),
      label: html`<img src="${i.thumb}" alt="" width="160" height="107" loading="lazy"><span>${i.label}</span>`,
    })),
  ],
  selected: [v.coverMediaId],
  empty: '',
})}
${inputControl({ name: 'coverCaption', label: tr(L, 'Chú thích ảnh', 'Caption of the image'), hint: tr(L, 'Để trống: dùng chú thích của ảnh trong thư viện.', 'Empty: the caption of the image in the library.'), value: v.coverCaption, maxlength: 1000, error: e.coverCaption })}
${choiceList({
  lang: L,
  name: 'attachments',
  type: 'checkbox',
  legend: tr(L, 'Tệp đính kèm', 'Attachments'),
  hint: tr(
    L,
    'Văn bản, biểu mẫu trong thư viện tệp của trang; hiện theo thứ tự trong danh sách.',
    'Documents and forms from the site’s library, shown in the order of this list.',
  ),
  error: e.attachments,
  className: 'document-choices',
  options: s.documents.map((d) => ({ value: String(d.id), label: d.label, extra: d.meta })),
  selected: v.attachments,
  empty: tr(L, 'Thư viện tệp của trang chưa có văn bản nào.', 'The site’s library has no documents yet.'),
})}`
      : ''
  }
${
  s.topics.length
    ? html`<input type="hidden" name="hasTopics" value="1">
${choiceList({ lang: L, name: 'topicIds', type: 'checkbox', legend: tr(L, 'Chủ đề', 'Topics'), error: e.topicIds, className: 'topic-choices', options: s.topics.map((t) => ({ value: String(t.id), label: t.name })), selected: v.topicIds, empty: '' })}`
    : ''
}
${
  s.translations
    ? html`<input type="hidden" name="hasTranslation" value="1">
${selectControl({
  name: 'translationOf',
  label: tr(L, 'Bản dịch của', 'Translation of'),
  hint: tr(
    L,
    'Tin, bài cùng nội dung bằng ngôn ngữ kia của trang. Trang công khai liên kết hai bản với nhau.',
    'The item with the same content in the site’s other language. Public pages link the two.',
  ),
  value: v.translationOf,
  error: e.translationOf,
  groups: [{ options: [{ value: '', label: tr(L, '— Không có —', '— None —') }] }, ...s.translations],
})}`
    : ''
}`;
}

// ---- Item page ---------------------------------------------------------------------------------

export interface ItemExtrasPageSpec {
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
  values: Record<string, string>;
  errors: Record<string, string>;
  now: Date;
}

function open(s: ItemExtrasPageSpec, action: string): SafeHtml {
  return html`<form method="post" action="${s.here}" class="action-form" novalidate>${csrfInput(s.csrf)}<input type="hidden" name="thao_tac" value="${action}">`;
}

/** Cover, attachments, topics and translation of the working revision. */
export function itemExtrasDetails(s: ItemExtrasPageSpec): SafeHtml {
  const L = s.lang;
  const d = s.details;
  if (!d.cover && !d.attachments.length && !d.topics.length && !d.translation) return html``;
  return html`<dl class="meta-list item-extras">
${d.cover ? html`<dt>${tr(L, 'Ảnh đại diện', 'Cover image')}</dt><dd><img src="${d.cover.thumb}" alt="" width="160" height="107" class="cover-thumb"> ${d.cover.label}${d.cover.caption ? html` — ${d.cover.caption}` : ''}</dd>` : ''}
${d.attachments.length ? html`<dt>${tr(L, 'Tệp đính kèm', 'Attachments')}</dt><dd><ul class="plain">${d.attachments.map((a) => html`<li><a href="${a.href}">${a.label}</a></li>`)}</ul></dd>` : ''}
${d.topics.length ? html`<dt>${tr(L, 'Chủ đề', 'Topics')}</dt><dd>${d.topics.join(', ')}</dd>` : ''}
${d.translation ? html`<dt>${tr(L, 'Bản dịch', 'Translation')}</dt><dd><a href="${d.translation.href}" hreflang="${d.translation.lang}">${d.translation.title}</a> (${d.translation.lang === 'en' ? 'English' : 'Tiếng Việt'})</dd>` : ''}
</dl>`;
}

/** The forms for cross-posting, proposing and confirming a review; empty when none applies. */
export function itemExtrasActions(s: ItemExtrasPageSpec): SafeHtml {
  const L = s.lang;
  const err = (a: string, k: string) => s.errors[`${a}.${k}`];
  const parts: SafeHtml[] = [];
  if (s.crossPost) {
    const open_ = s.crossPost.sites.filter((x) => !x.copy);
    const done = s.crossPost.sites.filter((x) => x.copy);
    const chosen = (s.values['cross_post.sites'] ?? '').split(',');
    const error = err('cross_post', 'sites');
    parts.push(html`<section class="action-box" aria-labelledby="act-cross-post"><h3 id="act-cross-post">${tr(L, 'Đăng chéo sang trang thành phần', 'Cross-post to component sites')}</h3>
${done.length ? html`<p>${tr(L, 'Đã đăng chéo sang', 'Already cross-posted to')}: ${done.map((x, i) => html`${i ? '; ' : ''}${x.copy!.href ? html`<a href="${x.copy!.href}">${x.name}</a>` : x.name} (${x.copy!.status})`)}.</p>` : ''}
${
  open_.length
    ? html`${open(s, 'cross_post')}
<fieldset class="field" id="f-cross-post-sites"${error ? html` aria-describedby="f-cross-post-sites-error"` : ''}>
<legend>${tr(L, 'Chọn trang nhận tin, bài', 'Sites to post it on')}</legend>
${error ? html`<p class="error" id="f-cross-post-sites-error">${error}</p>` : ''}
<ul>${open_.map((x) => html`<li class="field-check"><input id="f-cross-post-${x.id}" name="sites" type="checkbox" value="${x.id}"${chosen.includes(String(x.id)) ? raw(' checked') : ''}><label for="f-cross-post-${x.id}">${x.name}</label></li>`)}</ul>
</fieldset>
<p class="hint">${tr(L, 'Mỗi trang được chọn nhận một bản đang đăng, dẫn nguồn về tin, bài gốc trên Cổng.', 'Each chosen site gets a published copy that links back to the original on the portal.')}</p>
<p><button type="submit">${tr(L, 'Đăng chéo', 'Cross-post')}</button></p></form>`
    : html`<p>${tr(L, 'Tin, bài đã được đăng chéo sang mọi trang thành phần.', 'The item is already on every component site.')}</p>`
}
</section>`);
  }
  if (s.propose) {
    parts.push(html`<section class="action-box" aria-labelledby="act-propose"><h3 id="act-propose">${tr(L, 'Đề xuất lên Cổng', 'Propose to the portal')}</h3>
${s.propose.proposals.length ? html`<p>${tr(L, 'Đã đề xuất', 'Proposed')}: ${s.propose.proposals.map((p, i) => html`${i ? '; ' : ''}#${p.id} (${p.status})`)}.</p>` : ''}
${
  s.propose.pending
    ? html`<p>${tr(L, 'Đề xuất đang chờ Ban Biên tập của Cổng xử lý.', 'The proposal awaits the portal’s board.')}</p>`
    : html`${open(s, 'propose')}<p class="hint">${tr(L, `Gửi một bản sang ${s.propose.portalName}; Ban Biên tập của Cổng biên tập, duyệt hoặc từ chối như tin, bài khác.`, `Sends a copy to ${s.propose.portalName}; its board edits, approves or refuses it like any other item.`)}</p>
<p><button type="submit">${tr(L, 'Đề xuất lên Cổng', 'Propose to the portal')}</button></p></form>`
}
</section>`);
  }
  if (s.review) {
    const r = s.review;
    parts.push(html`<section class="action-box" aria-labelledby="act-review"><h3 id="act-review">${tr(L, 'Rà soát định kỳ', 'Periodic review')}</h3>
<p>${r.nextReviewAt ? html`${r.overdue ? html`<strong>${tr(L, 'Đã đến hạn rà soát', 'The review is due')}</strong> (${formatDate(r.nextReviewAt)}).` : html`${tr(L, 'Hạn rà soát tiếp theo', 'Next review due')}: ${formatDate(r.nextReviewAt)}.`}` : tr(L, 'Chưa có hạn rà soát.', 'No review date yet.')} ${tr(L, `Chu kỳ ${r.intervalDays} ngày.`, `Every ${r.intervalDays} days.`)}</p>
${open(s, 'mark_reviewed')}<p class="hint">${tr(L, 'Xác nhận thông tin vẫn chính xác; hạn tiếp theo tính từ hôm nay.', 'Confirms the information is still accurate; the next review is due one interval from today.')}</p>
<p><button type="submit" class="secondary">${tr(L, 'Đã rà soát', 'Mark as reviewed')}</button></p></form>
</section>`);
  }
  return html`${parts}`;
}

/** The dashboard card "Thông tin đến hạn rà soát". */
export function overdueCard(
  lang: Lang,
  rows: readonly { id: number; title: string; next_review_at: Date | null }[],
  itemHref: (id: number) => string,
): SafeHtml {
  const L = lang;
  return html`<section class="card" aria-labelledby="db-reviews"><h2 id="db-reviews">${tr(L, 'Thông tin đến hạn rà soát', 'Information due for review')} (${rows.length})</h2>
${
  rows.length
    ? html`<ul>${rows.slice(0, 10).map((r) => html`<li><a href="${itemHref(r.id)}">${r.title}</a>${r.next_review_at ? html` — ${tr(L, 'hạn', 'due')} ${formatDateTime(r.next_review_at)}` : ''}</li>`)}</ul>${rows.length > 10 ? html`<p>${tr(L, `Và ${rows.length - 10} tin, bài khác.`, `And ${rows.length - 10} more.`)}</p>` : ''}`
    : html`<p>${tr(L, 'Không có thông tin nào đến hạn rà soát.', 'Nothing is due for review.')}</p>`
}
</section>`;
}
