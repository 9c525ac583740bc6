/** TypeBox shapes of the media library's forms, queries and addresses. */
import { Type } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';

/** The notices a page shows after a change (`?tb=…`), by the code in its address. */
export const NOTICES = ['da-tai-len', 'da-luu', 'da-xoa'] as const;
export type NoticeCode = (typeof NOTICES)[number];

export const LibraryQuery = Type.Object({ trang: FormField.integer({ min: 1 }), tb: FormField.choice(NOTICES) });
export const FileQuery = Type.Object({ tb: FormField.choice(NOTICES) });

/**
 * Alt text and caption, as typed (the upload form and a file's page). The service says how long
 * each may be, in its own words: the form takes anything a request can carry.
 */
export const MediaTextForm = Type.Object({ alt: FormField.text({ max: 65_536 }), caption: FormField.text({ max: 65_536 }) });

/** A deletion's confirmation: nothing but its CSRF token. */
export const ConfirmForm = Type.Object({});

/** `/media/<id>/<goc|width>`: anything else names no file (404). */
export const FileParams = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }),
  variant: Type.String({ pattern: '^(goc|[1-9][0-9]{0,4})$' }),
});
