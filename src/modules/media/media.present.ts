/**
 * How media leave the module: the view of a row, public URLs (`/media/<id>/<width>` for a
 * WebP variant, `/media/<id>/goc` for the original), `srcset` and `<picture>` builders for
 * templates, the Content-Disposition of a download, and what the library's admin screens show
 * of a file (labels, sizes and dates in the reader's language).
 */
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import type { MediaRow } from '../../platform/db/schema.ts';
import { stripDiacritics } from '../../platform/text/index.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { t } from './messages.ts';

export type MediaKind = MediaRow['kind'];

/** The variant name of the original file in URLs ("gốc"). */
export const ORIGINAL = 'goc';
export type VariantName = number | typeof ORIGINAL;

export interface MediaVariantView {
  width: number;
  height: number;
  bytes: number;
  mime: 'image/webp' | 'image/jpeg' | 'image/png';
  url: string;
}

export interface MediaView {
  id: number;
  siteId: number;
  kind: MediaKind;
  mime: string;
  /** The name the file had on the uploader's computer (NFC). */
  originalName: string;
  /** The name offered on download: the original name with the extension of what the file really is. */
  downloadName: string;
  bytes: number;
  sha256: string;
  /** Images only: of the stored original, after auto-rotation. */
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  /** The original (normalised for images). */
  url: string;
  /** Responsive WebP sizes, narrowest first (images only). */
  variants: MediaVariantView[];
  uploadedBy: number | null;
  createdAt: Date;
}

/** Public URL of a media file: the original by default, or one of its widths. */
export function mediaUrl(media: { id: number } | number, variant: VariantName = ORIGINAL): string {
  const id = typeof media === 'number' ? media : media.id;
  return `/media/${id}/${variant}`;
}

/** The extension of a storage key ("2026/11/abc.pdf" → "pdf"). */
export function extOfKey(key: string): string {
  const dot = key.lastIndexOf('.');
  return dot >= 0 ? key.slice(dot + 1).toLowerCase() : '';
}

/** Extensions that name the same type as the canonical one. */
const EXT_ALIASES: Record<string, readonly string[]> = { jpg: ['jpeg', 'jpe', 'jfif'], ogg: ['oga', 'opus'] };

/** `originalName` with the extension `ext`, unless it already has it (or an alias of it). */
export function nameWithExt(originalName: string, ext: string): string {
  const m = /^(.*?)(?:\.([A-Za-z0-9]{1,10}))?$/.exec(originalName)!;
  const base = m[1] || 'tep';
  const current = (m[2] ?? '').toLowerCase();
  if (current && (current === ext || EXT_ALIASES[ext]?.includes(current))) return originalName;
  return `${current ? base : originalName || 'tep'}.${ext}`;
}

export function presentMedia(row: Omit<MediaRow, 'text_content'>): MediaView {
  const variants = [...(row.variants ?? [])]
    .sort((a, b) => a.width - b.width)
    .map((v) => ({
      width: v.width,
      height: v.height,
      bytes: Number(v.bytes),
      mime: `image/${v.format}` as MediaVariantView['mime'],
      url: mediaUrl(row.id, v.width),
    }));
  return {
    id: row.id,
    siteId: row.site_id,
    kind: row.kind,
    mime: row.mime,
    originalName: row.original_name,
    downloadName: nameWithExt(row.original_name, extOfKey(row.storage_key)),
    bytes: Number(row.bytes),
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    url: mediaUrl(row.id),
    variants,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** "…/320 320w, …/640 640w, …" for an image's WebP variants ('' when it has none). */
export function srcsetFor(media: { id: number; variants: readonly { width: number }[] }): string {
  return [...media.variants]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${mediaUrl(media.id, v.width)} ${v.width}w`)
    .join(', ');
}

/** The variant closest to `width` from above (or the widest), for thumbnails; undefined when there is none. */
export function variantFor(media: MediaView, width: number): MediaVariantView | undefined {
  return media.variants.find((v) => v.width >= width) ?? media.variants.at(-1);
}

export interface ImageOptions {
  /** The `sizes` attribute; by default the image may take the full width of the viewport. */
  sizes?: string;
  loading?: 'lazy' | 'eager';
  className?: string;
  /** Overrides the stored alt text (e.g. '' for a decorative use next to a caption that says it all). */
  alt?: string;
}

/**
 * A responsive image: `<picture>` with the WebP sizes and the normalised original as the
 * fallback, with width and height (no layout shift) and the stored alt text.
 */
export function mediaImage(media: MediaView, options: ImageOptions = {}): SafeHtml {
  const srcset = srcsetFor(media);
  const sizes = options.sizes ?? '100vw';
  const alt = options.alt ?? media.alt;
  const img = html`<img src="${media.url}" alt="${alt}"${media.width && media.height ? html` width="${media.width}" height="${media.height}"` : ''} loading="${options.loading ?? 'lazy'}" decoding="async"${options.className ? html` class="${options.className}"` : ''}>`;
  if (!srcset) return img;
  return html`<picture><source type="image/webp" srcset="${srcset}" sizes="${sizes}">${img}</picture>`;
}

// ── Downloads ───────────────────────────────────────────────────────────────────────

/** Images, audio and video open in the browser; documents are downloaded. */
export function dispositionType(kind: MediaKind): 'inline' | 'attachment' {
  return kind === 'document' ? 'attachment' : 'inline';
}

/** RFC 5987 value: UTF-8, percent-encoded (also the characters encodeURIComponent leaves). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII stand-in for old clients: diacritics removed, anything unusual replaced. */
function asciiFallback(name: string): string {
  const plain = stripDiacritics(name)
    .replace(/[^A-Za-z0-9._ -]+/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(-150);
  return plain || 'tep';
}

/**
 * `attachment; filename="Bao cao quy 3.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%203.pdf`
 * (RFC 6266 with RFC 5987 for the Vietnamese name).
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const name = filename.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_');
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}

// ── Labels ──────────────────────────────────────────────────────────────────────────

export function kindLabel(kind: MediaKind, lang: Lang): string {
  return t(lang, `media.kind.${kind}`);
}

/** "1,5 MB" (vi) / "1.5 MB" (en); 1 MB = 1,048,576 bytes, as the limits are counted. */
export function formatBytes(bytes: number, lang: Lang = 'vi'): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace(/\.0$/, '');
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${units[unit]}`;
}

// ── The library's admin screens ─────────────────────────────────────────────────────

/** A small preview in a list: a WebP size of an image 96 pixels wide, or the kind of the file. */
export type ThumbnailView = { src: string; alt: string; height: number } | { label: string };

export interface LibraryItemView {
  href: string;
  name: string;
  thumbnail: ThumbnailView;
  kind: string;
  size: string;
  uploaded: string;
}

function thumbnailOf(m: MediaView, lang: Lang): ThumbnailView {
  if (m.kind !== 'image') return { label: kindLabel(m.kind, lang) };
  const v = variantFor(m, 320);
  const w = v?.width ?? m.width ?? 96;
  const h = v?.height ?? m.height ?? 96;
  return { src: v?.url ?? m.url, alt: m.alt, height: Math.max(1, Math.round((96 * h) / w)) };
}

/** A row of the library's list; `href` is the file's admin page. */
export function presentLibraryItem(m: MediaView, lang: Lang, href: string): LibraryItemView {
  return {
    href,
    name: m.originalName,
    thumbnail: thumbnailOf(m, lang),
    kind: kindLabel(m.kind, lang),
    size: formatBytes(m.bytes, lang),
    uploaded: formatDateTime(m.createdAt),
  };
}

export interface MediaDetailView {
  file: MediaView;
  kind: string;
  size: string;
  uploaded: string;
}

/** A file's admin page: the file and its facts in the reader's language. */
export function presentMediaDetail(m: MediaView, lang: Lang): MediaDetailView {
  return { file: m, kind: kindLabel(m.kind, lang), size: formatBytes(m.bytes, lang), uploaded: formatDateTime(m.createdAt) };
}
