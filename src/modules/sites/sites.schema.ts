/** Input and output shapes of sites: validation, types and OpenAPI from one place. */
import { Type, type Static } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';
import { SiteCode } from '../../platform/validation.ts';

export const SITE_KINDS = ['portal', 'department', 'ward', 'other'] as const;
export const SITE_STATUSES = ['active', 'maintenance', 'closed'] as const;
export type SiteKindCode = (typeof SITE_KINDS)[number];
export type SiteStatusCode = (typeof SITE_STATUSES)[number];

export { SiteCode };

const KindField = Type.Union([Type.Literal('portal'), Type.Literal('department'), Type.Literal('ward'), Type.Literal('other')]);
const StatusField = Type.Union([Type.Literal('active'), Type.Literal('maintenance'), Type.Literal('closed')]);

export const SiteContacts = Type.Object({
  address: Type.String(),
  phone: Type.String(),
  fax: Type.String(),
  email: Type.String(),
});

/** A unit of a site's organisation as the sites API lists it (the directory module supplies them). */
export const SiteUnit = Type.Object(
  {
    id: Type.Integer(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    name: Type.String({ description: 'Name in the requested language.' }),
    kind: Type.String(),
    focalPerson: Type.Object({ name: Type.String(), title: Type.String() }, { description: 'Focal person for information supply.' }),
    email: Type.String(),
    phone: Type.String(),
    address: Type.String(),
  },
  { $id: 'SiteUnit' },
);
export type SiteUnit = Static<typeof SiteUnit>;

export const PublicSite = Type.Object(
  {
    code: SiteCode,
    kind: Type.Union([Type.Literal('portal'), Type.Literal('department'), Type.Literal('ward'), Type.Literal('other')]),
    name: Type.String({ description: 'Name in the requested language.' }),
    nameVi: Type.String(),
    nameEn: Type.String(),
    ownerName: Type.String({ description: 'Owner agency (cơ quan chủ quản).' }),
    parentCode: Type.Union([SiteCode, Type.Null()]),
    children: Type.Array(SiteCode, { description: 'Codes of the sites directly below this one in the city’s tree.' }),
    url: Type.String({ description: 'Home page of the site on this platform.' }),
    hosts: Type.Array(Type.String()),
    contacts: SiteContacts,
    responsiblePerson: Type.String(),
    themeColor: Type.String(),
    logoUrl: Type.Union([Type.String(), Type.Null()]),
    languages: Type.Array(Type.String(), { description: 'Languages the site offers (always "vi").' }),
    status: Type.Union([Type.Literal('active'), Type.Literal('maintenance'), Type.Literal('closed')], {
      description: 'A closed site answers 410 Gone; its content stays archived.',
    }),
    demo: Type.Boolean(),
    units: Type.Array(SiteUnit, { description: 'The site’s units in its directory, in tree order (departments, offices, sections).' }),
  },
  { $id: 'PublicSite' },
);
export type PublicSite = Static<typeof PublicSite>;

/** What the administration, the CLI, a CSV row or the demo seeder gives to create a site. */
export interface SiteInput {
  code: string;
  kind: SiteKindCode;
  parentCode?: string | null;
  nameVi: string;
  nameEn: string;
  ownerNameVi?: string;
  ownerNameEn?: string;
  /** Extra host names; `<code>.<base domain>` is implied. */
  hosts?: string[];
  address?: string;
  phone?: string;
  fax?: string;
  email?: string;
  responsiblePerson?: string;
  /** An address of a logo (the demo's); the administration chooses an image instead (`logoMediaId`). */
  logoUrl?: string | null;
  /** An image of the media library; null: the national emblem. */
  logoMediaId?: number | null;
  themeColor?: string;
  /** Languages offered besides Vietnamese (default: every language of the platform). */
  languages?: string[];
  status?: SiteStatusCode;
  demo?: boolean;
}

/** What a platform administrator may change on a site (its code stays: it is in every address). */
export type SiteChanges = Partial<Omit<SiteInput, 'code' | 'status' | 'demo' | 'logoUrl'>>;

/** What a site's operator may change: identity, contacts and theme — not code, parent or host names. */
export type IdentityChanges = Partial<
  Pick<
    SiteInput,
    'nameVi' | 'nameEn' | 'ownerNameVi' | 'ownerNameEn' | 'responsiblePerson' | 'address' | 'phone' | 'fax' | 'email' | 'logoMediaId' | 'themeColor'
  >
>;

// ── Forms of the administration ──────────────────────────────────────────────────────────

/** `/quan-tri/trang/<code>/…`: a site's code in a path (anything else is a 404). */
export const CodeParams = Type.Object({ code: SiteCode });

/** `?tb=…`: the notice after a redirect (created, saved); `so`: how many (sites imported). */
export const NoticeQuery = Type.Object({ tb: Type.Optional(FormField.text({ max: 20 })), so: FormField.integer({ max: 100_000 }) });

const identityFields = {
  nameVi: FormField.text({ required: true, max: 300 }),
  nameEn: FormField.text({ required: true, max: 300 }),
  ownerNameVi: FormField.text({ max: 300 }),
  ownerNameEn: FormField.text({ max: 300 }),
  responsiblePerson: FormField.text({ max: 300 }),
  address: FormField.text({ max: 500 }),
  phone: FormField.text({ max: 40 }),
  fax: FormField.text({ max: 40 }),
  email: FormField.text({ max: 254 }),
  /** An image's id, or '' for the national emblem. */
  logoMediaId: FormField.text({ max: 15, pattern: '^[1-9][0-9]{0,14}$' }),
  themeColor: FormField.text({ max: 7 }),
};

/** The operator's form: their site's identity, contacts and theme. */
export const IdentityForm = Type.Object(identityFields);

/** The platform administrator's form of an existing site. */
export const SiteEditForm = Type.Object({
  kind: KindField,
  parentCode: FormField.text({ max: 50 }),
  ...identityFields,
  /** One host name a line (spaces and commas also separate). */
  hosts: FormField.text({ max: 5000 }),
  /** Languages besides Vietnamese that are on. */
  languages: FormField.list({ max: 10, maxItems: 10 }),
});

/** The platform administrator's form of a new site. */
export const SiteNewForm = Type.Object({ code: FormField.text({ required: true, max: 50 }), ...SiteEditForm.properties });

export const StatusForm = Type.Object({ status: StatusField });

/** The CSV upload (multipart): the file is read from the upload, not from a field. */
export const ImportForm = Type.Object({});
