/**
 * Word-level difference between two revisions (WF-7), on NFC text so that Vietnamese
 * letters with diacritics are compared as whole words (jsdiff's word pattern covers the
 * Latin Extended Additional block where Vietnamese letters live).
 */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface RevisionDiff {
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
}

/** Visible text of sanitised HTML, paragraphs on their own lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|tr|div|section|blockquote)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before.normalize('NFC'), after.normalize('NFC')).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

export function diffRevisions(
  a: { title: string; summary: string; body_html: string },
  b: { title: string; summary: string; body_html: string },
): RevisionDiff {
  return {
    title: diffText(a.title, b.title),
    summary: diffText(a.summary, b.summary),
    body: diffText(htmlToText(a.body_html), htmlToText(b.body_html)),
  };
}

/**
 * The difference a save conflict carries (the service puts it, as JSON, in the `version`
 * detail of its Conflict); undefined when there is none.
 */
export function diffOfConflict(json: string | undefined): RevisionDiff | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as unknown;
    if (
      v &&
      typeof v === 'object' &&
      'title' in v &&
      'summary' in v &&
      'body' in v &&
      Array.isArray(v.title) &&
      Array.isArray(v.summary) &&
      Array.isArray(v.body)
    )
      return { title: v.title, summary: v.summary, body: v.body };
  } catch {
    // Not a difference: the conflict is shown without one.
  }
  return undefined;
}
