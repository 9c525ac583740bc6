/**
 * An item as a PDF to download and keep (PUB-3): site, title, date, type, author,
 * reference badge, summary, the body as headings, paragraphs, lists and tables, source,
 * details, attachments and the item's address.
 *
 * Font: Be Vietnam Pro (the site's own typeface), the complete TrueType files Google Fonts
 * publishes, from @expo-google-fonts/be-vietnam-pro (OFL-1.1; no dependencies, no install
 * script). One file per style covers Latin, Latin Extended and every precomposed Vietnamese
 * letter, so no run ever needs a second font. @fontsource/be-vietnam-pro could not do that:
 * it ships the face split by unicode-range into latin, latin-ext and vietnamese WOFF files
 * (ă, đ, ơ, ư live in latin-ext; ạ…ỹ in vietnamese; a–z in latin), and pdfkit picks one font
 * per text run. PDFKit embeds only the glyphs used, with a ToUnicode map, so text can be
 * searched and copied.
 *
 * Nothing active goes in: no JavaScript, no OpenAction, no form; links only to http(s) and
 * mailto addresses. Output is deterministic for the same input (dates fixed from the item),
 * so it can be cached and given an ETag.
 */
import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';
import { formatDateLong, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { t } from '../messages.ts';
import type { ItemView } from './models.ts';
import { htmlToBlocks, runsText, type Block, type Run, type TableCell } from './pdf-blocks.ts';

const require = createRequire(import.meta.url);
const fontFile = (style: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${style}/BeVietnamPro_${style}.ttf`);
export const PDF_FONTS = {
  regular: fontFile('400Regular'),
  bold: fontFile('700Bold'),
  italic: fontFile('400Regular_Italic'),
  boldItalic: fontFile('700Bold_Italic'),
} as const;

// pdfkit and fontkit cost several MB: loaded with the first PDF, not at start.
let pdfkit: typeof PDFKit | undefined;

export interface PdfSite {
  name: string;
  ownerName: string;
}

export interface PdfOptions {
  /** Deflate the page streams (default). Tests turn it off to read the text. */
  compress?: boolean;
}

const INK = '#000000';
const MUTED = '#4a4a4a';
const BASE = 11;
const GAP = 3;

function fontOf(run: { bold?: boolean | undefined; italic?: boolean | undefined }): string {
  return run.bold ? (run.italic ? PDF_FONTS.boldItalic : PDF_FONTS.bold) : run.italic ? PDF_FONTS.italic : PDF_FONTS.regular;
}

/** Keeps http(s) and mailto targets; everything else is no link at all. */
function safeHref(href: string | undefined): string | null {
  return href && /^(https?:\/\/|mailto:)[^\s"<>\\]+$/i.test(href) ? href : null;
}

export async function renderItemPdf(lang: Lang, v: ItemView, site: PdfSite, options: PdfOptions = {}): Promise<Buffer> {
  pdfkit ??= (await import('pdfkit')).default;
  const created = v.date ?? v.update?.at ?? new Date(0);
  const doc = new pdfkit({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    compress: options.compress ?? true,
    bufferPages: true,
    // PDF 1.3, PDFKit's default: from 1.4 on PDFKit also writes an XMP metadata stream with
    // the title and summary pasted in without XML escaping. The Info dictionary (escaped
    // properly) carries the same metadata.
    lang,
    displayTitle: true,
    font: PDF_FONTS.regular,
    info: {
      Title: v.title,
      Author: site.ownerName || site.name,
      Subject: v.summary || v.title,
      Creator: site.name,
      Producer: 'Cổng (PDFKit)',
      CreationDate: created,
      ModDate: v.update?.at ?? created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  /** Starts a new page unless `height` more points fit on this one. */
  const need = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const plain = (text: string, o: { size?: number; font?: string; color?: string; indent?: number; gapAfter?: number; align?: 'left' | 'center' } = {}) => {
    doc
      .font(o.font ?? PDF_FONTS.regular)
      .fontSize(o.size ?? BASE)
      .fillColor(o.color ?? INK);
    doc.text(text, left + (o.indent ?? 0), doc.y, { width: width - (o.indent ?? 0), lineGap: GAP, align: o.align ?? 'left', link: null, underline: false });
    doc.moveDown((o.gapAfter ?? 6) / (o.size ?? BASE));
  };
  /** A paragraph of runs (bold, italic, links) wrapped together. */
  const runs = (list: readonly Run[], o: { size?: number; indent?: number; italic?: boolean; gapAfter?: number } = {}) => {
    const size = o.size ?? BASE;
    const x = left + (o.indent ?? 0);
    const w = width - (o.indent ?? 0);
    need(size * 1.6);
    list.forEach((r, i) => {
      const href = safeHref(r.link);
      doc
        .font(fontOf({ bold: r.bold, italic: r.italic || o.italic }))
        .fontSize(size)
        .fillColor(href ? '#0b4f9c' : INK);
      const opts = { width: w, lineGap: GAP, continued: i < list.length - 1, link: href, underline: Boolean(href) };
      if (i === 0) doc.text(r.text, x, doc.y, opts);
      else doc.text(r.text, opts);
    });
    doc.fillColor(INK).moveDown((o.gapAfter ?? 6) / size);
  };

  // ── Head: the agency and the site ─────────────────────────────────────────────────
  if (site.ownerName) plain(site.ownerName.toLocaleUpperCase(lang === 'vi' ? 'vi-VN' : 'en-GB'), { size: 9.5, color: MUTED, gapAfter: 1 });
  plain(site.name, { size: 11, font: PDF_FONTS.bold, gapAfter: 4 });
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.2)
    .strokeColor(INK)
    .stroke();
  doc.moveDown(0.8);

  // ── Title and what it is ──────────────────────────────────────────────────────────
  plain(v.title, { size: 18, font: PDF_FONTS.bold, gapAfter: 6 });
  const meta = [
    v.date ? `${t(lang, 'public.published')}: ${formatDateLong(v.date, lang)}` : '',
    v.typeLabel,
    v.category ? `${t(lang, 'public.category')}: ${v.category.name}` : '',
    v.author ? `${t(lang, 'public.author')}: ${v.author}` : '',
  ].filter(Boolean);
  plain(meta.join(' · '), { size: 9.5, color: MUTED, gapAfter: 6 });
  if (v.isReference) {
    // The badge: a framed label, then what it means.
    const label = t(lang, 'public.reference');
    doc.font(PDF_FONTS.bold).fontSize(9.5);
    const w = doc.widthOfString(label) + 10;
    need(20);
    const y = doc.y;
    doc.roundedRect(left, y, w, 15, 2).lineWidth(0.8).fillAndStroke('#fff6d6', '#8a6d00');
    doc.fillColor('#4d3c00').text(label, left + 5, y + 2.5, { lineBreak: false });
    doc
      .font(PDF_FONTS.italic)
      .fillColor(MUTED)
      .text(t(lang, 'public.referenceHint'), left + w + 6, y + 2.5, { width: width - w - 6, lineGap: 1 });
    doc.x = left;
    doc.y = Math.max(doc.y, y + 15) + 6;
    doc.fillColor(INK);
  }
  if (v.update)
    plain(`${t(lang, 'public.updatedAt', { time: formatDateTime(v.update.at) })}: ${v.update.note}`, { size: 9.5, font: PDF_FONTS.italic, color: MUTED });
  if (v.crossPost)
    plain(`${t(lang, 'public.crossPosted')} ${v.crossPost.siteName} (${t(lang, 'public.original')}): ${v.crossPost.href}`, {
      size: 9.5,
      font: PDF_FONTS.italic,
      color: MUTED,
    });
  if (v.summary) plain(v.summary, { size: 12, font: PDF_FONTS.bold, gapAfter: 10 });

  // ── Body ──────────────────────────────────────────────────────────────────────────
  for (const block of htmlToBlocks(v.bodyHtml)) renderBlock(block);

  // ── After the body: source, details, attachments, address ────────────────────────
  doc.moveDown(0.4);
  if (v.source) plain(`${t(lang, 'public.source')}: ${v.source}`, { font: PDF_FONTS.italic });
  if (v.fields.length) {
    heading(t(lang, 'public.details'), 13);
    for (const f of v.fields) runs([{ text: `${f.label}: `, bold: true }, { text: f.value }], { gapAfter: 2 });
    doc.moveDown(0.4);
  }
  if (v.attachments.length) {
    heading(t(lang, 'public.attachments'), 13);
    for (const a of v.attachments) listItem('•', [{ text: `${a.name} (${a.meta})` }], 0);
  }
  doc.moveDown(0.6);
  need(40);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  doc.moveDown(0.5);
  runs([{ text: `${t(lang, 'public.address')}: ` }, { text: v.canonicalUrl, ...(safeHref(v.canonicalUrl) ? { link: v.canonicalUrl } : {}) }], { size: 9.5 });

  // ── Page footers: the site and "page n of N" ─────────────────────────────────────
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(PDF_FONTS.regular).fontSize(8.5).fillColor(MUTED);
    doc.text(`${site.name} · ${t(lang, 'public.pageOf', { n: i + 1, total: range.count })}`, left, doc.page.height - 40, {
      width,
      align: 'center',
      lineBreak: false,
      link: null,
      underline: false,
    });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;

  function heading(text: string, size: number, list: readonly Run[] = [{ text }]): void {
    need(size * 3.2);
    doc.moveDown(0.3);
    runs(
      list.map((r) => ({ ...r, bold: true })),
      { size, gapAfter: 4 },
    );
  }

  function listItem(marker: string, list: readonly Run[], depth: number): void {
    const indent = 14 + depth * 16;
    need(BASE * 1.6);
    const y = doc.y;
    if (marker) {
      doc.font(PDF_FONTS.regular).fontSize(BASE).fillColor(INK);
      const mw = doc.widthOfString(marker);
      doc.text(marker, left + indent - mw - 4, y, { lineBreak: false, link: null, underline: false });
      doc.y = y;
    }
    runs(list, { indent, gapAfter: 3 });
  }

  function table(caption: string, rows: readonly TableCell[][]): void {
    const columns = Math.max(...rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
    if (caption) plain(caption, { font: PDF_FONTS.bold, size: 10, gapAfter: 3 });
    const asLines = () => {
      for (const r of rows) plain(r.map((c) => c.text).join(' | '), { size: 9, gapAfter: 2 });
      doc.moveDown(0.4);
    };
    // Too wide for a page: one line per row.
    if (columns > 8) {
      asLines();
      return;
    }
    const size = columns > 4 ? 8.5 : 9.5;
    need(size * 4);
    doc.font(PDF_FONTS.regular).fontSize(size).fillColor(INK);
    const top = doc.y;
    try {
      drawTable(size, columns, rows, top);
    } catch {
      // A table PDFKit cannot lay out (spans that do not add up): its rows as lines instead.
      doc.x = left;
      doc.y = Math.max(doc.y, top);
      asLines();
      return;
    }
    doc.x = left;
    doc.moveDown(0.6);
  }

  function drawTable(size: number, columns: number, rows: readonly TableCell[][], y: number): void {
    doc.table({
      position: { x: left, y },
      maxWidth: width,
      defaultStyle: { border: 0.5, borderColor: MUTED, padding: [3, 4, 3, 4] },
      data: rows.map((r) => {
        let used = 0;
        return r.map((c) => {
          const colSpan = Math.max(1, Math.min(c.colSpan, columns - used));
          used += colSpan;
          return {
            text: c.text,
            colSpan,
            type: c.header ? ('TH' as const) : ('TD' as const),
            font: { src: c.header ? PDF_FONTS.bold : PDF_FONTS.regular, size },
            ...(c.header ? { backgroundColor: '#f0f0f0' } : {}),
          };
        });
      }),
    });
  }

  function renderBlock(b: Block): void {
    switch (b.kind) {
      case 'heading':
        heading(runsText(b.runs), b.level <= 2 ? 14 : b.level === 3 ? 12.5 : 11.5, b.runs);
        break;
      case 'paragraph':
        runs(b.runs, b.quote ? { indent: 18, italic: true } : {});
        break;
      case 'item':
        listItem(b.marker, b.runs, b.depth - 1);
        break;
      case 'pre':
        plain(b.text, { size: 9.5, indent: 10 });
        break;
      case 'table':
        table(b.caption, b.rows);
        break;
      case 'rule':
        need(12);
        doc
          .moveTo(left, doc.y + 4)
          .lineTo(left + width, doc.y + 4)
          .lineWidth(0.5)
          .strokeColor(MUTED)
          .stroke();
        doc.moveDown(0.8);
        return;
    }
  }
}
