/** View models of the public content pages: what the templates get, already with links. */
import type { SafeHtml } from '../../../platform/views/html.ts';

/** An item in a list (listing, related items, home blocks). */
export interface ItemLink {
  title: string;
  href: string;
  date: Date | null;
  summary: string;
  typeLabel: string;
  isReference: boolean;
  /** A small responsive image, when the item has a cover image. */
  thumb?: SafeHtml | undefined;
}

export interface Attachment {
  name: string;
  href: string;
  /** "PDF, 1,2 MB" */
  meta: string;
}

export interface ItemView {
  title: string;
  summary: string;
  /** Sanitised when it was saved. */
  bodyHtml: string;
  typeLabel: string;
  /** First publication. */
  date: Date | null;
  /** The "Cập nhật lúc …: <note>" line, when the live revision carries a change note. */
  update?: { at: Date; note: string } | undefined;
  author: string;
  source: string;
  isReference: boolean;
  category?: { name: string; href: string } | undefined;
  fields: { label: string; value: string }[];
  cover?: { image: SafeHtml; caption: string } | undefined;
  attachments: Attachment[];
  related: ItemLink[];
  relatedMoreHref?: string | undefined;
  /** Absolute canonical URL (the original's, for a cross-post). */
  canonicalUrl: string;
  printHref: string;
  /** The PDF download. */
  pdfHref: string;
  itemHref: string;
  crossPost?: { siteName: string; href: string } | undefined;
}

export interface ListingView {
  title: string;
  description?: string | undefined;
  items: ItemLink[];
  page: number;
  pages: number;
  total: number;
  pageHref: (n: number) => string;
  subcategories: { name: string; href: string }[];
  feeds?: { rss: string; atom: string } | undefined;
}
