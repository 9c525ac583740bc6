/** The languages of the platform: Vietnamese (the default) and English (under /english). */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Each language's name in that language (a language switch and a form's language choice show these). */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { vi: 'Tiếng Việt', en: 'English' };

/** The languages as the options of a select (a form's "language of this item"). */
export const LANGUAGE_OPTIONS: readonly { value: Lang; label: string }[] = LANGS.map((value) => ({ value, label: LANGUAGE_NAMES[value] }));
