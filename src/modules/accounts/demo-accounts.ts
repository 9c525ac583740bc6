/**
 * Demo accounts: one for every role on the demo sites, all with the password below, so a
 * newcomer can try every screen. Roles that require a second factor are enrolled already;
 * `npm run cli -- demo:totp <e-mail>` prints their current code (demo accounts only).
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { Forbidden, NotFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { ROLES_REQUIRING_2FA, type Role } from '../access/index.ts';
import * as repo from './accounts.repo.ts';
import { hashPassword } from './passwords.ts';
import { currentTotp, newTotpSecret } from './totp.ts';

export const DEMO_PASSWORD = 'Demo@Cong-2026';

export interface DemoAccount {
  email: string;
  name: string;
  unit: string;
  grants: { siteCode: string | null; role: Role; unit?: string }[];
}

/** One demo account for every role on the demo sites (password: DEMO_PASSWORD, listed in README). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'quantri@cong.example', name: 'Quản trị nền tảng (minh họa)', unit: 'Trung tâm Dữ liệu', grants: [{ siteCode: null, role: 'platform_admin' }] },
  {
    email: 'kythuat.hanoi@cong.example',
    name: 'Nguyễn Văn Kỹ (minh họa)',
    unit: 'Bộ phận kỹ thuật Cổng',
    grants: [{ siteCode: 'hanoi', role: 'site_operator' }],
  },
  {
    email: 'truongban.hanoi@cong.example',
    name: 'Trần Thị Trưởng (minh họa)',
    unit: 'Văn phòng UBND Thành phố',
    grants: [{ siteCode: 'hanoi', role: 'board_head' }],
  },
  {
    email: 'phoban.hanoi@cong.example',
    name: 'Lê Văn Phó (minh họa)',
    unit: 'Văn phòng UBND Thành phố',
    grants: [{ siteCode: 'hanoi', role: 'board_deputy' }],
  },
  { email: 'bientap.hanoi@cong.example', name: 'Phạm Thị Biên (minh họa)', unit: 'Ban Biên tập Cổng', grants: [{ siteCode: 'hanoi', role: 'board_member' }] },
  { email: 'congtacvien.hanoi@cong.example', name: 'Hoàng Văn Cộng (minh họa)', unit: 'Sở Nội vụ', grants: [{ siteCode: 'hanoi', role: 'contributor' }] },
  { email: 'kiemtra.hanoi@cong.example', name: 'Đỗ Thị Kiểm (minh họa)', unit: 'Thanh tra Thành phố', grants: [{ siteCode: 'hanoi', role: 'auditor' }] },
  {
    email: 'traloi.sonoivu@cong.example',
    name: 'Vũ Văn Đáp (minh họa)',
    unit: 'Sở Nội vụ',
    grants: [{ siteCode: 'sonoivu', role: 'agency_responder', unit: 'Phòng Cải cách hành chính' }],
  },
  {
    email: 'duongdaynong.sonoivu@cong.example',
    name: 'Bùi Thị Nóng (minh họa)',
    unit: 'Sở Nội vụ',
    grants: [{ siteCode: 'sonoivu', role: 'hotline_operator' }],
  },
  { email: 'kythuat.sonoivu@cong.example', name: 'Đặng Văn Thuật (minh họa)', unit: 'Sở Nội vụ', grants: [{ siteCode: 'sonoivu', role: 'site_operator' }] },
  {
    email: 'kythuat.phuongbadinh@cong.example',
    name: 'Ngô Thị Phường (minh họa)',
    unit: 'UBND phường Ba Đình',
    grants: [{ siteCode: 'phuongbadinh', role: 'site_operator' }],
  },
  {
    email: 'truongban.phuongbadinh@cong.example',
    name: 'Dương Văn Duyệt (minh họa)',
    unit: 'UBND phường Ba Đình',
    grants: [{ siteCode: 'phuongbadinh', role: 'board_head' }],
  },
  // Citizens' questions (issue #7): the hotline of the portal, one responder for each agency the
  // portal forwards to (the grant's unit is the agency's name), the department's board, and the
  // ward's responders. See inquiries/demo.seed.ts.
  {
    email: 'duongdaynong.hanoi@cong.example',
    name: 'Lý Thị Thoại (minh họa)',
    unit: 'Văn phòng UBND Thành phố',
    grants: [{ siteCode: 'hanoi', role: 'hotline_operator' }],
  },
  {
    email: 'traloi.noivu.hanoi@cong.example',
    name: 'Trịnh Văn Nội (minh họa)',
    unit: 'Sở Nội vụ',
    grants: [{ siteCode: 'hanoi', role: 'agency_responder', unit: 'Sở Nội vụ' }],
  },
  {
    email: 'traloi.tnmt.hanoi@cong.example',
    name: 'Mai Thị Đất (minh họa)',
    unit: 'Sở Tài nguyên và Môi trường',
    grants: [{ siteCode: 'hanoi', role: 'agency_responder', unit: 'Sở Tài nguyên và Môi trường' }],
  },
  {
    email: 'traloi.xaydung.hanoi@cong.example',
    name: 'Cao Văn Dựng (minh họa)',
    unit: 'Sở Xây dựng',
    grants: [{ siteCode: 'hanoi', role: 'agency_responder', unit: 'Sở Xây dựng' }],
  },
  {
    email: 'traloi.giaoduc.hanoi@cong.example',
    name: 'Tô Thị Giáo (minh họa)',
    unit: 'Sở Giáo dục và Đào tạo',
    grants: [{ siteCode: 'hanoi', role: 'agency_responder', unit: 'Sở Giáo dục và Đào tạo' }],
  },
  {
    email: 'traloi.laodong.hanoi@cong.example',
    name: 'Hà Văn Động (minh họa)',
    unit: 'Sở Lao động – Thương binh và Xã hội',
    grants: [{ siteCode: 'hanoi', role: 'agency_responder', unit: 'Sở Lao động – Thương binh và Xã hội' }],
  },
  {
    email: 'traloi.congan.hanoi@cong.example',
    name: 'Lương Văn An (minh họa)',
    unit: 'Công an Thành phố',
    grants: [{ siteCode: 'hanoi', role: 'agency_responder', unit: 'Công an Thành phố' }],
  },
  { email: 'truongban.sonoivu@cong.example', name: 'Kiều Thị Sở (minh họa)', unit: 'Sở Nội vụ', grants: [{ siteCode: 'sonoivu', role: 'board_head' }] },
  {
    email: 'traloi.diachinh.phuongbadinh@cong.example',
    name: 'Phùng Văn Địa (minh họa)',
    unit: 'UBND phường Ba Đình',
    grants: [{ siteCode: 'phuongbadinh', role: 'agency_responder', unit: 'Địa chính – Xây dựng' }],
  },
  {
    email: 'traloi.motcua.phuongbadinh@cong.example',
    name: 'Triệu Thị Cửa (minh họa)',
    unit: 'UBND phường Ba Đình',
    grants: [{ siteCode: 'phuongbadinh', role: 'agency_responder', unit: 'Bộ phận một cửa phường' }],
  },
];

/** Creates the demo accounts that do not exist yet; returns the e-mails created. */
export async function seedDemoAccounts(
  db: Db,
  accounts: readonly DemoAccount[],
  siteIdOf: (code: string) => number | undefined,
  unitIdOf: (siteId: number, name: string) => Promise<number | undefined>,
): Promise<string[]> {
  // One hash for all: they share the demo password, and hashing eleven times would slow the first start.
  const hash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  for (const a of accounts) {
    if (await repo.findAccountByEmail(db, a.email)) continue;
    // The units the grants name, before the transaction (the embedded database has one connection).
    const grants: { siteId: number | null; role: string; unitId: number | null }[] = [];
    for (const g of a.grants) {
      const siteId = g.siteCode === null ? null : siteIdOf(g.siteCode);
      if (siteId === undefined) continue;
      grants.push({ siteId, role: g.role, unitId: g.unit && siteId !== null ? ((await unitIdOf(siteId, g.unit)) ?? null) : null });
    }
    await withTx(db, async (tx) => {
      const account = await repo.insertAccount(tx, { email: a.email, name: a.name, phone: '', unit: a.unit, password_hash: hash, is_demo: true });
      for (const g of grants) await repo.insertGrant(tx, account.id, g.siteId, g.role, g.unitId);
      if (a.grants.some((g) => ROLES_REQUIRING_2FA.has(g.role))) {
        await repo.updateAccount(tx, account.id, { totp_secret: newTotpSecret(), totp_enabled_at: new Date() });
      }
      await recordAudit(tx, {
        actorId: null,
        actorLabel: 'seed-demo',
        action: 'account.created',
        targetType: 'account',
        targetId: String(account.id),
        summary: { email: a.email, demo: true, roles: a.grants.map((g) => `${g.role}@${g.siteCode ?? '*'}`) },
      });
    });
    created.push(a.email);
  }
  return created;
}

/** The current TOTP code of a demo account; refused for every other account. */
export async function demoTotp(db: Db, email: string): Promise<string> {
  const account = await repo.findAccountByEmail(db, email.trim().toLowerCase());
  if (!account) throw new NotFound('account.not_found', `Không có tài khoản ${email}.`);
  if (!account.is_demo) throw new Forbidden('demo.not_demo', 'Chỉ dùng được với tài khoản minh họa (demo). / Demo accounts only.');
  if (!account.totp_secret || !account.totp_enabled_at) throw new NotFound('totp.not_enabled', 'Tài khoản này chưa bật xác thực hai lớp.');
  return currentTotp(account.totp_secret);
}
