/**
 * Content: the items sites publish (news, announcements, directives, guidance, projects,
 * plans, science programmes, statistics, static and thematic pages, the leaders' work
 * calendar), their revisions and the editorial workflow. Public pages and the editor come
 * on top of this service.
 */
import type { Platform } from '../../platform/platform.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { adminHref } from '../accounts/index.ts';
import { ContentService } from './content.service.ts';
import { CategoryService } from './categories.service.ts';

export { CONTENT_TYPES, REFUSAL_REASONS, contentType, type ContentTypeDef } from './content-types.ts';
export { ContentService, type ItemInput, type NewItemInput } from './content.service.ts';
export type { WorkflowAction } from './workflow.ts';
export { CategoryService, categoryTree, type CategoryNode } from './categories.service.ts';
export type { RevisionDiff, DiffPart } from './revision-diff.ts';

export function contentModule(platform: Platform, deps: { accounts: AccountsModule }) {
  const content = new ContentService(platform.db, {
    accountsWithRoles: (siteId, roles) => deps.accounts.accountsWithRoles(siteId, roles),
    contact: (id) => deps.accounts.contact(id),
    adminLink: (itemId) => `${adminHref('vi', 'dashboard')}/noi-dung/${itemId}`,
  });
  const categories = new CategoryService(platform.db);
  return {
    name: 'content',
    content,
    categories,
    register: async () => {},
  };
}

export type ContentModule = ReturnType<typeof contentModule>;
