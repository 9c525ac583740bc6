/** The confirmation before a file leaves the library for good (/quan-tri/thu-vien/<id>/xoa). */
import type { Lang } from '../../../platform/i18n/index.ts';
import { csrfInput } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

export interface DeleteView {
  lang: Lang;
  name: string;
  action: string;
  cancelHref: string;
  csrf: string;
}

export function deleteMain(v: DeleteView): SafeHtml {
  const L = v.lang;
  return html`<h1>${t(L, 'media.delete2', { originalName: v.name })}</h1>
<p>${t(L, 'media.fileWillRemovedFromLibrary')}</p>
<form method="post" action="${v.action}" class="inline">${csrfInput(v.csrf)}<button type="submit" class="danger">${t(L, 'media.deleteGood')}</button></form>
<a class="button secondary" href="${v.cancelHref}">${t(L, 'media.cancel')}</a>`;
}
