/** The request form's confirmation, from the request just recorded. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { fieldLabel, kindLabel } from '../inquiry-types.ts';
import type { Submitted } from '../submission.service.ts';
import type { ConfirmationView } from '../views/ask-form.view.ts';

export function confirmationModel(lang: Lang, result: Submitted, hrefs: { status: string; ask: string; qa: string }): ConfirmationView {
  const row = result.row;
  return {
    lang,
    code: row.code,
    title: row.title,
    kindLabel: kindLabel(row.kind, lang),
    fieldLabel: fieldLabel(row.field, lang),
    answerDue: result.answerDue,
    emailed: row.email !== '',
    statusHref: `${hrefs.status}?ma=${encodeURIComponent(row.code)}`,
    askHref: hrefs.ask,
    qaHref: hrefs.qa,
  };
}
