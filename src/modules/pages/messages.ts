/** The words of the pages module: the fixed pages' first titles, and what an empty page and the checklist say. */
import { defineMessages } from '../../platform/i18n/index.ts';

export const { t } = defineMessages('pages', {
  vi: {
    'fixed.gioi-thieu': 'Giới thiệu',
    'fixed.chuc-nang-nhiem-vu': 'Chức năng, nhiệm vụ',
    'fixed.co-cau-to-chuc': 'Cơ cấu tổ chức',
    'fixed.lanh-dao': 'Lãnh đạo',
    'fixed.lich-su': 'Lịch sử hình thành',
    'fixed.ban-do-hanh-chinh': 'Bản đồ hành chính',
    'page.empty': 'Nội dung trang đang được cập nhật.',
    'gap.page': 'Trang “{title}” chưa có nội dung.',
    'gap.english': 'Các trang tiếng Anh chưa có nội dung: {titles}.',
    'pages.searchLabel': 'Trang thông tin',
    'page.download': 'Tải về {name} ({size})',
  },
  en: {
    'fixed.gioi-thieu': 'About',
    'fixed.chuc-nang-nhiem-vu': 'Functions and duties',
    'fixed.co-cau-to-chuc': 'Organisation',
    'fixed.lanh-dao': 'Leadership',
    'fixed.lich-su': 'History',
    'fixed.ban-do-hanh-chinh': 'Administrative map',
    'page.empty': 'The content of this page is being prepared.',
    'gap.page': 'The page “{title}” is still empty.',
    'gap.english': 'English pages still empty: {titles}.',
    'pages.searchLabel': 'Information pages',
    'page.download': 'Download {name} ({size})',
  },
});
