/**
 * The few styles the content pages add to public/site.css (badge, meta line, share links,
 * pagination, item lists, print). Inline `<style>` is allowed by the CSP; these rules belong
 * in site.css once the stylesheet is next revised.
 */
import { raw, type SafeHtml } from '../../../platform/views/html.ts';

const RULES = [
  '.item-meta{color:#4a4a4a;font-size:.95em;margin:.25rem 0 1rem}',
  '.item-meta>span+span::before{content:" · "}',
  '.badge{display:inline-block;border:1px solid #8a6d00;background:#fff6d6;color:#4d3c00;border-radius:.25rem;padding:0 .4rem;font-size:.9em;font-weight:600}',
  '.item-source,.item-update{font-style:italic}',
  '.item-cover{margin:0 0 1rem}.item-cover img{max-width:100%;height:auto}.item-cover figcaption{font-size:.9em;color:#4a4a4a}',
  '.item-fields{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}.item-fields dt{font-weight:600}.item-fields dd{margin:0}',
  '.share ul,.feed-links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}',
  '.share input{width:100%;max-width:40rem;font:inherit;padding:.3rem}',
  '.item-list{list-style:none;padding:0}.item-list>li{padding:.75rem 0;border-bottom:1px solid #ddd;overflow:hidden}',
  '.item-list h2,.item-list h3{font-size:1.1em;margin:0 0 .25rem}.item-list p{margin:.25rem 0}',
  '.item-list .thumb{float:left;margin:0 1rem .5rem 0;max-width:8rem}.item-list .thumb img{max-width:100%;height:auto}',
  '.week-nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}.week-nav a{display:inline-block;min-height:2.75rem;line-height:2.75rem}',
  '.calendar-empty{border-left:4px solid #8a6d00;background:#fff6d6;color:#2b2100;padding:.75rem 1rem}',
  '@media print{.share,.related,.breadcrumb,.print-link,.feed-links,.week-nav{display:none}}',
];

/** `<style>` for the head of a content page. */
export function contentStyle(): SafeHtml {
  return raw(`<style>${RULES.join('')}</style>`);
}

/** The print view's own styles: a plain document, with link targets written out on paper. */
export const PRINT_CSS = [
  'body{font-family:"Be Vietnam Pro",system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.55;color:#000;background:#fff}',
  'img{max-width:100%;height:auto}',
  '.print-head{border-bottom:2px solid #000;margin-bottom:1rem}.print-head p{margin:.2rem 0}',
  '.item-meta{color:#222}.badge{border:1px solid #000;padding:0 .3rem}',
  'table{border-collapse:collapse}th,td{border:1px solid #000;padding:.25rem .5rem}',
  '@media print{.no-print{display:none}body{margin:0;max-width:none}a{color:#000;text-decoration:none}.prose a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}}',
].join('');
