/** Input and output shapes of sites: validation, types and OpenAPI from one place. */
import { Type, type Static } from 'typebox';
import { SiteCode } from '../../platform/validation.ts';

export const SITE_KINDS = ['portal', 'department', 'ward', 'other'] as const;
export const SITE_STATUSES = ['active', 'maintenance', 'disabled'] as const;

export { SiteCode };

export const SiteContacts = Type.Object({
  address: Type.String(),
  phone: Type.String(),
  fax: Type.String(),
  email: Type.String(),
});

export const PublicSite = Type.Object(
  {
    code: SiteCode,
    kind: Type.Union([Type.Literal('portal'), Type.Literal('department'), Type.Literal('ward'), Type.Literal('other')]),
    name: Type.String({ description: 'Name in the requested language.' }),
    nameVi: Type.String(),
    nameEn: Type.String(),
    ownerName: Type.String({ description: 'Owner agency (cơ quan chủ quản).' }),
    parentCode: Type.Union([SiteCode, Type.Null()]),
    url: Type.String({ description: 'Home page of the site on this platform.' }),
    hosts: Type.Array(Type.String()),
    contacts: SiteContacts,
    responsiblePerson: Type.String(),
    themeColor: Type.String(),
    logoUrl: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('maintenance'), Type.Literal('disabled')]),
    demo: Type.Boolean(),
  },
  { $id: 'PublicSite' },
);
export type PublicSite = Static<typeof PublicSite>;

/** What an operator (or the CLI, or the demo seeder) provides to create a site. */
export interface SiteInput {
  code: string;
  kind: (typeof SITE_KINDS)[number];
  parentCode?: string | null;
  nameVi: string;
  nameEn: string;
  ownerNameVi?: string;
  ownerNameEn?: string;
  hosts?: string[];
  address?: string;
  phone?: string;
  fax?: string;
  email?: string;
  responsiblePerson?: string;
  logoUrl?: string | null;
  themeColor?: string;
  status?: (typeof SITE_STATUSES)[number];
  demo?: boolean;
}
