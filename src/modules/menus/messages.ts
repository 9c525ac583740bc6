/** The words of the menus module: the entries of the standard menu a new site starts with. */
import { defineMessages } from '../../platform/i18n/index.ts';

export const { t } = defineMessages('menus', {
  vi: {
    'standard.home': 'Trang chủ',
    'standard.about': 'Giới thiệu',
    'standard.functions': 'Chức năng, nhiệm vụ',
    'standard.organisation': 'Cơ cấu tổ chức',
    'standard.leaders': 'Lãnh đạo',
    'standard.history': 'Lịch sử hình thành',
    'standard.map': 'Bản đồ hành chính',
    'standard.news': 'Tin tức',
    'standard.documents': 'Văn bản',
    'standard.publicServices': 'Dịch vụ công trực tuyến',
    'standard.questions': 'Hỏi đáp',
    'standard.siteMap': 'Sơ đồ cổng',
    'standard.contact': 'Liên hệ',
  },
  en: {
    'standard.home': 'Home',
    'standard.about': 'About',
    'standard.functions': 'Functions and duties',
    'standard.organisation': 'Organisation',
    'standard.leaders': 'Leadership',
    'standard.history': 'History',
    'standard.map': 'Administrative map',
    'standard.news': 'News',
    'standard.documents': 'Documents',
    'standard.publicServices': 'Online public services',
    'standard.questions': 'Questions',
    'standard.siteMap': 'Site map',
    'standard.contact': 'Contact',
  },
});
