/**
 * The library of a site (/quan-tri/thu-vien): the upload form, which works without JavaScript,
 * then the files, newest first, with thumbnails and pages.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { csrfInput, inputControl } from '../../../platform/views/form-controls.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import type { LibraryItemView, ThumbnailView } from '../media.present.ts';
import type { MediaTextForm } from '../media.schema.ts';
import { t } from '../messages.ts';

/** What the file input accepts (a convenience for the file picker; the server decides by content). */
const ACCEPT =
  'image/jpeg,image/png,image/webp,image/gif,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,audio/mpeg,audio/mp4,.m4a,audio/ogg,audio/wav,video/mp4,video/webm';

export interface UploadFormView {
  action: string;
  csrf: string;
  values: FormValues<typeof MediaTextForm>;
  /** By field; `form` holds the file's problems (the only field that is not text). */
  errors: FieldErrors;
  /** The largest file of each kind, as shown. */
  limits: { image: string; document: string; audio: string; video: string };
  altMax: number;
  captionMax: number;
}

export interface LibraryView {
  lang: Lang;
  title: string;
  /** Absent when the person may not add files. */
  upload?: UploadFormView;
  total: number;
  items: readonly LibraryItemView[];
  page: number;
  pages: number;
  pageHref: (n: number) => string;
}

function uploadForm(L: Lang, v: UploadFormView): SafeHtml {
  const fileError = v.errors.form;
  const fileDescribed = ['f-file-hint', fileError ? 'f-file-error' : ''].filter(Boolean).join(' ');
  return html`<section aria-labelledby="tai-len">
<h2 id="tai-len">${t(L, 'media.uploadFile')}</h2>
<form method="post" action="${v.action}" enctype="multipart/form-data" class="form" novalidate>
${csrfInput(v.csrf)}
<div class="field">
<label for="f-file">${t(L, 'media.file')} <span aria-hidden="true">*</span></label>
<p class="hint" id="f-file-hint">${t(L, 'media.fileHint', v.limits)}${Object.keys(v.errors).length ? t(L, 'media.chooseFileAgainBeforeSending') : ''}</p>
${fileError ? html`<p class="error" id="f-file-error">${fileError}</p>` : ''}
<input id="f-file" name="file" type="file" required accept="${ACCEPT}" aria-describedby="${fileDescribed}"${fileError ? raw(' aria-invalid="true"') : ''}>
</div>
${inputControl({
  name: 'alt',
  label: t(L, 'media.altTextRequiredImages'),
  hint: t(L, 'media.shortDescriptionWhatImageShows'),
  value: v.values.alt,
  maxlength: v.altMax,
  error: v.errors.alt,
})}
${inputControl({ name: 'caption', label: t(L, 'media.caption'), value: v.values.caption, maxlength: v.captionMax, error: v.errors.caption })}
<p><button type="submit">${t(L, 'media.upload')}</button></p>
</form>
</section>`;
}

function thumbnail(th: ThumbnailView): SafeHtml {
  if ('label' in th) return html`<span class="badge">${th.label}</span>`;
  return html`<img src="${th.src}" alt="${th.alt}" width="96" height="${th.height}" loading="lazy" decoding="async" style="object-fit:contain">`;
}

export function libraryMain(v: LibraryView): SafeHtml {
  const L = v.lang;
  return html`<h1>${v.title}</h1>
${v.upload ? uploadForm(L, v.upload) : ''}
<h2>${t(L, 'media.filesSite')} (${v.total})</h2>
${
  v.items.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t(L, 'media.files')}"><table class="data"><caption class="visually-hidden">${t(L, 'media.filesNewestFirst')}</caption>
<thead><tr><th scope="col">${t(L, 'media.preview')}</th><th scope="col">${t(L, 'media.fileName')}</th><th scope="col">${t(L, 'media.kind')}</th><th scope="col">${t(L, 'media.size')}</th><th scope="col">${t(L, 'media.uploaded')}</th></tr></thead>
<tbody>${v.items.map(
        (m) =>
          html`<tr><td>${thumbnail(m.thumbnail)}</td><th scope="row"><a href="${m.href}">${m.name}</a></th><td>${m.kind}</td><td>${m.size}</td><td>${m.uploaded}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t(L, 'media.noFilesYet')}</p>`
}
${
  v.pages > 1
    ? html`<nav aria-label="${t(L, 'media.pages')}"><p>${v.page > 1 ? html`<a href="${v.pageHref(v.page - 1)}" rel="prev">${t(L, 'media.previous')}</a> ` : ''}${t(L, 'media.page', { page: v.page, pages: v.pages })}${v.page < v.pages ? html` <a href="${v.pageHref(v.page + 1)}" rel="next">${t(L, 'media.next')}</a>` : ''}</p></nav>`
    : ''
}`;
}

/** The library when the platform has no site yet. */
export function noSiteMain(L: Lang, title: string): SafeHtml {
  return html`<h1>${title}</h1><p>${t(L, 'media.thereNoSiteYet')}</p>`;
}
