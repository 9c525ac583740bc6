/**
 * The database's tables as Kysely sees them. Repos import these types; nothing else should.
 * Migrations do not: they stay frozen in time on `Kysely<any>`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type SiteKind = 'portal' | 'department' | 'ward' | 'other';
export type SiteStatus = 'active' | 'maintenance' | 'closed';

export interface SitesTable {
  id: Generated<number>;
  code: string;
  kind: SiteKind;
  parent_id: number | null;
  name_vi: string;
  name_en: string;
  owner_name_vi: string;
  owner_name_en: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  responsible_person: string;
  /** The address the pages show: the chosen image of the media library (`logo_media_id`), or none. */
  logo_url: string | null;
  logo_media_id: ColumnType<number | null, number | null | undefined, number | null>;
  theme_color: string;
  status: SiteStatus;
  /** The languages the site offers; always 'vi'. */
  languages: ColumnType<string[], string[] | undefined, string[]>;
  is_demo: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SiteHostsTable {
  host: string;
  site_id: number;
}

export type Lang = 'vi' | 'en';

export interface MenuItemsTable {
  id: Generated<number>;
  site_id: number;
  lang: string;
  parent_id: number | null;
  position: number;
  label: string;
  href: string;
  /** What the entry was chosen to point to ("category:12", "calendar"…), null for a typed address. */
  target: Generated<string | null>;
}

export interface PagesTable {
  id: Generated<number>;
  site_id: number;
  lang: string;
  slug: string;
  title: string;
  summary: string;
  body_html: string;
  /** The content item this fixed page shows (its live revision is copied here when it goes live). */
  item_id: Generated<number | null>;
  /** The page's picture or document from the media library (the administrative map). */
  media_id: Generated<number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AccountStatus = 'active' | 'suspended';

export interface AccountsTable {
  id: Generated<number>;
  email: string;
  name: string;
  phone: string;
  unit: string;
  password_hash: string;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
  password_changed_at: Timestamp;
  last_sign_in_at: Date | null;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
  suspended_reason: string | null;
  is_demo: Generated<boolean>;
}

/** Read-only oversight of the sites below `site_id`, granted to a board head of that site (modules/oversight). */
export interface OversightGrantsTable {
  id: Generated<number>;
  account_id: number;
  site_id: number;
  granted_by: number | null;
  created_at: Timestamp;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  account_id: number;
  /** null: the grant covers the whole platform (platform admin only). */
  site_id: number | null;
  role: string;
  /** For roles that act for one unit (agency responder): that unit of the site's directory. */
  unit_id: number | null;
  created_at: Timestamp;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  account_id: number;
  password_hash: string;
  created_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  account_id: number;
  code_hash: string;
  used_at: Date | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a database leak gives no usable session. */
  id: string;
  account_id: number;
  host: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  idle_seconds: number;
  ip: string;
  user_agent: string;
  mfa_passed: Generated<boolean>;
  current_site_id: number | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  account_id: number;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
  ip: string;
}

export interface SignInThrottleTable {
  ip: string;
  failures: number;
  last_failure_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_label: string;
  ip: string;
  site_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  summary: ColumnType<unknown, string, string>;
  prev_hash: string;
  hash: string;
}

export interface AuditAnchorTable {
  id: number;
  prev_hash: string;
  pruned_before: Date;
  pruned_count: number;
}

export interface PlatformSecretsTable {
  name: string;
  value: string;
  created_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: Timestamp;
  send_after: Timestamp;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface WorkflowSettingsTable {
  site_id: number;
  approval_steps: number;
  forbid_self_approval: boolean;
  updated_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  site_id: number;
  parent_id: number | null;
  lang: string;
  slug: string;
  name: string;
  description: Generated<string>;
  position: Generated<number>;
  created_at: Timestamp;
  retired_at: Generated<Date | null>;
}

export interface TopicsTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  name_vi: string;
  name_en: Generated<string>;
  retired_at: Generated<Date | null>;
}

export interface CrosspostConsentTable {
  site_id: number;
  source_site_id: number;
  mode: 'at_once' | 'wait';
  updated_at: Timestamp;
}

export interface MediaVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'png';
  storage_key: string;
  bytes: number;
}

export interface MediaTable {
  id: Generated<number>;
  site_id: number;
  kind: 'image' | 'document' | 'audio' | 'video';
  mime: string;
  original_name: string;
  storage_key: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  variants: ColumnType<MediaVariant[], string | undefined, string>;
  alt: Generated<string>;
  caption: Generated<string>;
  /** Text extracted from a PDF, DOCX or ODT upload, for search (empty for other kinds). */
  text_content: Generated<string>;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export type ContentStage = 'draft' | 'submitted' | 'in_review' | 'approved' | 'scheduled' | 'returned' | 'refused';
export type ContentVisibility = 'never' | 'live' | 'withdrawn' | 'archived';

export interface ContentItemsTable {
  id: Generated<number>;
  site_id: number;
  type: string;
  lang: string;
  translation_group: number | null;
  slug: string;
  category_id: number | null;
  stage: ContentStage | null;
  visibility: Generated<ContentVisibility>;
  working_revision_id: number | null;
  live_revision_id: number | null;
  review_passed: Generated<boolean>;
  provider_id: number | null;
  publish_at: Date | null;
  unpublish_at: Date | null;
  published_at: Date | null;
  first_published_at: Date | null;
  featured: Generated<boolean>;
  emergency: Generated<boolean>;
  emergency_reason: string | null;
  emergency_reviewed_by: number | null;
  review_interval_days: number | null;
  next_review_at: Date | null;
  review_reminded_at: Date | null;
  origin_item_id: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContentRevisionsTable {
  id: Generated<number>;
  item_id: number;
  number: number;
  title: string;
  summary: Generated<string>;
  body_html: Generated<string>;
  fields: ColumnType<Record<string, unknown>, string | undefined, string>;
  cover_media_id: number | null;
  cover_caption: Generated<string>;
  attachments: ColumnType<number[], string | undefined, string>;
  source: Generated<string>;
  author_name: Generated<string>;
  is_reference: Generated<boolean>;
  topic_ids: ColumnType<number[], string | undefined, string>;
  change_note: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ContentTransitionsTable {
  id: Generated<number>;
  item_id: number;
  revision_id: number | null;
  from_stage: string | null;
  to_stage: string | null;
  action: string;
  actor_id: number | null;
  reason_code: string | null;
  comment: Generated<string>;
  at: Timestamp;
}

export interface HomeBlocksTable {
  id: Generated<number>;
  site_id: number;
  lang: string;
  position: number;
  kind: 'featured' | 'latest' | 'type' | 'category';
  ref: string;
  title: string;
  size: number;
}

export interface NotificationsTable {
  id: Generated<number>;
  account_id: number;
  site_id: number | null;
  item_id: number | null;
  message: string;
  link: Generated<string>;
  created_at: Timestamp;
  read_at: Date | null;
}

/** One public thing findable by search (modules/search); vectors are computed on insert. */
export interface SearchDocumentsTable {
  id: Generated<string>;
  doc_type: string;
  ref_id: string;
  site_id: number;
  lang: string;
  kind: string;
  category_id: number | null;
  topic_ids: number[];
  published_at: Timestamp;
  path: string;
  title: string;
  exact: string;
  folded: string;
  title_exact: string;
  title_folded: string;
  pairs: string;
  indexed_at: Generated<Date>;
}

/** The text of a search document that snippets are cut from. */
export interface SearchTextsTable {
  document_id: string;
  summary: string;
  body: string;
}

/** A year of the working-day calendar as the platform admin set it (modules/calendar). */
export interface CalendarYearsTable {
  year: number;
  source: string;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

/** A day off or a make-up working day of an edited year. */
export interface CalendarDaysTable {
  /** yyyy-mm-dd (a `date`, read back as text). */
  day: ColumnType<string, string, string>;
  year: number;
  kind: 'off' | 'make_up';
  name: string;
  source: string;
}

/** A site's own deadline rule, from an effective date (modules/calendar). */
export interface DeadlineRulesTable {
  id: Generated<number>;
  site_id: number;
  code: string;
  variant: Generated<string>;
  label: string;
  amount: number;
  unit: 'working-days' | 'hours' | 'same-working-day';
  effective_from: ColumnType<string, string, string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** One thing's due moment under one rule, and whether it was met on time. */
export interface DeadlinesTable {
  id: Generated<number>;
  site_id: number;
  subject_type: string;
  subject_id: number;
  rule_code: string;
  rule_label: string;
  /** Who is told about it (the item's provider). */
  owner_id: number | null;
  amount: number;
  unit: string;
  trigger_at: Timestamp;
  due_at: Timestamp;
  explanation: ColumnType<DeadlineExplanation, string, string>;
  met_at: Date | null;
  late_seconds: number | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  updated_at: Generated<Date>;
  /** The agency (a unit's name) that owes it, when a unit rather than a person does ('' otherwise). */
  agency: Generated<string>;
}

export interface DeadlineExplanation {
  text: string;
  skipped: { date: string; reason: string }[];
  calendar?: string;
}

export type DirectoryUnitKind = 'leadership' | 'office' | 'department' | 'section' | 'unit' | 'other';

/** A unit of a site's organisation (department, office, a ward's section), in a tree per site. */
export interface DirectoryUnitsTable {
  id: Generated<number>;
  site_id: number;
  parent_id: number | null;
  name_vi: string;
  name_en: Generated<string>;
  kind: Generated<DirectoryUnitKind>;
  /** The focal person for information supply, and their title. */
  focal_name: Generated<string>;
  focal_title: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  address: Generated<string>;
  position: Generated<number>;
  retired: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InquiryAgenciesTable {
  id: Generated<number>;
  site_id: number;
  /** The directory unit that answers (its name is the agency's name). */
  unit_id: number;
  hotline_default: Generated<boolean>;
  active: Generated<boolean>;
  position: Generated<number>;
}

export interface InquirySettingsTable {
  site_id: number;
  answer_review: Generated<boolean>;
  updated_at: Generated<Date>;
}

export type InquiryChannel = 'web' | 'api' | 'hotline' | 'email' | 'letter' | 'in_person';
export type InquiryKind = 'question' | 'feedback' | 'petition' | 'complaint' | 'denunciation';

export interface InquiriesTable {
  id: Generated<number>;
  site_id: number;
  code: string;
  channel: InquiryChannel;
  kind: InquiryKind;
  field: string;
  requested_agency_id: number | null;
  agency_id: Generated<number | null>;
  title: string;
  body: string;
  name: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  address: Generated<string>;
  consent_publish: Generated<boolean>;
  lang: Generated<string>;
  status: Generated<string>;
  status_note: Generated<string>;
  merged_into: Generated<number | null>;
  transferred_to: Generated<string>;
  answer_html: Generated<string>;
  answer_by: Generated<number | null>;
  answered_at: Generated<Date | null>;
  progress_text: Generated<string>;
  promised_at: Generated<Date | null>;
  public_title: Generated<string>;
  public_question: Generated<string>;
  public_answer_html: Generated<string>;
  public_slug: Generated<string | null>;
  published_at: Generated<Date | null>;
  logged_by: number | null;
  idempotency_key: string | null;
  request_hash: Generated<string>;
  received_at: Generated<Date>;
  closed_at: Generated<Date | null>;
  personal_erased_at: Generated<Date | null>;
  updated_at: Generated<Date>;
}

export interface InquiryEventsTable {
  id: Generated<number>;
  inquiry_id: number;
  at: Generated<Date>;
  kind: string;
  actor_id: number | null;
  actor_label: Generated<string>;
  public: Generated<boolean>;
  note: Generated<string>;
}

export interface InquiryAttachmentsTable {
  id: Generated<number>;
  inquiry_id: number;
  role: 'citizen' | 'answer' | 'public';
  storage_key: string;
  filename: string;
  mime: string;
  size: number;
  created_at: Generated<Date>;
}

export type MaintenanceScope = 'site' | 'portal' | 'all';

export interface MaintenanceWindowsTable {
  id: Generated<number>;
  scope: ColumnType<MaintenanceScope, MaintenanceScope | undefined, MaintenanceScope>;
  starts_at: Date;
  expected_end_at: Date;
  description_vi: string;
  description_en: Generated<string>;
  emergency: Generated<boolean>;
  emergency_reason: Generated<string>;
  notice_working_days: number;
  created_by: number | null;
  created_at: Timestamp;
  cancelled_at: Date | null;
  cancelled_by: number | null;
}

export interface MaintenanceWindowSitesTable {
  window_id: number;
  site_id: number;
}

export interface MaintenanceSettingsTable {
  site_id: number;
  notice_working_days: number;
  updated_at: Timestamp;
}

export interface Database {
  directory_units: DirectoryUnitsTable;
  maintenance_windows: MaintenanceWindowsTable;
  maintenance_window_sites: MaintenanceWindowSitesTable;
  maintenance_settings: MaintenanceSettingsTable;
  inquiry_agencies: InquiryAgenciesTable;
  inquiry_settings: InquirySettingsTable;
  inquiries: InquiriesTable;
  inquiry_events: InquiryEventsTable;
  inquiry_attachments: InquiryAttachmentsTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  deadline_rules: DeadlineRulesTable;
  deadlines: DeadlinesTable;
  search_documents: SearchDocumentsTable;
  search_texts: SearchTextsTable;
  workflow_settings: WorkflowSettingsTable;
  categories: CategoriesTable;
  topics: TopicsTable;
  crosspost_consent: CrosspostConsentTable;
  media: MediaTable;
  content_items: ContentItemsTable;
  content_revisions: ContentRevisionsTable;
  content_transitions: ContentTransitionsTable;
  notifications: NotificationsTable;
  home_blocks: HomeBlocksTable;
  sites: SitesTable;
  site_hosts: SiteHostsTable;
  menu_items: MenuItemsTable;
  pages: PagesTable;
  accounts: AccountsTable;
  role_grants: RoleGrantsTable;
  oversight_grants: OversightGrantsTable;
  schema_migrations: SchemaMigrationsTable;
  password_history: PasswordHistoryTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  audit_anchor: AuditAnchorTable;
  platform_secrets: PlatformSecretsTable;
  mail_outbox: MailOutboxTable;
}

export type SiteRow = Selectable<SitesTable>;
export type NewSite = Insertable<SitesTable>;
export type SiteUpdate = Updateable<SitesTable>;
export type MenuItemRow = Selectable<MenuItemsTable>;
export type PageRow = Selectable<PagesTable>;
export type AccountRow = Selectable<AccountsTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type MediaRow = Selectable<MediaTable>;
export type ContentItemRow = Selectable<ContentItemsTable>;
export type ContentRevisionRow = Selectable<ContentRevisionsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type HomeBlockRow = Selectable<HomeBlocksTable>;
