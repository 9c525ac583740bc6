/**
 * Theme colours. A site's colour is the background of its banner and buttons, under white text,
 * and the colour of the current menu entry on white or on the soft beige of the sub-menus: every
 * colour offered must keep WCAG 2.1 AA contrast (4.5:1 for normal text) with both. The palette is
 * what the forms offer; the service accepts any colour that passes the same check (CLI, CSV).
 */

/** The backgrounds and text colours a theme colour meets in public/site.css (white, `--soft`). */
export const THEME_COUNTERPARTS = ['#ffffff', '#f4f1ec'] as const;

/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** The colours offered, by code (their names are in messages.ts as `theme.<code>`). */
export const PALETTE = [
  { code: 'vermilion', hex: '#a3161a' },
  { code: 'red', hex: '#b3261e' },
  { code: 'brown', hex: '#8a4b08' },
  { code: 'green', hex: '#1e6b3a' },
  { code: 'emerald', hex: '#0e6655' },
  { code: 'teal', hex: '#005f73' },
  { code: 'blue', hex: '#0b5394' },
  { code: 'navy', hex: '#1f4e79' },
  { code: 'indigo', hex: '#283593' },
  { code: 'purple', hex: '#5b2c6f' },
  { code: 'plum', hex: '#7a1f5c' },
  { code: 'slate', hex: '#37474f' },
] as const;

export type PaletteCode = (typeof PALETTE)[number]['code'];

export const DEFAULT_THEME_COLOUR = '#a3161a';

/** Relative luminance of "#rrggbb" (WCAG 2.1). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio of two "#rrggbb" colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The lowest contrast of `hex` with what it meets on a page. */
export function worstContrast(hex: string): number {
  return Math.min(...THEME_COUNTERPARTS.map((c) => contrastRatio(hex, c)));
}

export function keepsContrast(hex: string): boolean {
  return worstContrast(hex) >= MIN_CONTRAST;
}
