/**
 * The words of the public content pages in both languages. Kept here, next to the
 * templates that use them, until they move to the platform catalogues (src/platform/i18n).
 */
import type { Lang } from '../../../platform/i18n/index.ts';

const vi = {
  news: 'Tin tức, sự kiện',
  announcements: 'Thông báo',
  featured: 'Tin nổi bật',
  latest: 'Tin mới',
  more: 'Xem thêm',
  source: 'Nguồn',
  author: 'Tác giả',
  reference: 'Tin tham khảo',
  referenceHint: 'Thông tin tham khảo, không phải văn bản chính thức.',
  published: 'Ngày đăng',
  updatedAt: 'Cập nhật lúc {time}',
  type: 'Loại tin',
  category: 'Chuyên mục',
  details: 'Thông tin chi tiết',
  attachments: 'Tệp đính kèm',
  related: 'Tin liên quan',
  share: 'Chia sẻ',
  shareFacebook: 'Chia sẻ lên Facebook',
  shareZalo: 'Chia sẻ qua Zalo',
  address: 'Địa chỉ của tin này',
  addressHint: 'Chọn địa chỉ để sao chép.',
  print: 'Bản in',
  printTitle: 'Bản in: {title}',
  printHint: 'Dùng lệnh In của trình duyệt (Ctrl + P) để in trang này.',
  backToItem: 'Quay lại tin',
  crossPosted: 'Đăng lại từ',
  original: 'bài gốc',
  pagination: 'Phân trang',
  page: 'Trang {n}',
  pageOf: 'Trang {n}/{total}',
  prev: 'Trang trước',
  next: 'Trang sau',
  empty: 'Chưa có tin, bài nào.',
  subcategories: 'Chuyên mục con',
  feeds: 'Nhận tin qua RSS',
  rss: 'RSS',
  atom: 'Atom',
  count: '{n} tin, bài',
  download: 'Tải về',
  cover: 'Ảnh minh họa',
  yes: 'Có',
} as const;

export type LabelKey = keyof typeof vi;

const en: Record<LabelKey, string> = {
  news: 'News',
  announcements: 'Announcements',
  featured: 'Featured',
  latest: 'Latest',
  more: 'More',
  source: 'Source',
  author: 'Author',
  reference: 'For reference',
  referenceHint: 'Reference information, not an official document.',
  published: 'Published',
  updatedAt: 'Updated at {time}',
  type: 'Type',
  category: 'Category',
  details: 'Details',
  attachments: 'Attachments',
  related: 'Related',
  share: 'Share',
  shareFacebook: 'Share on Facebook',
  shareZalo: 'Share on Zalo',
  address: 'Address of this page',
  addressHint: 'Select the address to copy it.',
  print: 'Print version',
  printTitle: 'Print: {title}',
  printHint: "Use your browser's Print command (Ctrl + P) to print this page.",
  backToItem: 'Back to the article',
  crossPosted: 'Republished from',
  original: 'original article',
  pagination: 'Pages',
  page: 'Page {n}',
  pageOf: 'Page {n} of {total}',
  prev: 'Previous page',
  next: 'Next page',
  empty: 'Nothing has been published here yet.',
  subcategories: 'Subcategories',
  feeds: 'Follow by RSS',
  rss: 'RSS',
  atom: 'Atom',
  count: '{n} items',
  download: 'Download',
  cover: 'Illustration',
  yes: 'Yes',
};

const catalogues: Record<Lang, Record<LabelKey, string>> = { vi, en };

/** The label `key` in `lang`, with `{name}` placeholders filled. */
export function L(lang: Lang, key: LabelKey, params?: Record<string, string | number>): string {
  const text = catalogues[lang][key];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}
