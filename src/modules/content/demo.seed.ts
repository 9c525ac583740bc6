import { escapeHtml } from '../../platform/views/html.ts';
import type { Actor, Role } from '../access/index.ts';
import { contentType } from './content-types.ts';
import type { NewItemInput } from './content.service.ts';
import type { CategoryService } from './categories.service.ts';
import type { ContentService } from './content.service.ts';
import type { WorkflowAction } from './workflow.ts';
// The regulations' texts are the demo module's data.
import { demoRegulations, regulationText, textToHtml } from '../demo/index.ts';

/** About every fourth live item with a legal deadline is published late; the others on time. */
const LATE_EVERY = 4;
const LATE_BY_DAYS = 16;

/**
 * The demo's trigger dates (event, issue, approval, decision) are set relative to when the item
 * is published, so that the compliance dashboard shows on-time and late items whenever the demo
 * is seeded: the trigger is the publication day, or 16 days earlier for about every fourth item.
 */
function withTrigger(d: DemoItem, at: Date): Record<string, unknown> {
  const field = contentType(d.input.type)?.deadline?.field;
  const fields = { ...(d.input.fields ?? {}) };
  // A work calendar's week_start says which week it is: it stays as written.
  if (!field || d.walk !== 'live' || !(field in fields) || d.input.type === 'calendar') return fields;
  const late = ITEMS.indexOf(d) % LATE_EVERY === LATE_EVERY - 1;
  fields[field] = new Date(at.getTime() + 7 * 3_600_000 - (late ? LATE_BY_DAYS : 0) * 86_400_000).toISOString().slice(0, 10);
  return fields;
}

type Walk = 'live' | 'draft' | 'submitted' | 'in_review' | 'returned' | 'refused' | 'scheduled' | 'withdrawn' | 'archived' | 'emergency';

interface DemoItem {
  site: string;
  category: string;
  walk: Walk;
  daysAgo: number;
  input: NewItemInput;
}

const CATEGORIES: Record<string, { slug: string; name: string }[]> = {
  hanoi: [
    { slug: 'tin-tuc-su-kien', name: 'Tin tức - Sự kiện' },
    { slug: 'thong-bao', name: 'Thông báo' },
    { slug: 'chi-dao-dieu-hanh', name: 'Chỉ đạo, điều hành' },
    { slug: 'pho-bien-phap-luat', name: 'Phổ biến, hướng dẫn pháp luật' },
    { slug: 'du-an-dau-tu', name: 'Dự án, đầu tư, đấu thầu' },
    { slug: 'quy-hoach-ke-hoach', name: 'Chiến lược, quy hoạch, kế hoạch' },
    { slug: 'khoa-hoc-cong-nghe', name: 'Khoa học, công nghệ' },
    { slug: 'thong-ke', name: 'Số liệu thống kê' },
    { slug: 'lich-lam-viec', name: 'Lịch làm việc của lãnh đạo' },
    { slug: 'chuyen-de-cai-cach-hanh-chinh', name: 'Chuyên đề Cải cách hành chính' },
  ],
  sonoivu: [
    { slug: 'tin-tuc-su-kien', name: 'Tin tức - Sự kiện' },
    { slug: 'thong-bao', name: 'Thông báo' },
  ],
  phuongbadinh: [
    { slug: 'tin-tuc-su-kien', name: 'Tin tức - Sự kiện' },
    { slug: 'thong-bao', name: 'Thông báo' },
  ],
};

const SRC = { source: 'Văn phòng UBND Thành phố (minh họa)', authorName: 'Ban Biên tập Cổng (minh họa)' };
const p = (...paras: string[]) => paras.map((x) => `<p>${escapeHtml(x)}</p>`).join('');

const ITEMS: DemoItem[] = [
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 1,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Thành phố triển khai đồng bộ dịch vụ công trực tuyến toàn trình',
      summary: 'UBND Thành phố yêu cầu các sở, ngành, phường, xã rà soát, đưa tối đa thủ tục hành chính lên môi trường điện tử.',
      bodyHtml: p(
        'Ngày 20/11/2026, UBND Thành phố tổ chức hội nghị triển khai kế hoạch cung cấp dịch vụ công trực tuyến toàn trình năm 2027 (nội dung minh họa).',
        'Các đơn vị được giao rà soát quy trình, số hóa hồ sơ và công khai tình hình xử lý hồ sơ trên Cổng thông tin điện tử.',
      ),
      fields: { event_date: '2026-11-20', location: 'Trụ sở UBND Thành phố' },
      ...SRC,
      featured: true,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 3,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Hội nghị tập huấn nghiệp vụ biên tập cho cộng tác viên Cổng thông tin',
      summary: 'Hơn 200 biên tập viên, cộng tác viên của các sở, ngành và phường, xã tham dự.',
      bodyHtml: p(
        'Hội nghị phổ biến quy trình tiếp nhận, biên tập và phê duyệt thông tin theo Quy chế ban hành kèm Quyết định số 4263/QĐ-UBND (nội dung minh họa).',
      ),
      fields: { event_date: '2026-11-18', location: 'Hà Nội' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 5,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Người dân phản ánh tích cực về việc trả kết quả thủ tục qua bưu chính',
      summary: 'Thông tin do bạn đọc cung cấp, chưa được cơ quan có thẩm quyền xác nhận.',
      bodyHtml: p('Một số người dân cho biết đã nhận kết quả giải quyết thủ tục tại nhà trong vòng hai ngày làm việc (tin tham khảo, minh họa).'),
      fields: { event_date: '2026-11-16' },
      ...SRC,
      isReference: true,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'live',
    daysAgo: 2,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Thông báo lịch tiếp công dân định kỳ tháng 12 năm 2026',
      summary: 'Lãnh đạo UBND Thành phố tiếp công dân vào ngày 15 hằng tháng.',
      bodyHtml: p('UBND Thành phố thông báo lịch tiếp công dân định kỳ tháng 12/2026 tại Trụ sở Tiếp công dân Thành phố (nội dung minh họa).'),
      fields: { issue_date: '2026-11-21', issuer: 'Văn phòng UBND Thành phố' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'scheduled',
    daysAgo: 0,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Thông báo tạm ngừng hệ thống để bảo trì định kỳ',
      summary: 'Cổng thông tin tạm ngừng từ 22 giờ đến 24 giờ để bảo trì (lên lịch đăng).',
      bodyHtml: p('Thông báo được đăng trước ít nhất 7 ngày làm việc theo quy định (nội dung minh họa).'),
      fields: { issue_date: '2026-11-23', issuer: 'Trung tâm Dữ liệu' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'chi-dao-dieu-hanh',
    walk: 'live',
    daysAgo: 4,
    input: {
      type: 'directive',
      lang: 'vi',
      title: 'Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính trong giải quyết thủ tục',
      summary: 'Chủ tịch UBND Thành phố yêu cầu xử lý nghiêm việc chậm trễ, gây phiền hà.',
      bodyHtml: p(
        'Yêu cầu thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND Thành phố về kết quả giải quyết thủ tục hành chính (nội dung minh họa).',
      ),
      fields: { document_number: '15/CT-UBND (minh họa)', issue_date: '2026-11-17', signer: 'Chủ tịch UBND Thành phố (minh họa)' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'du-an-dau-tu',
    walk: 'live',
    daysAgo: 8,
    input: {
      type: 'project',
      lang: 'vi',
      title: 'Dự án nâng cấp Trung tâm Phục vụ hành chính công Thành phố',
      summary: 'Dự án đang thực hiện, dự kiến hoàn thành quý II/2027.',
      bodyHtml: p('Dự án đầu tư trang thiết bị, phần mềm một cửa điện tử và kho dữ liệu hồ sơ (nội dung minh họa).'),
      fields: { project_status: 'in_progress', approval_date: '2026-06-30', investor: 'Văn phòng UBND Thành phố', total_investment: 45000 },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'quy-hoach-ke-hoach',
    walk: 'live',
    daysAgo: 12,
    input: {
      type: 'plan',
      lang: 'vi',
      title: 'Kế hoạch cải cách hành chính năm 2027',
      summary: 'Các nhiệm vụ trọng tâm về thể chế, thủ tục hành chính, bộ máy và chuyển đổi số.',
      bodyHtml: p('Kế hoạch xác định 6 nhóm nhiệm vụ và các chỉ tiêu đo lường kết quả (nội dung minh họa).'),
      fields: { approval_date: '2026-11-10', period: '2027' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'khoa-hoc-cong-nghe',
    walk: 'live',
    daysAgo: 20,
    input: {
      type: 'science',
      lang: 'vi',
      title: 'Đề tài nghiên cứu đo lường sự hài lòng của người dân về dịch vụ công',
      summary: 'Đề tài cấp Thành phố đã được nghiệm thu.',
      bodyHtml: p('Đề tài đề xuất bộ chỉ số đo lường sự hài lòng theo thời gian thực (nội dung minh họa).'),
      fields: { approval_date: '2026-10-30', lead_unit: 'Viện Nghiên cứu phát triển (minh họa)' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-ke',
    walk: 'live',
    daysAgo: 6,
    input: {
      type: 'statistics',
      lang: 'vi',
      title: 'Số liệu giải quyết thủ tục hành chính quý III năm 2026',
      summary: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,6% (số liệu minh họa).',
      bodyHtml:
        '<table><caption>Kết quả giải quyết hồ sơ quý III/2026 (minh họa)</caption><thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Số lượng</th></tr></thead><tbody><tr><th scope="row">Hồ sơ tiếp nhận</th><td>152.340</td></tr><tr><th scope="row">Đúng hạn</th><td>150.207</td></tr></tbody></table>',
      fields: { decision_date: '2026-11-05', period: 'Quý III/2026' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'lich-lam-viec',
    walk: 'live',
    daysAgo: 0,
    input: {
      type: 'calendar',
      lang: 'vi',
      title: 'Lịch làm việc của lãnh đạo UBND Thành phố tuần từ 23/11 đến 29/11/2026',
      summary: 'Lịch công tác tuần của Chủ tịch và các Phó Chủ tịch UBND Thành phố (minh họa).',
      bodyHtml:
        '<table><thead><tr><th scope="col">Ngày</th><th scope="col">Nội dung</th><th scope="col">Địa điểm</th></tr></thead><tbody><tr><th scope="row">Thứ Hai, 23/11/2026</th><td>Giao ban lãnh đạo UBND Thành phố</td><td>Trụ sở UBND Thành phố</td></tr><tr><th scope="row">Thứ Tư, 25/11/2026</th><td>Tiếp công dân định kỳ</td><td>Trụ sở Tiếp công dân</td></tr></tbody></table>',
      fields: { week_start: '2026-11-23' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'chuyen-de-cai-cach-hanh-chinh',
    walk: 'live',
    daysAgo: 30,
    input: {
      type: 'thematic',
      lang: 'vi',
      title: 'Chuyên đề: Chuyển đổi số trong cải cách hành chính',
      summary: 'Tổng hợp thông tin, bài viết về chuyển đổi số phục vụ người dân và doanh nghiệp.',
      bodyHtml: p('Chuyên đề do Ban Biên tập xây dựng (nội dung minh họa).'),
      fields: { start_date: '2026-01-01', end_date: '2026-12-31' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'draft',
    daysAgo: 0,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Bản nháp: Phường Ba Đình ra mắt mô hình "Tổ công nghệ số cộng đồng"',
      summary: 'Bản nháp của cộng tác viên.',
      bodyHtml: p('Nội dung đang soạn (minh họa).'),
      fields: { event_date: '2026-11-22' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'submitted',
    daysAgo: 0,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Gửi duyệt: Kết quả chỉ số hài lòng của người dân năm 2026',
      summary: 'Tin chờ biên tập.',
      bodyHtml: p('Nội dung chờ biên tập (minh họa).'),
      fields: { event_date: '2026-11-21' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'in_review',
    daysAgo: 0,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Chờ duyệt: Khai trương bộ phận một cửa hiện đại tại phường',
      summary: 'Tin chờ Trưởng ban duyệt.',
      bodyHtml: p('Nội dung đã biên tập, chờ duyệt (minh họa).'),
      fields: { event_date: '2026-11-21' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'returned',
    daysAgo: 0,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Bị trả lại: Tập huấn kỹ năng số cho cán bộ phường',
      summary: 'Tin bị trả lại để bổ sung.',
      bodyHtml: p('Nội dung cần bổ sung số liệu (minh họa).'),
      fields: { event_date: '2026-11-19' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'refused',
    daysAgo: 0,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Bị từ chối: Tin đồn về việc thay đổi địa giới hành chính',
      summary: 'Tin bị từ chối vì không rõ nguồn gốc.',
      bodyHtml: p('Nội dung không được đăng (minh họa).'),
      fields: { event_date: '2026-11-19' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'withdrawn',
    daysAgo: 40,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Thông báo tuyển dụng công chức năm 2025 (đã gỡ)',
      summary: 'Thông báo đã hết hiệu lực và được gỡ.',
      bodyHtml: p('Nội dung đã gỡ (minh họa).'),
      fields: { issue_date: '2025-10-01' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'archived',
    daysAgo: 400,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Thông báo nghỉ Tết Dương lịch năm 2025 (lưu trữ)',
      summary: 'Thông báo đã lưu trữ.',
      bodyHtml: p('Nội dung lưu trữ (minh họa).'),
      fields: { issue_date: '2024-12-20' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'emergency',
    daysAgo: 0,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Cảnh báo khẩn: Mưa lớn, nguy cơ ngập úng cục bộ trên địa bàn Thành phố',
      summary: 'Đăng khẩn cấp, chờ Ban Biên tập xem xét lại (minh họa).',
      bodyHtml: p('Người dân hạn chế ra đường trong thời gian mưa lớn (nội dung minh họa).'),
      fields: { issue_date: '2026-11-23', issuer: 'Ban Chỉ huy Phòng, chống thiên tai Thành phố (minh họa)' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 2,
    input: {
      type: 'news',
      lang: 'en',
      title: 'Hanoi rolls out end-to-end online public services',
      summary: 'City departments and wards are asked to bring procedures online (demo content).',
      bodyHtml: p('Demo English news item.'),
      fields: { event_date: '2026-11-20' },
      source: 'Hanoi People’s Committee Office (demo)',
      authorName: 'Editorial board (demo)',
    },
  },
  {
    site: 'sonoivu',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 2,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Sở Nội vụ công bố kết quả Chỉ số cải cách hành chính năm 2026',
      summary: 'Kết quả xếp hạng các sở, ngành và phường, xã (minh họa).',
      bodyHtml: p('Sở Nội vụ là cơ quan thường trực Ban Chỉ đạo cải cách hành chính Thành phố (nội dung minh họa).'),
      fields: { event_date: '2026-11-20' },
      source: 'Sở Nội vụ (minh họa)',
      authorName: 'Phòng Cải cách hành chính (minh họa)',
    },
  },
  {
    site: 'phuongbadinh',
    category: 'thong-bao',
    walk: 'live',
    daysAgo: 1,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Phường Ba Đình thông báo lịch tiếp nhận hồ sơ ngoài giờ hành chính',
      summary: 'Bộ phận một cửa tiếp nhận hồ sơ sáng thứ Bảy (minh họa).',
      bodyHtml: p('Áp dụng từ ngày 01/12/2026 (nội dung minh họa).'),
      fields: { issue_date: '2026-11-22', issuer: 'UBND phường Ba Đình' },
      source: 'UBND phường Ba Đình (minh họa)',
      authorName: 'Văn phòng HĐND - UBND phường (minh họa)',
    },
  },

  // Everyday portal content (procedures, citizen reception, hotline, digital transformation…) so
  // that search has something to rank; a few near-duplicates on purpose ("điểm nóng … dây cáp …
  // tuyến đường" is not the hotline; "tuyên dương" and "Tết Dương lịch" meet "đường" only when folded).
  {
    site: 'hanoi',
    category: 'chuyen-de-cai-cach-hanh-chinh',
    walk: 'live',
    daysAgo: 7,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa các cấp',
      summary: 'Các sở, ngành, phường, xã niêm yết và cập nhật thủ tục hành chính ngay khi có quyết định công bố.',
      bodyHtml: p(
        'UBND Thành phố yêu cầu 100% thủ tục hành chính thuộc thẩm quyền giải quyết được công khai tại Bộ phận Một cửa và trên Cổng Dịch vụ công, với đầy đủ thành phần hồ sơ, thời hạn giải quyết, phí và lệ phí (nội dung minh họa).',
        'Việc công khai phải dễ tiếp cận: bảng niêm yết, màn hình tra cứu và mã QR dẫn tới từng thủ tục trên môi trường điện tử. Thủ tục đã bãi bỏ phải được gỡ khỏi nơi niêm yết trong ngày.',
      ),
      fields: { event_date: '2026-11-16', location: 'Hà Nội' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'pho-bien-phap-luat',
    walk: 'live',
    daysAgo: 9,
    input: {
      type: 'guidance',
      lang: 'vi',
      title: 'Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến trên Cổng Dịch vụ công Thành phố',
      summary: 'Các bước đăng nhập, nộp hồ sơ, thanh toán phí và nhận kết quả trực tuyến.',
      bodyHtml: p(
        'Bước 1: Đăng nhập Cổng Dịch vụ công bằng tài khoản định danh điện tử (nội dung minh họa).',
        'Bước 2: Chọn thủ tục cần thực hiện, khai tờ khai điện tử và đính kèm bản chụp giấy tờ theo yêu cầu.',
        'Bước 3: Thanh toán phí, lệ phí trực tuyến (nếu có).',
        'Bước 4: Theo dõi tình trạng hồ sơ bằng mã hồ sơ; nhận kết quả bản điện tử hoặc qua dịch vụ bưu chính công ích.',
      ),
      fields: { issue_date: '2022-06-24', legal_basis: 'Nghị định số 42/2022/NĐ-CP' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'pho-bien-phap-luat',
    walk: 'live',
    daysAgo: 15,
    input: {
      type: 'guidance',
      lang: 'vi',
      title: 'Hướng dẫn thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ',
      summary: 'Thành phần hồ sơ, nơi nộp và thời hạn giải quyết (minh họa).',
      bodyHtml: p(
        'Hồ sơ gồm: đơn đề nghị cấp giấy phép xây dựng theo mẫu; bản sao giấy tờ chứng minh quyền sử dụng đất; hai bộ bản vẽ thiết kế xây dựng (nội dung minh họa).',
        'Hồ sơ nộp tại Bộ phận Một cửa của UBND phường, xã nơi có công trình hoặc nộp trực tuyến trên Cổng Dịch vụ công.',
        'Thời hạn giải quyết không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ. Nội dung cần được đối chiếu với văn bản hiện hành.',
      ),
      fields: { issue_date: '2021-03-03', legal_basis: 'Nghị định số 15/2021/NĐ-CP' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'pho-bien-phap-luat',
    walk: 'live',
    daysAgo: 18,
    input: {
      type: 'guidance',
      lang: 'vi',
      title: 'Thủ tục đăng ký khai sinh: hồ sơ, trình tự và thời hạn giải quyết',
      summary: 'Những giấy tờ cần chuẩn bị và các cách đăng ký khai sinh cho trẻ (minh họa).',
      bodyHtml: p(
        'Người đi đăng ký khai sinh nộp tờ khai theo mẫu và giấy chứng sinh; nếu không có giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh (nội dung minh họa).',
        'Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh.',
        'Có thể đăng ký trực tiếp tại UBND phường, xã hoặc trực tuyến trên Cổng Dịch vụ công; kết quả gồm Giấy khai sinh bản chính và bản điện tử.',
      ),
      fields: { issue_date: '2015-11-15', legal_basis: 'Nghị định số 123/2015/NĐ-CP' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'pho-bien-phap-luat',
    walk: 'live',
    daysAgo: 22,
    input: {
      type: 'guidance',
      lang: 'vi',
      title: 'Chứng thực bản sao từ bản chính: những điều người dân cần biết',
      summary: 'Nơi chứng thực, giấy tờ cần mang theo và thời hạn trả kết quả (minh họa).',
      bodyHtml: p(
        'Người yêu cầu chứng thực xuất trình bản chính giấy tờ, văn bản và bản sao cần chứng thực (nội dung minh họa).',
        'Có thể yêu cầu chứng thực bản sao tại UBND phường, xã hoặc tổ chức hành nghề công chứng, không phụ thuộc nơi cư trú.',
        'Kết quả được trả trong ngày làm việc; trường hợp số lượng lớn thì hẹn trả theo thỏa thuận.',
      ),
      fields: { issue_date: '2015-02-16', legal_basis: 'Nghị định số 23/2015/NĐ-CP' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'live',
    daysAgo: 10,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Công bố số điện thoại đường dây nóng của Ban Chỉ đạo Cải cách hành chính Thành phố',
      summary: 'Đường dây nóng tiếp nhận phản ánh về việc giải quyết thủ tục hành chính và thái độ của cán bộ.',
      bodyHtml: p(
        'Ban Chỉ đạo Cải cách hành chính Thành phố thông báo số điện thoại đường dây nóng: 024 0000 0000 (số minh họa).',
        'Đường dây nóng hoạt động trong giờ hành chính các ngày làm việc; ngoài giờ, người dân có thể để lại lời nhắn hoặc gửi thư điện tử.',
        'Mọi phản ánh được ghi nhận, chuyển cơ quan có thẩm quyền xử lý và trả lời công khai trên Cổng thông tin điện tử Thành phố.',
      ),
      fields: { issue_date: '2026-11-13', issuer: 'Ban Chỉ đạo Cải cách hành chính Thành phố (minh họa)' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 13,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Xử lý các điểm nóng ùn tắc, hạ ngầm dây cáp trên các tuyến đường trung tâm',
      summary: 'Hoàn thành hạ ngầm dây cáp viễn thông trên 20 tuyến đường trước Tết (minh họa).',
      bodyHtml: p(
        'Các lực lượng chức năng đã tổ chức lại giao thông tại 12 điểm nóng ùn tắc trong giờ cao điểm (nội dung minh họa).',
        'Song song, các doanh nghiệp viễn thông và điện lực hạ ngầm, bó gọn dây cáp trên các tuyến đường trung tâm, hoàn trả mặt đường sau thi công.',
      ),
      fields: { event_date: '2026-11-10', location: 'Hà Nội' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'live',
    daysAgo: 5,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Thông báo nghỉ Tết Dương lịch năm 2027',
      summary: 'Cán bộ, công chức, viên chức nghỉ Tết Dương lịch vào Thứ Sáu, 01/01/2027 (minh họa).',
      bodyHtml: p(
        'Cán bộ, công chức, viên chức các cơ quan hành chính Thành phố nghỉ Tết Dương lịch 01 ngày vào Thứ Sáu, 01/01/2027 (nội dung minh họa).',
        'Trong ngày nghỉ, Cổng Dịch vụ công vẫn tiếp nhận hồ sơ trực tuyến; hồ sơ được xử lý từ ngày làm việc tiếp theo.',
      ),
      fields: { issue_date: '2026-11-18', issuer: 'Văn phòng UBND Thành phố' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 8,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Chủ tịch UBND Thành phố tiếp công dân định kỳ tháng 11',
      summary: 'Nghe 12 công dân trình bày, giao các đơn vị giải quyết dứt điểm trong tháng.',
      bodyHtml: p(
        'Tại buổi tiếp công dân định kỳ, Chủ tịch UBND Thành phố đã nghe 12 công dân trình bày ý kiến về đất đai, xây dựng và chế độ chính sách (nội dung minh họa).',
        'Chủ tịch giao thủ trưởng các sở, ngành và Chủ tịch UBND các phường, xã kiểm tra, giải quyết dứt điểm và báo cáo kết quả trước ngày 15/12/2026.',
      ),
      fields: { event_date: '2026-11-15', location: 'Trụ sở Tiếp công dân Thành phố' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'pho-bien-phap-luat',
    walk: 'live',
    daysAgo: 16,
    input: {
      type: 'guidance',
      lang: 'vi',
      title: 'Hỏi đáp: Tra cứu tình trạng giải quyết hồ sơ thủ tục hành chính như thế nào?',
      summary: 'Các cách người dân theo dõi hồ sơ đã nộp (minh họa).',
      bodyHtml: p(
        'Hỏi: Tôi đã nộp hồ sơ tại Bộ phận Một cửa của phường. Làm thế nào để biết hồ sơ đang được xử lý đến đâu? (nội dung minh họa)',
        'Trả lời: Ông/bà có thể tra cứu bằng mã hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, tại mục Tra cứu hồ sơ của Cổng Dịch vụ công, hoặc quét mã QR in trên giấy hẹn.',
        'Khi hồ sơ quá hạn, cơ quan giải quyết phải gửi văn bản xin lỗi và hẹn lại ngày trả kết quả.',
      ),
      fields: { issue_date: '2018-04-23', legal_basis: 'Nghị định số 61/2018/NĐ-CP' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-bao',
    walk: 'live',
    daysAgo: 14,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Tiếp nhận phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính',
      summary: 'Các kênh gửi phản ánh, kiến nghị và thời hạn trả lời (minh họa).',
      bodyHtml: p(
        'Người dân, doanh nghiệp gửi phản ánh, kiến nghị về quy định hành chính qua Hệ thống tiếp nhận phản ánh, kiến nghị trên Cổng Dịch vụ công, thư điện tử hoặc trực tiếp tại Bộ phận Một cửa (nội dung minh họa).',
        'Việc tiếp nhận, xử lý thực hiện theo Nghị định số 20/2008/NĐ-CP; kết quả xử lý được công khai.',
      ),
      fields: { issue_date: '2026-11-09', issuer: 'Văn phòng UBND Thành phố' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'quy-hoach-ke-hoach',
    walk: 'live',
    daysAgo: 45,
    input: {
      type: 'plan',
      lang: 'vi',
      title: 'Kế hoạch chuyển đổi số Thành phố giai đoạn 2026–2030',
      summary: 'Mục tiêu chính quyền số, kinh tế số, xã hội số và bảo đảm an toàn thông tin (minh họa).',
      bodyHtml: p(
        'Kế hoạch đặt mục tiêu 100% dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình và 90% hồ sơ công việc được xử lý trên môi trường mạng (nội dung minh họa).',
        'Các nhiệm vụ gồm: hoàn thiện nền tảng dữ liệu dùng chung, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, phát triển kỹ năng số cho cán bộ và người dân.',
      ),
      fields: { approval_date: '2026-10-09', period: '2026–2030' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'chi-dao-dieu-hanh',
    walk: 'live',
    daysAgo: 25,
    input: {
      type: 'directive',
      lang: 'vi',
      title: 'Chỉ thị về tăng cường bảo đảm an toàn thông tin mạng trong các cơ quan nhà nước Thành phố',
      summary: 'Rà soát, phân loại hệ thống thông tin theo cấp độ và diễn tập ứng cứu sự cố.',
      bodyHtml: p(
        'Yêu cầu các cơ quan, đơn vị hoàn thành phân loại hệ thống thông tin theo cấp độ theo Nghị định số 85/2016/NĐ-CP trước ngày 31/12/2026 (nội dung minh họa).',
        'Mỗi đơn vị phân công người phụ trách an toàn thông tin, tổ chức diễn tập ứng cứu sự cố ít nhất một lần mỗi năm.',
      ),
      fields: { document_number: '08/CT-UBND (minh họa)', issue_date: '2026-10-29', signer: 'Chủ tịch UBND Thành phố (minh họa)' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'thong-ke',
    walk: 'live',
    daysAgo: 19,
    input: {
      type: 'statistics',
      lang: 'vi',
      title: 'Số liệu tiếp nhận, xử lý cuộc gọi đường dây nóng 10 tháng năm 2026',
      summary: '98% cuộc gọi được xử lý, trả lời đúng hạn (số liệu minh họa).',
      bodyHtml:
        '<table><caption>Cuộc gọi đường dây nóng 10 tháng năm 2026 (minh họa)</caption><thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Số lượng</th></tr></thead><tbody><tr><th scope="row">Cuộc gọi tiếp nhận</th><td>4.215</td></tr><tr><th scope="row">Phản ánh, kiến nghị đã chuyển xử lý</th><td>1.032</td></tr><tr><th scope="row">Trả lời đúng hạn</th><td>4.131</td></tr></tbody></table>',
      fields: { decision_date: '2026-11-04', period: '10 tháng năm 2026' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'du-an-dau-tu',
    walk: 'live',
    daysAgo: 60,
    input: {
      type: 'project',
      lang: 'vi',
      title: 'Dự án xây dựng Trung tâm Giám sát, điều hành đô thị thông minh',
      summary: 'Dự án chuẩn bị đầu tư, giai đoạn 2027–2028 (minh họa).',
      bodyHtml: p(
        'Dự án xây dựng hạ tầng, nền tảng tích hợp dữ liệu giao thông, môi trường, an ninh trật tự và phản ánh hiện trường của người dân (nội dung minh họa).',
      ),
      fields: { project_status: 'preparing', approval_date: '2026-09-24', investor: 'Sở Khoa học và Công nghệ (minh họa)', total_investment: 120000 },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'khoa-hoc-cong-nghe',
    walk: 'live',
    daysAgo: 75,
    input: {
      type: 'science',
      lang: 'vi',
      title: 'Đề tài ứng dụng trí tuệ nhân tạo trả lời hỏi đáp về thủ tục hành chính',
      summary: 'Đề tài cấp Thành phố được phê duyệt thực hiện trong 18 tháng (minh họa).',
      bodyHtml: p(
        'Đề tài xây dựng trợ lý ảo trả lời câu hỏi thường gặp của người dân về thành phần hồ sơ, phí, lệ phí và thời hạn giải quyết (nội dung minh họa).',
      ),
      fields: { approval_date: '2026-09-09', lead_unit: 'Trường Đại học (minh họa)' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'chuyen-de-cai-cach-hanh-chinh',
    walk: 'live',
    daysAgo: 150,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Sơ kết thực hiện cơ chế một cửa, một cửa liên thông tại các phường, xã',
      summary: 'Bộ phận Một cửa cấp xã tiếp nhận hơn 1,2 triệu hồ sơ trong 6 tháng (minh họa).',
      bodyHtml: p(
        'Hội nghị sơ kết đánh giá việc thực hiện cơ chế một cửa, một cửa liên thông sau khi tổ chức chính quyền địa phương hai cấp (nội dung minh họa).',
        'Các phường, xã được đề nghị bố trí công chức có kinh nghiệm tại Bộ phận Một cửa và tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến.',
      ),
      fields: { event_date: '2026-06-26', location: 'Hà Nội' },
      ...SRC,
    },
  },
  {
    site: 'hanoi',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 50,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Thi tuyển công chức Thành phố năm 2026: hơn 3.000 thí sinh dự thi vòng 1',
      summary: 'Kỳ thi được tổ chức trên máy vi tính tại hai điểm thi (minh họa).',
      bodyHtml: p(
        'Hội đồng thi tuyển công chức Thành phố tổ chức thi vòng 1 trên máy vi tính với hơn 3.000 thí sinh (nội dung minh họa).',
        'Kết quả thi được công bố trên Cổng thông tin điện tử của Sở Nội vụ.',
      ),
      fields: { event_date: '2026-10-04', location: 'Hà Nội' },
      ...SRC,
    },
  },
  {
    site: 'sonoivu',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 27,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Tuyên dương 50 tập thể, cá nhân tiêu biểu trong công tác cải cách hành chính',
      summary: 'Khen thưởng những đơn vị có sáng kiến giúp người dân giải quyết thủ tục thuận lợi (minh họa).',
      bodyHtml: p(
        'Sở Nội vụ tổ chức lễ tuyên dương các tập thể, cá nhân có thành tích xuất sắc trong công tác cải cách hành chính năm 2026 (nội dung minh họa).',
      ),
      fields: { event_date: '2026-10-27' },
      source: 'Sở Nội vụ (minh họa)',
      authorName: 'Văn phòng Sở (minh họa)',
    },
  },
  {
    site: 'sonoivu',
    category: 'thong-bao',
    walk: 'live',
    daysAgo: 4,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Sở Nội vụ thông báo kế hoạch tuyển dụng công chức năm 2027',
      summary: 'Chỉ tiêu, điều kiện đăng ký dự tuyển và thời gian nhận phiếu đăng ký (minh họa).',
      bodyHtml: p(
        'Sở Nội vụ thông báo kế hoạch tuyển dụng công chức vào làm việc tại các cơ quan hành chính Thành phố năm 2027 (nội dung minh họa).',
        'Người đăng ký dự tuyển nộp Phiếu đăng ký dự tuyển trực tuyến; thời gian nhận phiếu là 30 ngày kể từ ngày thông báo.',
      ),
      fields: { issue_date: '2026-11-19', issuer: 'Sở Nội vụ' },
      source: 'Sở Nội vụ (minh họa)',
      authorName: 'Văn phòng Sở (minh họa)',
    },
  },
  {
    site: 'sonoivu',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 33,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Sở Nội vụ kiểm tra công tác cải cách hành chính tại 10 phường, xã',
      summary: 'Kiểm tra việc công khai thủ tục, tiếp nhận và trả kết quả hồ sơ (minh họa).',
      bodyHtml: p('Đoàn kiểm tra ghi nhận các phường, xã đã công khai thủ tục hành chính đầy đủ; một số nơi còn để hồ sơ trễ hạn (nội dung minh họa).'),
      fields: { event_date: '2026-10-21' },
      source: 'Sở Nội vụ (minh họa)',
      authorName: 'Văn phòng Sở (minh họa)',
    },
  },
  {
    site: 'phuongbadinh',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 6,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Phường Ba Đình hướng dẫn người dân đăng ký khai sinh trực tuyến',
      summary: 'Cán bộ tư pháp hỗ trợ trực tiếp tại Bộ phận Một cửa (minh họa).',
      bodyHtml: p(
        'UBND phường bố trí cán bộ hướng dẫn người dân đăng ký khai sinh, đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi qua dịch vụ công liên thông (nội dung minh họa).',
      ),
      fields: { event_date: '2026-11-17' },
      source: 'UBND phường Ba Đình (minh họa)',
      authorName: 'Văn phòng HĐND - UBND phường (minh họa)',
    },
  },
  {
    site: 'phuongbadinh',
    category: 'thong-bao',
    walk: 'live',
    daysAgo: 3,
    input: {
      type: 'announcement',
      lang: 'vi',
      title: 'Lịch tiếp công dân của Chủ tịch UBND phường Ba Đình tháng 12/2026',
      summary: 'Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm hằng tuần (minh họa).',
      bodyHtml: p('Địa điểm: Phòng tiếp công dân, trụ sở UBND phường Ba Đình (nội dung minh họa).'),
      fields: { issue_date: '2026-11-20', issuer: 'UBND phường Ba Đình' },
      source: 'UBND phường Ba Đình (minh họa)',
      authorName: 'Văn phòng HĐND - UBND phường (minh họa)',
    },
  },
  {
    site: 'phuongbadinh',
    category: 'tin-tuc-su-kien',
    walk: 'live',
    daysAgo: 17,
    input: {
      type: 'news',
      lang: 'vi',
      title: 'Phường Ba Đình ra quân lập lại trật tự vỉa hè, lòng đường',
      summary: 'Nhắc nhở các hộ kinh doanh không lấn chiếm lối đi (minh họa).',
      bodyHtml: p(
        'Lực lượng trật tự đô thị phường ra quân trên các tuyến phố, nhắc nhở hộ kinh doanh trả lại vỉa hè, lòng đường cho người đi bộ (nội dung minh họa).',
      ),
      fields: { event_date: '2026-11-06' },
      source: 'UBND phường Ba Đình (minh họa)',
      authorName: 'Văn phòng HĐND - UBND phường (minh họa)',
    },
  },
];

function who(email: string, ids: ReadonlyMap<string, number>, role: Role, siteId: number): Actor {
  const id = ids.get(email);
  if (id === undefined) return { kind: 'system', label: 'seed-demo' };
  return { kind: 'person', accountId: id, email, ip: '', sessionId: null, grants: [{ role, siteId, unit: null }] };
}

/** Seeds the demo content on sites that have none yet; returns how many items were created. */
export async function seedDemoContent(
  content: { content: ContentService; categories: CategoryService },
  sites: ReadonlyMap<string, number>,
  accountIds: ReadonlyMap<string, number>,
): Promise<number> {
  let created = 0;
  const now = Date.now();
  for (const [code, cats] of Object.entries(CATEGORIES)) {
    const siteId = sites.get(code);
    if (siteId === undefined) continue;
    if ((await content.content.listLive(siteId, 'vi', { limit: 1, offset: 0 })).length > 0) continue;
    const system: Actor = { kind: 'system', label: 'seed-demo' };
    if (code === 'phuongbadinh') await content.content.configureWorkflow(system, siteId, 1, false);
    // A new site's skeleton already has the first categories (site-skeleton.ts): the demo adds the rest.
    for (const [i, c] of cats.entries()) {
      if (!(await content.categories.bySlug(siteId, 'vi', c.slug)))
        await content.categories.create(system, siteId, { lang: 'vi', name: c.name, slug: c.slug, position: i });
    }
    if (!(await content.categories.bySlug(siteId, 'en', 'news'))) await content.categories.create(system, siteId, { lang: 'en', name: 'News', slug: 'news' });
  }
  const catId = async (siteId: number, lang: string, slug: string) =>
    (await content.categories.bySlug(siteId, lang, lang === 'en' ? 'news' : slug))?.id ?? null;

  for (const d of ITEMS) {
    const siteId = sites.get(d.site);
    if (siteId === undefined) continue;
    const board = d.site === 'hanoi';
    const contributor = board ? who('congtacvien.hanoi@cong.example', accountIds, 'contributor', siteId) : ({ kind: 'system', label: 'seed-demo' } as Actor);
    const editor = board ? who('bientap.hanoi@cong.example', accountIds, 'board_member', siteId) : contributor;
    const head = board ? who('truongban.hanoi@cong.example', accountIds, 'board_head', siteId) : contributor;
    const at = new Date(now - d.daysAgo * 86_400_000);
    const input: NewItemInput = {
      ...d.input,
      fields: withTrigger(d, at),
      categoryId: await catId(siteId, d.input.lang, d.category),
      ...(d.walk === 'scheduled' ? { publishAt: new Date(now + 86_400_000) } : {}),
    };
    const item = await content.content.create(d.walk === 'emergency' ? head : contributor, siteId, input);
    created++;
    const step = (actor: Actor, action: WorkflowAction, extra: { reasonCode?: string; comment?: string } = {}) =>
      content.content.transition(actor, item.id, action, extra, at);
    if (d.walk === 'draft') continue;
    if (d.walk === 'emergency') {
      await step(head, 'emergency_publish', { comment: 'Cảnh báo thiên tai cần đăng ngay (minh họa)' });
      continue;
    }
    await step(contributor, 'submit');
    if (d.walk === 'submitted') continue;
    if ((await content.content.siteWorkflow(siteId)).approvalSteps === 2) await step(editor, 'take');
    if (d.walk === 'in_review') continue;
    if (d.walk === 'returned') {
      await step(head, 'return', { comment: 'Đề nghị bổ sung số liệu và ảnh minh họa.' });
      continue;
    }
    if (d.walk === 'refused') {
      await step(head, 'refuse', { reasonCode: 'unclear_origin', comment: 'Thông tin chưa rõ nguồn gốc.' });
      continue;
    }
    await step(head, 'approve');
    if (d.walk === 'withdrawn') await step(head, 'unpublish');
    if (d.walk === 'archived') await step(head, 'archive');
  }

  // The source regulations, published in full on the portal (the documents database comes later).
  const portal = sites.get('hanoi');
  if (portal !== undefined && created > 0) {
    const head = who('truongban.hanoi@cong.example', accountIds, 'board_head', portal);
    const editor = who('bientap.hanoi@cong.example', accountIds, 'board_member', portal);
    const category = await catId(portal, 'vi', 'pho-bien-phap-luat');
    for (const r of demoRegulations) {
      const text = regulationText(r.file);
      const item = await content.content.create(editor, portal, {
        type: 'guidance',
        lang: 'vi',
        title: `${r.titleVi} (${r.number})`,
        summary: `${r.number} của ${r.issuer}, ban hành ngày ${r.issuedOn.split('-').reverse().join('/')}. Toàn văn đăng để minh họa.`,
        bodyHtml: textToHtml(text),
        fields: { issue_date: r.issuedOn, legal_basis: r.number },
        categoryId: category,
        source: r.issuer,
        authorName: 'Ban Biên tập Cổng (minh họa)',
      });
      await content.content.transition(editor, item.id, 'submit');
      await content.content.transition(editor, item.id, 'take');
      await content.content.transition(head, item.id, 'approve');
      created++;
    }
  }
  return created;
}
