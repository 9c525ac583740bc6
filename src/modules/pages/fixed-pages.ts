/**
 * The fixed pages every site has (issue #14): created empty with the site, filled in by its
 * people. Those the regulations require a site to publish are on its checklist while empty.
 */
export const FIXED_PAGES = ['gioi-thieu', 'chuc-nang-nhiem-vu', 'co-cau-to-chuc', 'lanh-dao', 'lich-su', 'ban-do-hanh-chinh'] as const;
export type FixedPage = (typeof FIXED_PAGES)[number];

/** Required by Decree 42/2022/NĐ-CP, art. 4 (introduction, functions, organisation, leaders). */
export const REQUIRED_PAGES: readonly FixedPage[] = ['gioi-thieu', 'chuc-nang-nhiem-vu', 'co-cau-to-chuc', 'lanh-dao'];
