/**
 * The demo's directory: the portal's, the department's and the ward's units with their focal
 * persons, seeded in two statements (the top level, then the units below); those present are kept.
 * The names include every agency the Q&A demo answers for and every unit its grants name.
 */
import type { SeedUnit } from './directory.repo.ts';

type DemoUnit = Omit<SeedUnit, 'site_id' | 'position' | 'address' | 'name_en' | 'focal_title'> & { name_en?: string; focal_title?: string; address?: string };

const u = (name_vi: string, kind: SeedUnit['kind'], more: Partial<DemoUnit> = {}): DemoUnit => ({
  name_vi,
  kind,
  parent: null,
  focal_name: '',
  focal_title: '',
  email: '',
  phone: '',
  ...more,
});

export const DEMO_UNITS: Record<string, readonly DemoUnit[]> = {
  hanoi: [
    u('Văn phòng UBND Thành phố', 'office', {
      name_en: 'Office of the City People’s Committee',
      focal_name: 'Nguyễn Thị Minh (minh họa)',
      focal_title: 'Chánh Văn phòng',
      email: 'vanphong.hanoi@cong.example',
      phone: '02438253536',
      address: '12 Lê Lai, Hoàn Kiếm, Hà Nội',
    }),
    u('Phòng Tổng hợp', 'department', {
      parent: 'Văn phòng UBND Thành phố',
      name_en: 'General Affairs Division',
      focal_name: 'Trần Văn Hợp (minh họa)',
      focal_title: 'Trưởng phòng',
      email: 'tonghop.hanoi@cong.example',
      phone: '02438253537',
    }),
    u('Phòng Hành chính – Tổ chức', 'department', {
      parent: 'Văn phòng UBND Thành phố',
      name_en: 'Administration and Personnel Division',
      phone: '02438253538',
    }),
    u('Ban Biên tập Cổng', 'section', {
      parent: 'Văn phòng UBND Thành phố',
      name_en: 'Portal Editorial Board',
      focal_name: 'Phạm Thị Biên (minh họa)',
      focal_title: 'Thư ký Ban Biên tập',
      email: 'bientap.hanoi@cong.example',
    }),
    u('Sở Nội vụ', 'unit', {
      name_en: 'Department of Home Affairs',
      focal_name: 'Lê Văn Nội (minh họa)',
      focal_title: 'Chánh Văn phòng Sở',
      email: 'sonoivu@cong.example',
      phone: '02438256789',
    }),
    u('Sở Tài nguyên và Môi trường', 'unit', {
      name_en: 'Department of Natural Resources and Environment',
      email: 'sotnmt@cong.example',
      phone: '02437731234',
    }),
    u('Sở Xây dựng', 'unit', {
      name_en: 'Department of Construction',
      focal_name: 'Đỗ Văn Dựng (minh họa)',
      focal_title: 'Phó Chánh Văn phòng',
      email: 'soxaydung@cong.example',
      phone: '02439760123',
    }),
    u('Sở Giáo dục và Đào tạo', 'unit', { name_en: 'Department of Education and Training', email: 'sogddt@cong.example' }),
    u('Sở Lao động – Thương binh và Xã hội', 'unit', { name_en: 'Department of Labour, Invalids and Social Affairs', email: 'soldtbxh@cong.example' }),
    u('Công an Thành phố', 'unit', { name_en: 'City Police', phone: '02439396101' }),
    u('Thanh tra Thành phố', 'unit', { name_en: 'City Inspectorate' }),
  ],
  sonoivu: [
    u('Văn phòng Sở', 'office', {
      name_en: 'Office of the Department',
      focal_name: 'Kiều Thị Sở (minh họa)',
      focal_title: 'Chánh Văn phòng',
      email: 'vanphong.sonoivu@cong.example',
      phone: '02438256790',
    }),
    u('Bộ phận Tổng hợp', 'section', { parent: 'Văn phòng Sở', name_en: 'General Affairs Section', phone: '02438256791' }),
    u('Phòng Cải cách hành chính', 'department', {
      name_en: 'Administrative Reform Division',
      focal_name: 'Vũ Văn Cải (minh họa)',
      focal_title: 'Trưởng phòng',
      email: 'cchc.sonoivu@cong.example',
    }),
    u('Phòng Công chức, viên chức', 'department', { name_en: 'Civil Servants Division' }),
    u('Phòng Tổ chức bộ máy', 'department', { name_en: 'Organisation Division' }),
  ],
  phuongbadinh: [
    u('Văn phòng HĐND và UBND phường', 'office', {
      name_en: 'Office of the Ward Council and People’s Committee',
      focal_name: 'Hoàng Thị Phường (minh họa)',
      focal_title: 'Công chức Văn phòng – Thống kê',
      email: 'vanphong.badinh@cong.example',
      phone: '02438234567',
    }),
    u('Bộ phận một cửa phường', 'section', { name_en: 'One-stop Service Desk', phone: '02438234568' }),
    u('Công an phường', 'unit', { name_en: 'Ward Police', phone: '02438234569' }),
    u('Địa chính – Xây dựng', 'section', { name_en: 'Land and Construction', email: 'diachinh.badinh@cong.example' }),
  ],
};

/** The demo's units as rows, for the sites that exist. */
export function demoUnitRows(siteIdOf: (code: string) => number | undefined): SeedUnit[] {
  return Object.entries(DEMO_UNITS).flatMap(([code, units]) => {
    const siteId = siteIdOf(code);
    if (siteId === undefined) return [];
    return units.map((x, i) => ({ name_en: '', focal_title: '', address: '', ...x, site_id: siteId, position: i + 1 }));
  });
}
