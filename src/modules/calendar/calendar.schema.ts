/** TypeBox shapes of the calendar module: the API's year, the admin forms and the dashboard's filters. */
import { Type } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';
import { FIRST_YEAR, LAST_YEAR } from './calendar.service.ts';

/** A year in a path: four digits (a year outside FIRST_YEAR–LAST_YEAR is refused by the service). */
export const YearParams = Type.Object({ year: Type.String({ pattern: '^\\d{4}$', description: `${FIRST_YEAR}–${LAST_YEAR}` }) });

const ApiDay = Type.Object({ date: Type.String({ format: 'date' }), name: Type.String(), source: Type.Optional(Type.String()) });

export const ApiYear = Type.Object({
  year: Type.Integer(),
  status: Type.Union([Type.Literal('announced'), Type.Literal('edited'), Type.Literal('provisional')]),
  timeZone: Type.Literal('Asia/Ho_Chi_Minh'),
  daysOff: Type.Array(ApiDay, {
    description: 'Every day off that is not an ordinary Saturday or Sunday, and the weekend days inside announced ranges.',
  }),
  makeUpWorkingDays: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), name: Type.Optional(Type.String()) })),
});

/** `?tb=…`: the notice after a redirect (saved, added). */
export const NoticeQuery = Type.Object({ tb: Type.Optional(FormField.text({ max: 20 })) });

/**
 * A year's days as lines of text, read by day-lines.ts (the lines come back as typed when one
 * cannot be read). `action` is the button pressed: "reset" drops the edit, anything else saves.
 */
export const YearForm = Type.Object({
  off: FormField.text({ max: 50_000 }),
  makeUp: FormField.text({ max: 5_000 }),
  source: FormField.text({ max: 300 }),
  action: FormField.text({ max: 20 }),
});

/**
 * A site's own rule. The amount stays text: empty means 0 for "the same working day", and what is
 * not a whole number is refused by the service together with the rule's other problems.
 */
export const RuleForm = Type.Object({
  code: FormField.text({ max: 300 }),
  variant: FormField.text({ max: 300 }),
  label: FormField.text({ max: 300 }),
  amount: FormField.text({ max: 300 }),
  unit: Type.Union([Type.Literal('working-days'), Type.Literal('hours'), Type.Literal('same-working-day')]),
  effectiveFrom: FormField.text({ max: 300 }),
});

/**
 * The dashboard's filters (Vietnamese names: they are in the addresses people bookmark). Read
 * leniently; what cannot be used is said on the page (422), as dates typed by hand often are.
 */
export const ComplianceQuery = Type.Object({
  tu: Type.Optional(FormField.text({ max: 40 })),
  den: Type.Optional(FormField.text({ max: 40 })),
  so_ngay: Type.Optional(FormField.text({ max: 40 })),
  gom: Type.Optional(FormField.text({ max: 40 })),
  thang: Type.Optional(FormField.text({ max: 40 })),
  lich: Type.Optional(FormField.text({ max: 40 })),
});
