/** The words of the access module (the names of roles), in Vietnamese and English (same keys: the compiler checks). */
import { defineMessages } from '../../platform/i18n/index.ts';

export const { t } = defineMessages('access', {
  vi: {
    'role.platform_admin': 'Quản trị nền tảng',
    'role.site_operator': 'Quản trị trang (bộ phận kỹ thuật)',
    'role.board_head': 'Trưởng Ban Biên tập',
    'role.board_deputy': 'Phó Trưởng Ban Biên tập',
    'role.board_member': 'Thành viên Ban Biên tập / Biên tập viên',
    'role.contributor': 'Cộng tác viên',
    'role.agency_responder': 'Cán bộ trả lời của cơ quan',
    'role.hotline_operator': 'Điện thoại viên đường dây nóng',
    'role.auditor': 'Kiểm tra viên (chỉ xem)',
  },
  en: {
    'role.platform_admin': 'Platform administrator',
    'role.site_operator': 'Site operator',
    'role.board_head': 'Editorial board head',
    'role.board_deputy': 'Editorial board deputy',
    'role.board_member': 'Board member / editor',
    'role.contributor': 'Contributor',
    'role.agency_responder': 'Agency responder',
    'role.hotline_operator': 'Hotline operator',
    'role.auditor': 'Auditor (read-only)',
  },
});
