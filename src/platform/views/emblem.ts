/**
 * The default emblem shown when a site has no logo of its own: a red disc with a gold
 * star and ring, in the colours of state emblems. Decorative (the agency name follows
 * as text), so it is hidden from assistive technology. public/emblem.svg is the same
 * drawing, used as the favicon.
 */
import { raw, type SafeHtml } from './html.ts';

const SVG = `<svg class="emblem" aria-hidden="true" focusable="false" width="72" height="72" viewBox="0 0 100 100"><circle cx="50" cy="50" r="48" fill="#c8102e" stroke="#f6c343" stroke-width="4"/><circle cx="50" cy="50" r="38" fill="none" stroke="#f6c343" stroke-width="2"/><path fill="#ffcd00" d="M50 18l7.6 23.4H82L62.2 55.8l7.6 23.4L50 64.8 30.2 79.2l7.6-23.4L18 41.4h24.4z"/></svg>`;

export function emblemSvg(): SafeHtml {
  return raw(SVG);
}
