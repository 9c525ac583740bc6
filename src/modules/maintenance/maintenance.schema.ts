/** Shapes of the maintenance forms and API. */
import { Type } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';

export const ScheduleForm = Type.Object({
  startsAt: FormField.text({ max: 40 }),
  expectedEndAt: FormField.text({ max: 40 }),
  descriptionVi: FormField.text({ max: 1000 }),
  descriptionEn: FormField.text({ max: 1000 }),
  scope: FormField.choice(['site', 'portal', 'all'] as const),
  emergency: FormField.checkbox(),
  emergencyReason: FormField.text({ max: 1000 }),
});

export const NoticeForm = Type.Object({ noticeDays: FormField.integer({ min: 0, max: 1000 }) });
export const CancelForm = Type.Object({});
export const NoticeQuery = Type.Object({ tb: Type.Optional(Type.String({ maxLength: 20 })) });

export const SiteCodeParams = Type.Object({ siteCode: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }) });

export const ApiWindow = Type.Object({
  id: Type.Integer(),
  startsAt: Type.String({ format: 'date-time' }),
  expectedEndAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean({ description: 'True while the window is under way (the public site answers 503).' }),
  emergency: Type.Boolean(),
  emergencyReason: Type.String(),
  description: Type.Object({ vi: Type.String(), en: Type.String() }),
});

export const ApiWindows = Type.Object({ site: Type.String(), items: Type.Array(ApiWindow) });
