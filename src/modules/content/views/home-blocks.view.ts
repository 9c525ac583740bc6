/** The content blocks of a site's home page, in the order the operator arranged them. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';
import { itemList } from './listing.view.ts';
import type { ItemLink } from './models.ts';

export interface HomeBlock {
  /** Id of the block's heading, unique on the page. */
  id: string;
  title: string;
  items: ItemLink[];
  moreHref: string;
}

export function homeBlocksMain(lang: Lang, blocks: readonly HomeBlock[]): SafeHtml {
  return html`${blocks
    .filter((b) => b.items.length > 0)
    .map(
      (b) => html`<section class="card home-block" aria-labelledby="${b.id}"><h2 id="${b.id}">${b.title}</h2>
${itemList(lang, b.items, 3)}
<p><a href="${b.moreHref}">${t(lang, 'public.more')}<span class="visually-hidden">: ${b.title}</span></a></p></section>`,
    )}`;
}
