/**
 * The demo's leader profiles: three leaders of the city, in Vietnamese and English, written,
 * approved and linked as translations through the workflow like any item. Skipped when the
 * portal already has leaders.
 */
import type { Actor, Role } from '../access/index.ts';
import type { ContentService } from './content.service.ts';

interface DemoLeader {
  order: number;
  phone: string;
  email: string;
  vi: { name: string; position: string; duties: string; bio: string };
  en: { name: string; position: string; duties: string; bio: string };
}

const LEADERS: readonly DemoLeader[] = [
  {
    order: 1,
    phone: '024 3825 3536',
    email: 'chutich@hanoi.gov.vn',
    vi: {
      name: 'Nguyễn Văn An (minh họa)',
      position: 'Chủ tịch Ủy ban nhân dân thành phố',
      duties: 'Lãnh đạo, điều hành chung mọi hoạt động của Ủy ban nhân dân thành phố.\nPhụ trách công tác tổ chức cán bộ, quốc phòng, an ninh.',
      bio: '<p>Sinh năm 1970. Tiến sĩ Kinh tế. Có hơn 25 năm công tác trong lĩnh vực quản lý nhà nước.</p>',
    },
    en: {
      name: 'Nguyen Van An (sample)',
      position: "Chairman of the City People's Committee",
      duties: "Leads and directs all the work of the City People's Committee.\nIn charge of personnel, defence and security.",
      bio: '<p>Born in 1970. PhD in Economics. Over 25 years in public administration.</p>',
    },
  },
  {
    order: 2,
    phone: '024 3825 3537',
    email: 'phochutich.kt@hanoi.gov.vn',
    vi: {
      name: 'Trần Thị Bình (minh họa)',
      position: 'Phó Chủ tịch thường trực Ủy ban nhân dân thành phố',
      duties: 'Phụ trách kinh tế, tài chính, ngân sách, đầu tư.',
      bio: '<p>Sinh năm 1974. Thạc sĩ Quản lý công.</p>',
    },
    en: {
      name: 'Tran Thi Binh (sample)',
      position: "Standing Vice-Chairwoman of the City People's Committee",
      duties: 'In charge of the economy, finance, the budget and investment.',
      bio: '<p>Born in 1974. Master of Public Management.</p>',
    },
  },
  {
    order: 3,
    phone: '024 3825 3538',
    email: 'phochutich.vx@hanoi.gov.vn',
    vi: {
      name: 'Lê Minh Cường (minh họa)',
      position: 'Phó Chủ tịch Ủy ban nhân dân thành phố',
      duties: 'Phụ trách văn hóa, xã hội, giáo dục, y tế.',
      bio: '<p>Sinh năm 1976. Tiến sĩ Y học.</p>',
    },
    en: {
      name: 'Le Minh Cuong (sample)',
      position: "Vice-Chairman of the City People's Committee",
      duties: 'In charge of culture, social affairs, education and health.',
      bio: '<p>Born in 1976. Doctor of Medicine.</p>',
    },
  },
];

function who(email: string, ids: ReadonlyMap<string, number>, role: Role, siteId: number): Actor {
  const id = ids.get(email);
  if (id === undefined) return { kind: 'system', label: 'seed-demo' };
  return { kind: 'person', accountId: id, email, ip: '', sessionId: null, grants: [{ role, siteId, unit: null }] };
}

/** Seeds the portal's leaders; returns how many profiles were created. */
export async function seedDemoLeaders(content: ContentService, sites: ReadonlyMap<string, number>, accountIds: ReadonlyMap<string, number>): Promise<number> {
  const portal = sites.get('hanoi');
  if (portal === undefined) return 0;
  if ((await content.listLive(portal, 'vi', { type: 'leader', limit: 1, offset: 0 })).length > 0) return 0;
  const editor = who('bientap.hanoi@cong.example', accountIds, 'board_member', portal);
  const head = who('truongban.hanoi@cong.example', accountIds, 'board_head', portal);
  const oneStep = (await content.siteWorkflow(portal)).approvalSteps === 1;
  let created = 0;
  for (const l of LEADERS) {
    const ids: number[] = [];
    for (const lang of ['vi', 'en'] as const) {
      const p = l[lang];
      const item = await content.create(editor, portal, {
        type: 'leader',
        lang,
        title: p.name,
        bodyHtml: p.bio,
        fields: { position: p.position, phone: l.phone, email: l.email, duties: p.duties, position_order: String(l.order) },
      });
      await content.transition(editor, item.id, 'submit');
      if (!oneStep) await content.transition(editor, item.id, 'take');
      await content.transition(head, item.id, 'approve');
      ids.push(item.id);
      created++;
    }
    await content.linkTranslation(editor, ids[0]!, ids[1]!);
  }
  return created;
}
