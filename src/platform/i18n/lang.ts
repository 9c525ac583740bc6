/** The languages of the platform: Vietnamese (the default) and English (under /english). */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
