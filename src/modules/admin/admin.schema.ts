/**
 * What the admin module's pages read. The audit log's filters are a GET form read leniently
 * (`queryForm`): a value that does not fit (a date that is not one, a page mark that is not a
 * number) is left out, as it always was, and never an error page — so every field may be missing.
 */
import { Type, type Static } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';

const day = Type.Optional(FormField.text({ max: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' }));
/** Longer text is accepted and cut by the filter (as before); the URL's own limit bounds it. */
const words = Type.Optional(FormField.text({ max: 2000 }));

export const AuditQuery = Type.Object({
  /** From this Vietnamese day (yyyy-mm-dd), inclusive. */
  tu: day,
  /** To this Vietnamese day, inclusive. */
  den: day,
  /** Actions starting with this. */
  hanh_dong: words,
  /** Part of the actor or the target. */
  tim: words,
  /** `tat-ca`: the whole platform (platform administrators only). */
  pham_vi: Type.Optional(FormField.choice(['tat-ca'])),
  /** Entries older than this id (the next page). */
  truoc: FormField.integer({ min: 1 }),
});

export type AuditQueryValues = Static<typeof AuditQuery>;

export const SwitchSiteQuery = Type.Object({ site: Type.Optional(FormField.text({ max: 200 })) });
