/**
 * RSS 2.0 and Atom (RFC 4287) documents of a site or a category: the newest items, with
 * absolute URLs. Every text is XML-escaped, and characters XML 1.0 forbids are dropped, so a
 * title typed with a stray control character still gives a feed readers accept.
 */

/** Newest items in a feed. */
export const FEED_SIZE = 30;

// Characters XML 1.0 does not allow (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/F).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML element content or a quoted attribute. */
export function xmlEscape(value: string): string {
  return value.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export interface FeedMeta {
  title: string;
  description: string;
  /** 'vi' or 'en' */
  lang: string;
  /** The HTML page the feed follows (site home or category page). */
  pageUrl: string;
  /** The feed's own URL. */
  selfUrl: string;
  /** The agency, as the feed's author. */
  author: string;
  /** When the newest entry changed; now when the feed is empty. */
  updated: Date;
}

export interface FeedEntry {
  title: string;
  url: string;
  summary: string;
  published: Date;
  updated: Date;
  author: string;
  category?: string | undefined;
}

const e = xmlEscape;

export function rssFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const items = entries.map(
    (x) => `<item>
<title>${e(x.title)}</title>
<link>${e(x.url)}</link>
<guid isPermaLink="true">${e(x.url)}</guid>
<pubDate>${x.published.toUTCString()}</pubDate>
${x.summary ? `<description>${e(x.summary)}</description>\n` : ''}${x.author ? `<dc:creator>${e(x.author)}</dc:creator>\n` : ''}${x.category ? `<category>${e(x.category)}</category>\n` : ''}</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${e(meta.title)}</title>
<link>${e(meta.pageUrl)}</link>
<description>${e(meta.description)}</description>
<language>${e(meta.lang)}</language>
<lastBuildDate>${meta.updated.toUTCString()}</lastBuildDate>
<atom:link href="${e(meta.selfUrl)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
}

export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const items = entries.map(
    (x) => `<entry>
<id>${e(x.url)}</id>
<title type="text">${e(x.title)}</title>
<link rel="alternate" type="text/html" href="${e(x.url)}"/>
<published>${x.published.toISOString()}</published>
<updated>${x.updated.toISOString()}</updated>
<author><name>${e(x.author || meta.author)}</name></author>
${x.category ? `<category term="${e(x.category)}"/>\n` : ''}${x.summary ? `<summary type="text">${e(x.summary)}</summary>\n` : ''}</entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(meta.lang)}">
<id>${e(meta.selfUrl)}</id>
<title type="text">${e(meta.title)}</title>
<subtitle type="text">${e(meta.description)}</subtitle>
<updated>${meta.updated.toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${e(meta.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${e(meta.pageUrl)}"/>
<author><name>${e(meta.author)}</name></author>
${items.join('\n')}
</feed>
`;
}
