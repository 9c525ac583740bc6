/** A wide table in a scrollable region a keyboard can reach (its label says which table). */
import { html, type SafeHtml } from '../../../platform/views/html.ts';

export function tableRegion(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}
