/**
 * What search engines and social networks read: Open Graph tags, JSON-LD (`NewsArticle`
 * for an item, `GovernmentOrganization` for the site), feed discovery links, sitemap.xml
 * and robots.txt. Pure functions; the routes gather the data.
 */
import { html, jsonForScript, type SafeHtml } from '../../platform/views/html.ts';
import { xmlEscape } from './feed-xml.ts';

export interface OrgInfo {
  /** The agency (owner) when known, else the site. */
  name: string;
  siteName: string;
  /** Absolute URL of the site's home page. */
  url: string;
  logo: string;
  email: string;
  telephone: string;
  fax: string;
  address: string;
  lang: string;
}

/** The site's agency as schema.org `GovernmentOrganization`. */
export function organizationLd(o: OrgInfo): Record<string, unknown> {
  return {
    '@type': 'GovernmentOrganization',
    '@id': `${o.url}#to-chuc`,
    name: o.name,
    ...(o.name !== o.siteName ? { alternateName: o.siteName } : {}),
    url: o.url,
    logo: o.logo,
    ...(o.email ? { email: o.email } : {}),
    ...(o.telephone ? { telephone: o.telephone } : {}),
    ...(o.fax ? { faxNumber: o.fax } : {}),
    ...(o.address ? { address: { '@type': 'PostalAddress', streetAddress: o.address, addressCountry: 'VN' } } : {}),
  };
}

export interface ArticleInfo {
  title: string;
  description: string;
  url: string;
  published: Date | null;
  modified: Date | null;
  author: string;
  section: string | undefined;
  keywords: string[];
  image: string | undefined;
  lang: string;
  /** Source line ("Nguồn"), as schema.org `sourceOrganization`'s name. */
  source: string;
}

export function articleLd(a: ArticleInfo, org: OrgInfo): Record<string, unknown> {
  return {
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.description,
    url: a.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    inLanguage: a.lang,
    ...(a.published ? { datePublished: a.published.toISOString() } : {}),
    ...(a.modified ? { dateModified: a.modified.toISOString() } : {}),
    author: a.author ? { '@type': 'Person', name: a.author } : { '@id': `${org.url}#to-chuc` },
    publisher: { '@id': `${org.url}#to-chuc` },
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords.length ? { keywords: a.keywords.join(', ') } : {}),
    ...(a.image ? { image: [a.image] } : {}),
    ...(a.source ? { sourceOrganization: { '@type': 'Organization', name: a.source } } : {}),
  };
}

/** One `<script type="application/ld+json">` with a schema.org graph. */
export function jsonLd(nodes: readonly Record<string, unknown>[]): SafeHtml {
  return html`<script type="application/ld+json">${jsonForScript({ '@context': 'https://schema.org', '@graph': nodes })}</script>`;
}

export interface OpenGraphInfo {
  type: 'article' | 'website';
  title: string;
  description: string;
  url: string;
  siteName: string;
  lang: string;
  image?: { url: string; alt: string; width?: number | null; height?: number | null } | undefined;
  published?: Date | null | undefined;
  modified?: Date | null | undefined;
  section?: string | undefined;
}

export function openGraph(o: OpenGraphInfo): SafeHtml {
  const meta = (property: string, content: string | number | undefined | null) =>
    content === undefined || content === null || content === '' ? '' : html`<meta property="${property}" content="${String(content)}">\n`;
  return html`${meta('og:type', o.type)}${meta('og:title', o.title)}${meta('og:description', o.description)}${meta('og:url', o.url)}${meta('og:site_name', o.siteName)}${meta('og:locale', o.lang === 'en' ? 'en_US' : 'vi_VN')}${
    o.image
      ? html`${meta('og:image', o.image.url)}${meta('og:image:alt', o.image.alt)}${meta('og:image:width', o.image.width)}${meta('og:image:height', o.image.height)}`
      : ''
  }${meta('article:published_time', o.published?.toISOString())}${meta('article:modified_time', o.modified?.toISOString())}${meta('article:section', o.section)}`;
}

/** `<link rel="alternate">` for the RSS and Atom feeds a page follows. */
export function feedLinks(title: string, rss: string, atom: string): SafeHtml {
  return html`<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${rss}">
<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${atom}">
`;
}

export interface SitemapEntry {
  loc: string;
  lastmod?: Date | null | undefined;
}

/** sitemaps.org 0.9; at most 50,000 URLs (the caller caps). */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((u) => `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** Everything public may be crawled; the administration area may not. */
export function robotsTxt(sitemapUrl: string, adminRoots: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', ...adminRoots.map((r) => `Disallow: ${r}`), 'Disallow: /api/v1/admin', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
