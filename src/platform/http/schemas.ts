/**
 * Input schemas many routes share. Every route declares its input (query, path parameters,
 * body); a page that takes none says so with `NoQuery`, so its handler cannot read any.
 */
import { Type } from 'typebox';

/** A GET that reads nothing from its query string (other parameters, utm_… say, are ignored). */
export const NoQuery = Type.Object({});

/** A database id in a path: 1 to 15 digits, no leading zero (anything else is a 404). */
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }) });

/** A slug in a path: lower-case letters without diacritics, digits and hyphens. */
export const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,150}$' }) });
