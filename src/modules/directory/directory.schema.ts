/** Shapes of the directory: the operator's unit form, the public search, the API's unit. */
import { Type, type Static } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';

export const UNIT_KINDS = ['leadership', 'office', 'department', 'section', 'unit', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UnitForm = Type.Object({
  nameVi: FormField.text({ required: true, max: 200 }),
  nameEn: FormField.text({ max: 200 }),
  kind: FormField.requiredChoice(UNIT_KINDS),
  parentId: FormField.text({ max: 20 }),
  focalName: FormField.text({ max: 200 }),
  focalTitle: FormField.text({ max: 200 }),
  email: FormField.text({ max: 200 }),
  phone: FormField.text({ max: 50 }),
  address: FormField.text({ max: 500 }),
  position: FormField.integer({ min: 0, max: 9999 }),
});
export type UnitFormValues = Static<typeof UnitForm>;

/** Retire (`1`) or make active again (`0`). */
export const RetireForm = Type.Object({ retired: FormField.requiredChoice(['0', '1'] as const) });

export const NoticeQuery = Type.Object({ tb: Type.Optional(Type.String({ maxLength: 20 })) });

/** The public search: by a person's or a unit's name, on one site or all. */
export const DirectoryQuery = Type.Object({
  q: FormField.text({ max: 200 }),
  trang: FormField.text({ max: 50, pattern: '^[a-z0-9-]{1,50}$' }),
});

export const PublicUnit = Type.Object(
  {
    id: Type.Integer(),
    siteCode: Type.String(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    name: Type.String({ description: 'Name in the requested language (Vietnamese when there is no English name).' }),
    nameVi: Type.String(),
    nameEn: Type.String(),
    kind: Type.Enum([...UNIT_KINDS]),
    depth: Type.Integer({ description: 'Level in the site’s tree (0 at the top).' }),
    focalPerson: Type.Object({ name: Type.String(), title: Type.String() }, { description: 'Focal person for information supply.' }),
    email: Type.String(),
    phone: Type.String(),
    address: Type.String(),
  },
  { $id: 'DirectoryUnit' },
);
export type PublicUnit = Static<typeof PublicUnit>;
