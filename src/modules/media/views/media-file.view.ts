/**
 * A file of the library (/quan-tri/thu-vien/<id>): a preview, what the file is, its public
 * address, and for those who may change it the alt text and caption form and the way to delete.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { csrfInput, inputControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { mediaImage, type MediaDetailView } from '../media.present.ts';
import type { MediaTextForm } from '../media.schema.ts';
import { t } from '../messages.ts';

export interface FileView {
  lang: Lang;
  detail: MediaDetailView;
  libraryHref: string;
  /** Absent when the person may not change the file. */
  edit?: {
    action: string;
    deleteHref: string;
    csrf: string;
    values: FormValues<typeof MediaTextForm>;
    errors: FieldErrors;
    altMax: number;
    captionMax: number;
  };
}

function preview(L: Lang, v: MediaDetailView): SafeHtml {
  const m = v.file;
  if (m.kind === 'image')
    return html`<figure>${mediaImage(m, { sizes: '(min-width: 50rem) 40rem, 100vw', loading: 'eager' })}${m.caption ? html`<figcaption>${m.caption}</figcaption>` : ''}</figure>`;
  if (m.kind === 'audio') return html`<audio controls preload="metadata" src="${m.url}"></audio>`;
  if (m.kind === 'video') return html`<video controls preload="metadata" src="${m.url}" style="max-width:100%"></video>`;
  return html`<p><a href="${m.url}" download="${m.downloadName}">${t(L, 'media.downloadDocument')}</a></p>`;
}

export function fileMain(v: FileView): SafeHtml {
  const L = v.lang;
  const m = v.detail.file;
  const e = v.edit;
  return html`<p><a href="${v.libraryHref}">${t(L, 'media.mediaLibrary2')}</a></p>
<h1>${m.originalName}</h1>
<div style="max-width:40rem">${preview(L, v.detail)}</div>
<dl>
<dt>${t(L, 'media.kind')}</dt><dd>${v.detail.kind} (<code>${m.mime}</code>)</dd>
<dt>${t(L, 'media.size')}</dt><dd>${v.detail.size}</dd>
${m.width && m.height ? html`<dt>${t(L, 'media.dimensions')}</dt><dd>${m.width} × ${m.height} ${t(L, 'media.pixels')}</dd>` : ''}
${m.variants.length ? html`<dt>${t(L, 'media.webpSizes')}</dt><dd>${m.variants.map((x, i) => html`${i ? ', ' : ''}<a href="${x.url}">${x.width}</a>`)}</dd>` : ''}
<dt>${t(L, 'media.uploaded')}</dt><dd>${v.detail.uploaded}</dd>
<dt>${t(L, 'media.publicAddress')}</dt><dd><a href="${m.url}"><code>${m.url}</code></a></dd>
<dt>SHA-256</dt><dd><code style="word-break:break-all">${m.sha256}</code></dd>
</dl>
${
  e
    ? html`<h2>${t(L, 'media.description')}</h2>
<form method="post" action="${e.action}" class="form" novalidate>
${csrfInput(e.csrf)}
${inputControl({
  name: 'alt',
  label: m.kind === 'image' ? t(L, 'media.altText') : t(L, 'media.altTextOptional'),
  hint: t(L, 'media.shortDescriptionWhatImageShows'),
  value: e.values.alt,
  required: m.kind === 'image',
  maxlength: e.altMax,
  error: e.errors.alt,
})}
${inputControl({ name: 'caption', label: t(L, 'media.caption'), value: e.values.caption, maxlength: e.captionMax, error: e.errors.caption })}
<p><button type="submit">${t(L, 'media.save')}</button></p>
</form>
<h2>${t(L, 'media.delete')}</h2>
<p><a class="button secondary" href="${e.deleteHref}">${t(L, 'media.deleteFile')}</a></p>`
    : ''
}`;
}
