/**
 * The one gate for rich text: HTML from editors and imports is sanitised once, when it is
 * saved, to an allow-list of structural elements. Scripts, event handlers, styles and
 * `javascript:` URLs never reach storage.
 */
import type sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
    'img',
    'hr',
    'abbr',
    'cite',
    'q',
    'code',
    'pre',
    'span',
    'div',
    'section',
    'dl',
    'dt',
    'dd',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'lang'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan', 'headers'],
    abbr: ['title'],
    ol: ['start', 'type'],
    '*': ['lang', 'id'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...(attribs.href && /^https?:/i.test(attribs.href) ? { rel: 'noopener' } : {}) } }),
  },
};

// sanitize-html (with postcss) costs ~18 MB of memory: loaded on first save, not at start.
let sanitizer: typeof sanitizeHtml | undefined;

/** Sanitised, NFC-normalised HTML, safe to render as is. */
export async function sanitizeRichText(input: string): Promise<string> {
  sanitizer ??= (await import('sanitize-html')).default;
  return sanitizer(input.normalize('NFC'), {
    ...OPTIONS,
    allowedAttributes: { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'hreflang', 'lang', 'rel'] },
  });
}
