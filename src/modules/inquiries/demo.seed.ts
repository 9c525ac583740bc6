/**
 * Demo citizens' requests (issue #7 point 10): questions, feedback, petitions, a complaint and a
 * denunciation on the portal, the Department of Home Affairs and Ba Đình ward, in every stage —
 * new, being classified, waiting for the citizen, forwarded and still open (some overdue), with a
 * progress notice, under review, answered (on time and late), published with personal data
 * redacted, out of scope, transferred, merged — from the web form, the API, the hotline, a letter
 * and a visit.
 *
 * Each request goes through the real services, acting as the demo accounts (the board, the
 * agencies' responders, the hotline operators), then is moved back in time: received N working
 * days ago, each stage some working days after receipt, its stage deadlines counted again by the
 * calendar from the moved receipt, so the compliance dashboard shows true on-time and late figures.
 * The people, addresses, phone numbers and e-mail addresses are invented (example.com).
 */
import type { Db } from '../../platform/db/create-db.ts';
import { withTx } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Actor, Grant } from '../access/index.ts';
import type { CalendarModule, WorkingCalendar, DueUnit } from '../calendar/index.ts';
import type { AgencyService } from './agencies.service.ts';
import type { HandlingService } from './handling.service.ts';
import type { logOnBehalf, OfficerInput } from './officer-log.ts';
import type { PublicationService } from './publication.service.ts';
import type { SubmissionService } from './submission.service.ts';
import type { InquiryChannel } from '../../platform/db/schema.ts';
import { DEMO_ACCOUNTS as demoAccounts } from '../accounts/index.ts';
import * as repo from './demo.repo.ts';

// ——— The agencies of each demo site ———

export const DEMO_AGENCIES: Record<string, { names: string[]; hotline: string }> = {
  hanoi: {
    names: ['Sở Nội vụ', 'Sở Tài nguyên và Môi trường', 'Sở Xây dựng', 'Sở Giáo dục và Đào tạo', 'Sở Lao động – Thương binh và Xã hội', 'Công an Thành phố'],
    hotline: 'Sở Nội vụ',
  },
  sonoivu: { names: ['Phòng Cải cách hành chính', 'Phòng Công chức, viên chức', 'Phòng Tổ chức bộ máy'], hotline: 'Phòng Cải cách hành chính' },
  phuongbadinh: { names: ['Bộ phận một cửa phường', 'Công an phường', 'Địa chính – Xây dựng'], hotline: 'Bộ phận một cửa phường' },
};

/** Who acts for the board of each site: intake (classify, forward, merge…) and release (approve, publish). */
const BOARD: Record<string, { intake: string; head: string }> = {
  hanoi: { intake: 'bientap.hanoi@cong.example', head: 'truongban.hanoi@cong.example' },
  sonoivu: { intake: 'truongban.sonoivu@cong.example', head: 'truongban.sonoivu@cong.example' },
  phuongbadinh: { intake: 'truongban.phuongbadinh@cong.example', head: 'truongban.phuongbadinh@cong.example' },
};

// ——— The requests ———

/** A moment: `wd` working days before today (receipt) or after the receipt's day (a step), at hh:mm in Việt Nam. */
interface When {
  wd: number;
  at: string;
}

type Step = When &
  (
    | { act: 'classify'; kind: string; field: string }
    | { act: 'needInfo'; message: string }
    | { act: 'outOfScope'; reason: string }
    | { act: 'forward'; agency: string; note?: string }
    | { act: 'transfer'; body: string; note?: string }
    | { act: 'merge'; into: string }
    | { act: 'draft'; html: string }
    | { act: 'answer'; html: string }
    | { act: 'return'; note: string }
    | { act: 'approve' }
    /** The answer date promised: `promisedWd` working days after the seeding day. */
    | { act: 'progress'; text: string; promisedWd: number }
    | { act: 'publish'; title?: string }
  );

export interface DemoInquiry {
  key: string;
  site: string;
  channel: InquiryChannel;
  /** The officer who logs a hotline call, a letter or a visit. */
  loggedBy?: string;
  /** A hotline call routed elsewhere than the site's default agency. */
  hotlineAgency?: string;
  lang?: Lang;
  received: When;
  kind: string;
  field: string;
  /** The agency the citizen addressed, if any. */
  agency?: string;
  title: string;
  body: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  consentPublish: boolean;
  steps: Step[];
}

const NOTE = '<p><em>Nội dung trả lời minh họa của bản trình diễn, không thay thế văn bản hướng dẫn chính thức.</em></p>';
const NOTE_EN = '<p><em>A demo answer; it does not replace official guidance.</em></p>';

export const DEMO_INQUIRIES: DemoInquiry[] = [
  // ——— The portal: answered and published first (later requests merge into them) ———
  {
    key: 'p1',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 32, at: '10:10' },
    kind: 'question',
    field: 'thu-tuc-hanh-chinh',
    agency: 'Công an Thành phố',
    title: 'Đăng ký thường trú cho con về ở cùng bố mẹ tại căn hộ thuê',
    body: 'Vợ chồng tôi đã đăng ký thường trú được 2 năm tại căn hộ thuê ở số 18 ngõ 35 phố Cầu Bươu. Nay con tôi 3 tuổi vẫn đăng ký thường trú ở quê ngoại tại Hưng Yên. Xin hỏi tôi có thể đăng ký thường trú cho cháu về ở cùng bố mẹ tại căn hộ thuê không, chủ nhà có phải đồng ý không, hồ sơ gồm những gì?\nTôi là Đặng Thị Thu Trang, điện thoại 0986 327 410.',
    name: 'Đặng Thị Thu Trang',
    email: 'trang.dang@example.com',
    phone: '0986 327 410',
    address: 'số 18 ngõ 35 phố Cầu Bươu',
    consentPublish: true,
    steps: [
      { wd: 1, at: '09:20', act: 'forward', agency: 'Công an Thành phố' },
      {
        wd: 8,
        at: '15:10',
        act: 'answer',
        html: `<p>Theo khoản 2 Điều 20 Luật Cư trú năm 2020, con về ở với cha, mẹ được đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình khi được chủ hộ và chủ sở hữu chỗ ở hợp pháp đó đồng ý. Vì vậy cháu được đăng ký thường trú cùng bố mẹ tại căn hộ thuê nếu chủ nhà đồng ý.</p><p>Hồ sơ gồm:</p><ul><li>Tờ khai thay đổi thông tin cư trú, trong đó ghi rõ ý kiến đồng ý của chủ hộ và chủ sở hữu chỗ ở (hoặc văn bản đồng ý riêng);</li><li>giấy tờ chứng minh quan hệ cha, mẹ, con (giấy khai sinh), trừ khi thông tin này đã có trong Cơ sở dữ liệu quốc gia về dân cư.</li></ul><p>Hồ sơ nộp tại Công an phường nơi cư trú, hoặc trực tuyến qua Cổng Dịch vụ công quốc gia, ứng dụng VNeID. Thời hạn giải quyết là 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (khoản 3 Điều 22 Luật Cư trú).</p>${NOTE}`,
      },
      { wd: 9, at: '10:30', act: 'approve' },
      { wd: 10, at: '08:45', act: 'publish', title: 'Đăng ký thường trú cho con về ở cùng cha mẹ tại nhà thuê' },
    ],
  },
  {
    key: 'p2',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 36, at: '14:05' },
    kind: 'question',
    field: 'xay-dung',
    title: 'Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ là bao lâu',
    body: 'Tôi đã nộp hồ sơ xin cấp giấy phép xây dựng nhà ở riêng lẻ 4 tầng tại số 9 ngõ 158 phố Ngọc Hà. Xin hỏi cơ quan có thẩm quyền phải cấp phép trong bao nhiêu ngày, nếu quá hạn mà chưa có kết quả thì tôi phải làm gì?\nNgười hỏi: Quách Văn Thắng, 0913 508 762, thang.quach@example.com.',
    name: 'Quách Văn Thắng',
    email: 'thang.quach@example.com',
    phone: '0913 508 762',
    address: 'số 9 ngõ 158 phố Ngọc Hà',
    consentPublish: true,
    steps: [
      { wd: 1, at: '08:40', act: 'forward', agency: 'Sở Xây dựng' },
      {
        wd: 11,
        at: '16:00',
        act: 'answer',
        html: `<p>Theo Điều 102 Luật Xây dựng năm 2014 (sửa đổi, bổ sung năm 2020), thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ là không quá 15 ngày kể từ ngày cơ quan cấp phép nhận đủ hồ sơ hợp lệ.</p><p>Trường hợp đến hạn mà cần xem xét thêm, cơ quan cấp giấy phép phải thông báo bằng văn bản cho chủ đầu tư biết lý do, đồng thời báo cáo cấp có thẩm quyền quản lý trực tiếp để chỉ đạo, nhưng không quá 10 ngày kể từ ngày hết hạn.</p><p>Nếu quá các thời hạn trên mà chưa nhận được kết quả hay văn bản thông báo lý do, Ông/Bà có thể phản ánh với Ủy ban nhân dân phường nơi có công trình (cơ quan cấp phép nhà ở riêng lẻ) hoặc gửi phản ánh, kiến nghị qua Cổng thông tin này, đường dây nóng của Thành phố.</p>${NOTE}`,
      },
      { wd: 12, at: '09:15', act: 'approve' },
      { wd: 13, at: '10:00', act: 'publish' },
    ],
  },
  {
    key: 'p3',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 40, at: '09:40' },
    kind: 'question',
    field: 'giao-duc',
    agency: 'Sở Giáo dục và Đào tạo',
    title: 'Thời gian và cách đăng ký tuyển sinh trực tuyến vào lớp 1',
    body: 'Con tôi năm học tới vào lớp 1. Xin hỏi Thành phố tuyển sinh lớp 1 trực tuyến vào thời gian nào, đăng ký ở đâu và nếu không đăng ký trực tuyến được thì làm thế nào?\nTôi là Mạc Thị Phương, ở số 30 ngõ 219 phố Định Công, điện thoại 0946 118 327.',
    name: 'Mạc Thị Phương',
    email: 'phuong.mac@example.com',
    phone: '0946 118 327',
    address: 'số 30 ngõ 219 phố Định Công',
    consentPublish: true,
    steps: [
      { wd: 1, at: '10:05', act: 'forward', agency: 'Sở Giáo dục và Đào tạo' },
      {
        wd: 6,
        at: '14:20',
        act: 'answer',
        html: `<p>Hằng năm, Sở Giáo dục và Đào tạo ban hành hướng dẫn tuyển sinh vào lớp 1, lớp 6 và lớp 10, trong đó nêu thời gian đăng ký trực tuyến và trực tiếp; tuyển sinh trực tuyến vào lớp 1 thường diễn ra vào đầu tháng 7.</p><p>Cha mẹ học sinh đăng ký trên hệ thống tuyển sinh trực tuyến của Thành phố, dùng mã định danh cá nhân của học sinh. Học sinh được tuyển sinh theo tuyến, căn cứ nơi cư trú của cha mẹ đã được cập nhật trong Cơ sở dữ liệu quốc gia về dân cư.</p><p>Nếu không đăng ký trực tuyến được, cha mẹ nộp hồ sơ trực tiếp tại trường được phân tuyến trong thời gian tuyển sinh trực tiếp ghi trong hướng dẫn.</p>${NOTE}`,
      },
      { wd: 7, at: '08:50', act: 'approve' },
      { wd: 8, at: '11:10', act: 'publish' },
    ],
  },
  {
    key: 'p4',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 28, at: '08:20' },
    kind: 'question',
    field: 'lao-dong-viec-lam',
    agency: 'Sở Lao động – Thương binh và Xã hội',
    title: 'Điều kiện rút bảo hiểm xã hội một lần sau khi nghỉ việc',
    body: 'Tôi đóng bảo hiểm xã hội bắt buộc được 9 năm, từ năm 2016, đến tháng 8/2025 thì nghỉ việc. Xin hỏi tôi có được nhận bảo hiểm xã hội một lần không và khi nào được nộp hồ sơ?\nTôi là Kiều Văn Phúc, CCCD 001089007766, nhà ở số 4 ngõ 10 phố Lạc Trung, điện thoại 0394 226 870.',
    name: 'Kiều Văn Phúc',
    email: 'phuc.kieu@example.com',
    phone: '0394 226 870',
    address: 'số 4 ngõ 10 phố Lạc Trung',
    consentPublish: true,
    steps: [
      { wd: 0, at: '15:30', act: 'forward', agency: 'Sở Lao động – Thương binh và Xã hội' },
      {
        wd: 9,
        at: '10:40',
        act: 'answer',
        html: `<p>Theo khoản 1 Điều 70 Luật Bảo hiểm xã hội năm 2024 (có hiệu lực từ ngày 01/7/2025), người lao động có thời gian đóng bảo hiểm xã hội trước ngày 01/7/2025, sau 12 tháng không thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc, cũng không tham gia bảo hiểm xã hội tự nguyện và có thời gian đóng chưa đủ 20 năm, nếu có yêu cầu thì được hưởng bảo hiểm xã hội một lần.</p><p>Ông/Bà bắt đầu đóng từ năm 2016 và chưa đủ 20 năm, nên sau đủ 12 tháng kể từ khi nghỉ việc mà không tiếp tục tham gia bảo hiểm xã hội thì có thể đề nghị hưởng bảo hiểm xã hội một lần. Hồ sơ nộp tại cơ quan bảo hiểm xã hội nơi cư trú, hoặc trực tuyến qua Cổng Dịch vụ công quốc gia, ứng dụng VssID.</p><p>Trước khi quyết định, Ông/Bà nên cân nhắc việc bảo lưu thời gian đóng để hưởng lương hưu sau này.</p>${NOTE}`,
      },
      { wd: 10, at: '09:00', act: 'approve' },
      { wd: 11, at: '14:00', act: 'publish' },
    ],
  },
  {
    key: 'p5',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 45, at: '10:30' },
    kind: 'question',
    field: 'dat-dai',
    agency: 'Sở Tài nguyên và Môi trường',
    title: 'Thủ tục cấp đổi Giấy chứng nhận quyền sử dụng đất bị rách, mờ',
    body: 'Sổ đỏ của gia đình tôi cấp năm 1998 nay đã bị rách, ố mờ một số chữ. Xin hỏi tôi làm thủ tục cấp đổi ở đâu, cần giấy tờ gì và mất bao lâu?\nTôi là Lò Thị Thanh, nhà số 7 ngõ 2 phố Phan Đình Giót, điện thoại 0972 604 158.',
    name: 'Lò Thị Thanh',
    email: 'thanh.lo@example.com',
    phone: '0972 604 158',
    address: 'số 7 ngõ 2 phố Phan Đình Giót',
    consentPublish: true,
    steps: [
      { wd: 1, at: '11:00', act: 'forward', agency: 'Sở Tài nguyên và Môi trường' },
      {
        wd: 10,
        at: '16:20',
        act: 'answer',
        html: `<p>Theo Luật Đất đai năm 2024 và Nghị định số 101/2024/NĐ-CP, Giấy chứng nhận đã cấp bị ố, nhòe, rách, hư hỏng thuộc trường hợp được cấp đổi.</p><p>Hồ sơ gồm: Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (theo mẫu) và bản gốc Giấy chứng nhận đã cấp.</p><p>Ông/Bà nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân phường, xã hoặc tại Chi nhánh Văn phòng đăng ký đất đai nơi có đất, hoặc trực tuyến qua Cổng Dịch vụ công. Thời hạn giải quyết và lệ phí được niêm yết công khai tại nơi nộp hồ sơ.</p>${NOTE}`,
      },
      { wd: 11, at: '10:15', act: 'approve' },
      { wd: 12, at: '09:30', act: 'publish', title: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất bị rách, mờ' },
    ],
  },
  {
    key: 'p6',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 26, at: '21:05' },
    kind: 'feedback',
    field: 'cai-cach-hanh-chinh',
    title: 'Góp ý: vẫn bị yêu cầu nộp bản sao giấy tờ đã có trong cơ sở dữ liệu dân cư',
    body: 'Tôi đi làm thủ tục ở bộ phận một cửa vẫn bị yêu cầu nộp bản sao có chứng thực giấy khai sinh và sổ hộ khẩu, dù các thông tin này đã có trên VNeID và Cơ sở dữ liệu quốc gia về dân cư. Đề nghị Thành phố chấn chỉnh để người dân không phải đi lại nhiều lần.\nNgười góp ý: Lại Thế Anh, số 22 phố Thái Thịnh, điện thoại 0829 553 104.',
    name: 'Lại Thế Anh',
    email: 'theanh.lai@example.com',
    phone: '0829 553 104',
    address: 'số 22 phố Thái Thịnh',
    consentPublish: true,
    steps: [
      { wd: 1, at: '08:30', act: 'forward', agency: 'Sở Nội vụ' },
      {
        wd: 12,
        at: '15:45',
        act: 'answer',
        html: `<p>Sở Nội vụ cảm ơn và ghi nhận góp ý của Ông/Bà.</p><p>Sổ hộ khẩu, sổ tạm trú giấy đã hết giá trị sử dụng từ ngày 01/01/2023 (khoản 3 Điều 38 Luật Cư trú năm 2020). Theo Nghị định số 104/2022/NĐ-CP, cơ quan giải quyết thủ tục hành chính không được yêu cầu người dân nộp, xuất trình sổ hộ khẩu, sổ tạm trú mà khai thác thông tin cư trú trong Cơ sở dữ liệu quốc gia về dân cư.</p><p>Sở đã đề nghị các cơ quan, đơn vị rà soát, chấn chỉnh việc yêu cầu giấy tờ không cần thiết. Nếu còn gặp trường hợp tương tự, đề nghị Ông/Bà phản ánh qua đường dây nóng hoặc chuyên mục Hỏi đáp, ghi rõ nơi và thời gian làm thủ tục để Sở kiểm tra.</p>${NOTE}`,
      },
      { wd: 13, at: '09:20', act: 'approve' },
      { wd: 14, at: '10:00', act: 'publish', title: 'Không yêu cầu nộp sổ hộ khẩu, bản sao giấy tờ đã có trong cơ sở dữ liệu dân cư' },
    ],
  },
  {
    key: 'h18',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 30, at: '15:15' },
    kind: 'question',
    field: 'dat-dai',
    agency: 'Sở Tài nguyên và Môi trường',
    title: 'Tách thửa đất để tặng cho con cần điều kiện gì',
    body: 'Gia đình tôi có thửa đất 150 m² ở thôn 3, xã Sóc Sơn, đã có sổ đỏ. Tôi muốn tách thửa để tặng cho con trai 60 m². Xin hỏi diện tích tối thiểu được tách thửa ở Hà Nội là bao nhiêu và thủ tục thế nào?\nTôi là Hà Văn Sơn, CCCD 001062012345, điện thoại 0919 442 087.',
    name: 'Hà Văn Sơn',
    email: 'son.ha@example.com',
    phone: '0919 442 087',
    address: 'thôn 3, xã Sóc Sơn',
    consentPublish: true,
    steps: [
      { wd: 1, at: '09:00', act: 'forward', agency: 'Sở Tài nguyên và Môi trường' },
      // Answered after the 15 working days: late on the dashboard.
      {
        wd: 17,
        at: '14:30',
        act: 'answer',
        html: `<p>Điều kiện tách thửa đất được quy định tại Điều 220 Luật Đất đai năm 2024: thửa đất đã được cấp Giấy chứng nhận, còn thời hạn sử dụng, không có tranh chấp, không bị kê biên; thửa đất sau khi tách phải bảo đảm có lối đi và diện tích không nhỏ hơn diện tích tối thiểu do Ủy ban nhân dân Thành phố quy định cho từng loại đất, từng khu vực.</p><p>Ông/Bà nộp hồ sơ đề nghị tách thửa (đơn theo mẫu, bản gốc Giấy chứng nhận) tại Bộ phận Một cửa của Ủy ban nhân dân xã nơi có đất hoặc Chi nhánh Văn phòng đăng ký đất đai; sau khi tách thửa, thực hiện thủ tục tặng cho quyền sử dụng đất đối với thửa đất mới.</p><p>Sở xin lỗi vì trả lời chậm so với thời hạn quy định.</p>${NOTE}`,
      },
      { wd: 18, at: '10:00', act: 'approve' },
      { wd: 19, at: '09:30', act: 'publish', title: 'Điều kiện tách thửa đất ở để tặng cho con' },
    ],
  },
  {
    key: 'h20',
    site: 'hanoi',
    channel: 'web',
    lang: 'en',
    received: { wd: 33, at: '16:20' },
    kind: 'question',
    field: 'thu-tuc-hanh-chinh',
    agency: 'Công an Thành phố',
    title: 'Temporary residence declaration for a foreigner renting a flat',
    body: 'My name is Emily Carter, I am a British teacher and I have just rented a flat at 25 Tran Hung Dao Street. Do I need to declare my temporary residence myself, or does my landlord do it? How soon must it be done, and can it be done online?\nPhone +84 903 456 789, e-mail emily.carter@example.com.',
    name: 'Emily Carter',
    email: 'emily.carter@example.com',
    phone: '+84 903 456 789',
    address: '25 Tran Hung Dao Street',
    consentPublish: true,
    steps: [
      { wd: 1, at: '10:00', act: 'forward', agency: 'Công an Thành phố' },
      {
        wd: 6,
        at: '15:00',
        act: 'answer',
        html: `<p>Under Article 33 of the Law on Entry, Exit, Transit and Residence of Foreigners in Viet Nam, the place where a foreigner stays — here your landlord — declares the foreigner's temporary residence to the ward police, within 12 hours of arrival (24 hours in remote areas).</p><p>You do not have to declare it yourself, but please give your landlord your passport and visa or temporary residence card details promptly. Landlords can declare online through the police's temporary residence declaration service; the ward police can confirm that the declaration was received.</p>${NOTE_EN}`,
      },
      { wd: 7, at: '09:30', act: 'approve' },
      { wd: 8, at: '10:30', act: 'publish', title: 'Temporary residence declaration for foreigners renting a flat' },
    ],
  },

  // ——— The portal: closed without an answer of its own ———
  {
    key: 'h05',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 6, at: '09:12' },
    kind: 'question',
    field: 'tu-phap-ho-tich',
    title: 'Tranh chấp chia thừa kế nhà đất với anh chị em',
    body: 'Bố mẹ tôi mất không để lại di chúc, để lại căn nhà tại số 27 phố Hàng Bạc. Anh trai tôi tự ý cho thuê và không đồng ý chia. Tôi muốn hỏi Thành phố có giải quyết cho tôi được chia phần thừa kế không?\nTôi là Vũ Thị Lan, điện thoại 0977 415 902.',
    name: 'Vũ Thị Lan',
    email: 'lan.vu@example.com',
    phone: '0977 415 902',
    address: 'số 14 ngõ Văn Chương',
    consentPublish: false,
    steps: [
      {
        wd: 0,
        at: '14:30',
        act: 'outOfScope',
        reason:
          'Tranh chấp thừa kế nhà, đất giữa các đồng thừa kế thuộc thẩm quyền giải quyết của Tòa án nhân dân theo pháp luật tố tụng dân sự, không thuộc phạm vi trả lời của Cổng thông tin. Ông/Bà có thể đề nghị hòa giải ở cơ sở hoặc gửi đơn khởi kiện đến Tòa án nhân dân khu vực nơi có nhà, đất.',
      },
    ],
  },
  {
    key: 'h06',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 8, at: '16:45' },
    kind: 'complaint',
    field: 'dat-dai',
    title: 'Khiếu nại quyết định thu hồi đất và mức bồi thường khi mở rộng đường',
    body: 'Tôi là Nguyễn Văn Hùng, chủ hộ sử dụng thửa đất tại số 12 ngõ 34 phố Huế. Ủy ban nhân dân phường đã ban hành quyết định thu hồi 35 m² đất của gia đình để mở rộng đường, nhưng đơn giá bồi thường thấp hơn nhiều so với giá thị trường và chưa tính phần công trình phụ. Tôi khiếu nại quyết định này và đề nghị xem xét lại.\nĐiện thoại 0912 345 678, CCCD 001078004512.',
    name: 'Nguyễn Văn Hùng',
    email: 'hung.nguyen@example.com',
    phone: '0912 345 678',
    address: 'số 12 ngõ 34 phố Huế',
    consentPublish: false,
    steps: [
      {
        wd: 1,
        at: '10:20',
        act: 'transfer',
        body: 'Thanh tra Thành phố Hà Nội',
        note: 'Đơn khiếu nại quyết định hành chính về thu hồi đất, bồi thường được chuyển Thanh tra Thành phố để xử lý theo quy định của Luật Khiếu nại.',
      },
    ],
  },
  {
    key: 'h07',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 10, at: '22:05' },
    kind: 'denunciation',
    field: 'xay-dung',
    title: 'Tố cáo cán bộ gợi ý "bồi dưỡng" để cấp giấy phép xây dựng nhanh',
    body: 'Tôi nộp hồ sơ xin cấp giấy phép xây dựng nhà ở riêng lẻ từ tháng trước, đã quá hạn nhưng chưa có kết quả. Một cán bộ tiếp nhận hồ sơ gọi điện cho tôi nói nếu muốn nhanh thì "bồi dưỡng" 20 triệu đồng. Tôi có ghi âm cuộc gọi. Tôi tố cáo hành vi này và đề nghị xử lý nghiêm.\nNgười tố cáo: Hoàng Văn Minh, số 5 ngách 17/32 phố Khương Hạ, điện thoại 0868 230 517.',
    name: 'Hoàng Văn Minh',
    email: 'minh.hoang@example.com',
    phone: '0868 230 517',
    address: 'số 5 ngách 17/32 phố Khương Hạ',
    consentPublish: false,
    steps: [
      {
        wd: 1,
        at: '08:45',
        act: 'transfer',
        body: 'Giám đốc Sở Xây dựng (người đứng đầu cơ quan quản lý người bị tố cáo)',
        note: 'Đơn tố cáo được chuyển để giải quyết theo Luật Tố cáo; họ tên, địa chỉ và thông tin của người tố cáo được giữ bí mật.',
      },
    ],
  },

  // ——— The portal: waiting for the board ———
  {
    key: 'h01',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 0, at: '07:40' },
    kind: 'question',
    field: 'thu-tuc-hanh-chinh',
    agency: 'Công an Thành phố',
    title: 'Đăng ký thường trú cho con mới sinh khi bố mẹ ở nhà thuê',
    body: 'Tôi hiện thuê nhà tại số 8 ngõ 120 phố Trần Duy Hưng. Con tôi mới sinh được 2 tháng, đã đăng ký khai sinh. Xin hỏi tôi có đăng ký thường trú cho cháu tại nhà thuê được không, hay phải đăng ký về quê nội ở Nam Định? Chủ nhà cần ký giấy tờ gì?\nTôi là Trần Thị Mai, điện thoại 0983 112 457.',
    name: 'Trần Thị Mai',
    email: 'mai.tran84@example.com',
    phone: '0983 112 457',
    address: 'số 8 ngõ 120 phố Trần Duy Hưng',
    consentPublish: true,
    steps: [],
  },
  {
    key: 'h02',
    site: 'hanoi',
    channel: 'api',
    received: { wd: 1, at: '15:20' },
    kind: 'question',
    field: 'dat-dai',
    title: 'Thủ tục cấp Giấy chứng nhận lần đầu cho đất ông bà để lại',
    body: 'Gia đình tôi sử dụng ổn định thửa đất khoảng 80 m² tại thôn Đồng Trì, xã Thanh Trì từ năm 1992, do ông bà để lại, chưa được cấp sổ đỏ. Nay gia đình muốn làm thủ tục cấp Giấy chứng nhận lần đầu. Xin hỏi hồ sơ gồm những gì, nộp ở đâu và có phải nộp tiền sử dụng đất không?\nNgười hỏi: Lê Minh Tuấn, điện thoại 0904 558 213.',
    name: 'Lê Minh Tuấn',
    email: '',
    phone: '0904 558 213',
    address: 'thôn Đồng Trì, xã Thanh Trì',
    consentPublish: true,
    steps: [],
  },
  {
    // Classified but not forwarded within 2 working days: the board's step is overdue.
    key: 'h03',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 4, at: '20:15' },
    kind: 'feedback',
    field: 'khac',
    title: 'Tuyển sinh lớp 1 khi nơi thường trú và nơi ở thực tế khác nhau',
    body: 'Gia đình tôi thường trú ở phường Ba Đình nhưng đang ở thực tế tại số 15 ngõ 6 phố Vĩnh Phúc. Năm học tới con tôi vào lớp 1. Xin hỏi cháu được tuyển sinh theo nơi thường trú hay nơi ở thực tế, và đăng ký trực tuyến vào thời gian nào?\nTôi là Phạm Thu Hà, điện thoại 0936 204 118.',
    name: 'Phạm Thu Hà',
    email: 'thuha.pham@example.com',
    phone: '0936 204 118',
    address: 'số 15 ngõ 6 phố Vĩnh Phúc',
    consentPublish: true,
    steps: [{ wd: 1, at: '16:50', act: 'classify', kind: 'question', field: 'giao-duc' }],
  },
  {
    key: 'h04',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 2, at: '10:05' },
    kind: 'petition',
    field: 'xay-dung',
    title: 'Công trình xây dựng đổ bê tông, gây tiếng ồn sau 22 giờ',
    body: 'Gần nhà tôi có công trình đang xây dựng, đêm nào cũng đổ bê tông và chạy máy đến 23–24 giờ, gia đình có người già và trẻ nhỏ không ngủ được. Đề nghị cơ quan chức năng kiểm tra, xử lý.\nNgười phản ánh: Đỗ Văn Khánh, điện thoại 0915 773 026.',
    name: 'Đỗ Văn Khánh',
    email: 'khanh.do@example.com',
    phone: '0915 773 026',
    address: '',
    consentPublish: false,
    steps: [
      {
        wd: 1,
        at: '09:30',
        act: 'needInfo',
        message:
          'Đề nghị Ông/Bà cho biết địa chỉ cụ thể của công trình (số nhà, tên phố, phường) và tên chủ đầu tư hoặc đơn vị thi công ghi trên biển báo công trình (nếu có), để chuyển đúng cơ quan có thẩm quyền kiểm tra.',
      },
    ],
  },

  // ——— The portal: with the agencies ———
  {
    key: 'h08',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 5, at: '11:30' },
    kind: 'question',
    field: 'dat-dai',
    title: 'Có bắt buộc đổi sổ đỏ cũ sang mẫu Giấy chứng nhận mới không',
    body: 'Gia đình tôi có Giấy chứng nhận quyền sử dụng đất cấp năm 2003. Xin hỏi theo Luật Đất đai năm 2024 có bắt buộc phải đổi sang mẫu Giấy chứng nhận mới không, nếu đổi thì mất bao lâu và lệ phí bao nhiêu?\nTôi là Bùi Thị Hằng, nhà số 3 ngõ 55 phố Hoàng Hoa Thám, điện thoại 0947 660 381.',
    name: 'Bùi Thị Hằng',
    email: 'hang.bui@example.com',
    phone: '0947 660 381',
    address: 'số 3 ngõ 55 phố Hoàng Hoa Thám',
    consentPublish: true,
    steps: [{ wd: 1, at: '09:10', act: 'forward', agency: 'Sở Tài nguyên và Môi trường' }],
  },
  {
    // Forwarded on time, not answered within 15 working days: overdue; a draft is saved.
    key: 'h09',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 22, at: '10:40' },
    kind: 'question',
    field: 'xay-dung',
    title: 'Sửa chữa mái và cầu thang trong nhà có phải xin giấy phép xây dựng',
    body: 'Nhà tôi 3 tầng ở số 46 ngõ 91 phố Nguyễn Chí Thanh, nay muốn thay mái tôn tầng 3 và làm lại cầu thang bên trong, không thay đổi kết cấu chịu lực. Xin hỏi có phải xin giấy phép xây dựng không? Nếu phải thì nộp hồ sơ ở đâu?\nNgười hỏi: Đinh Quang Vinh, điện thoại 0989 347 120.',
    name: 'Đinh Quang Vinh',
    email: 'vinh.dinh@example.com',
    phone: '0989 347 120',
    address: 'số 46 ngõ 91 phố Nguyễn Chí Thanh',
    consentPublish: true,
    steps: [
      { wd: 1, at: '14:00', act: 'forward', agency: 'Sở Xây dựng', note: 'Đề nghị trả lời kèm căn cứ về các trường hợp miễn giấy phép xây dựng.' },
      {
        wd: 16,
        at: '11:20',
        act: 'draft',
        html: '<p>Theo điểm h khoản 2 Điều 89 Luật Xây dựng, công trình sửa chữa, cải tạo bên trong không làm thay đổi kết cấu chịu lực được miễn giấy phép xây dựng… (dự thảo, đang lấy ý kiến phòng chuyên môn)</p>',
      },
    ],
  },
  {
    // Forwarded late (after 4 working days) and still not answered: both stages late.
    key: 'h10',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 25, at: '08:55' },
    kind: 'question',
    field: 'lao-dong-viec-lam',
    agency: 'Sở Lao động – Thương binh và Xã hội',
    title: 'Nghỉ việc bao lâu thì được giải quyết bảo hiểm xã hội một lần',
    body: 'Tôi làm công nhân ở khu công nghiệp Thăng Long, đóng bảo hiểm xã hội được 7 năm, đã nghỉ việc từ tháng 3. Xin hỏi theo Luật Bảo hiểm xã hội mới tôi có được rút bảo hiểm xã hội một lần không, cần chờ bao lâu?\nTôi là Ngô Thị Huyền, CCCD 034190006728, điện thoại 0358 902 114.',
    name: 'Ngô Thị Huyền',
    email: 'huyen.ngo@example.com',
    phone: '0358 902 114',
    address: 'thôn Bắc, xã Đông Anh',
    consentPublish: true,
    steps: [{ wd: 4, at: '16:30', act: 'forward', agency: 'Sở Lao động – Thương binh và Xã hội' }],
  },
  {
    key: 'h14',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 16, at: '13:50' },
    kind: 'question',
    field: 'xay-dung',
    title: 'Đất nằm trong quy hoạch mở rộng đường có được cấp giấy phép xây dựng có thời hạn',
    body: 'Gia đình tôi có thửa đất 62 m² tại tổ dân phố 5, phường Phú Thượng, đã có sổ đỏ. Khi xin giấy phép xây dựng, tôi được trả lời là thửa đất nằm trong phạm vi quy hoạch mở rộng đường nhưng chưa có quyết định thu hồi. Xin hỏi trường hợp này có được cấp giấy phép xây dựng có thời hạn không, được xây mấy tầng?\nTôi là Lương Thị Thoa, điện thoại 0962 135 790, thoa.luong@example.com.',
    name: 'Lương Thị Thoa',
    email: 'thoa.luong@example.com',
    phone: '0962 135 790',
    address: 'tổ dân phố 5, phường Phú Thượng',
    consentPublish: true,
    steps: [
      { wd: 1, at: '10:00', act: 'forward', agency: 'Sở Xây dựng' },
      {
        wd: 13,
        at: '16:10',
        act: 'progress',
        text: 'Nội dung câu hỏi cần đối chiếu bản đồ quy hoạch phân khu và lấy ý kiến Ủy ban nhân dân phường Phú Thượng về tiến độ dự án mở rộng đường. Sở Xây dựng sẽ trả lời Ông/Bà chậm nhất vào ngày hẹn.',
        promisedWd: 6,
      },
    ],
  },
  {
    key: 'h15',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 9, at: '19:30' },
    kind: 'question',
    field: 'giao-duc',
    agency: 'Sở Giáo dục và Đào tạo',
    title: 'Học sinh chuyển từ tỉnh khác có được tuyển sinh lớp 6 trường công lập',
    body: 'Con tôi đang học lớp 5 ở Thái Bình, hè này cả gia đình chuyển lên Hà Nội sinh sống, đã đăng ký tạm trú tại số 21 ngõ 72 phố Tôn Thất Tùng. Xin hỏi cháu có được đăng ký tuyển sinh vào lớp 6 trường trung học cơ sở công lập gần nơi tạm trú không, hồ sơ cần những gì?\nNgười hỏi: Tạ Văn Đức, điện thoại 0931 246 805.',
    name: 'Tạ Văn Đức',
    email: 'duc.ta@example.com',
    phone: '0931 246 805',
    address: 'số 21 ngõ 72 phố Tôn Thất Tùng',
    consentPublish: true,
    steps: [
      { wd: 1, at: '08:30', act: 'forward', agency: 'Sở Giáo dục và Đào tạo' },
      {
        wd: 7,
        at: '15:00',
        act: 'answer',
        html: `<p>Học sinh có cha mẹ đăng ký tạm trú tại Hà Nội được đăng ký tuyển sinh vào lớp 6 theo tuyến tại nơi cư trú, theo hướng dẫn tuyển sinh hằng năm của Sở Giáo dục và Đào tạo. Hồ sơ gồm đơn đăng ký tuyển sinh, học bạ tiểu học và giấy tờ về nơi cư trú nếu thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư.</p>${NOTE}`,
      },
    ],
  },
  {
    // The board returned the draft answer: back with the agency, still on time.
    key: 'h16',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 6, at: '10:45' },
    kind: 'question',
    field: 'cai-cach-hanh-chinh',
    agency: 'Sở Nội vụ',
    title: 'Bằng đại học hệ đào tạo từ xa có được dự tuyển công chức',
    body: 'Tôi tốt nghiệp đại học ngành kế toán hệ đào tạo từ xa năm 2022. Xin hỏi bằng này có được dùng để đăng ký dự tuyển công chức Thành phố năm tới không?\nTôi là Kim Thị Hồng Nhung, nhung.kim@example.com.',
    name: 'Kim Thị Hồng Nhung',
    email: 'nhung.kim@example.com',
    phone: '',
    address: '',
    consentPublish: true,
    steps: [
      { wd: 1, at: '14:20', act: 'forward', agency: 'Sở Nội vụ' },
      {
        wd: 3,
        at: '10:00',
        act: 'answer',
        html: '<p>Văn bằng đại học hệ từ xa có giá trị pháp lý như các văn bằng khác và được dùng để dự tuyển công chức.</p>',
      },
      {
        wd: 4,
        at: '09:15',
        act: 'return',
        note: 'Đề nghị nêu căn cứ pháp lý về giá trị văn bằng giáo dục từ xa và dẫn thông báo tuyển dụng công chức của Sở để công dân tra cứu.',
      },
    ],
  },
  {
    key: 'h19',
    site: 'hanoi',
    channel: 'letter',
    loggedBy: 'bientap.hanoi@cong.example',
    received: { wd: 24, at: '09:00' },
    kind: 'petition',
    field: 'giao-thong',
    title: 'Kiến nghị lắp đèn tín hiệu giao thông tại nút giao gần trường tiểu học',
    body: 'Thư của các hộ dân tổ dân phố 12 gửi qua bưu điện: nút giao giữa phố Chùa Láng và ngõ 80 gần trường tiểu học, giờ tan học rất đông, xe máy đi nhanh, đã xảy ra va chạm. Đề nghị lắp đèn tín hiệu giao thông hoặc bố trí người phân luồng giờ cao điểm.\nNgười đại diện: ông Cù Văn Thịnh, số 6 ngách 3 ngõ 80 phố Chùa Láng, điện thoại 024 3775 1234.',
    name: 'Cù Văn Thịnh',
    email: '',
    phone: '024 3775 1234',
    address: 'số 6 ngách 3 ngõ 80 phố Chùa Láng',
    consentPublish: false,
    steps: [
      { wd: 1, at: '15:00', act: 'forward', agency: 'Sở Xây dựng' },
      {
        wd: 12,
        at: '10:00',
        act: 'answer',
        html: `<p>Sở Xây dựng đã phối hợp với Ủy ban nhân dân phường Láng và lực lượng cảnh sát giao thông kiểm tra hiện trường. Trong tháng tới, Sở bổ sung biển báo khu vực trường học, vạch sơn giảm tốc và đề nghị Công an phường bố trí lực lượng phân luồng giờ tan học; việc lắp đèn tín hiệu được đưa vào kế hoạch tổ chức giao thông năm sau.</p>${NOTE}`,
      },
      { wd: 13, at: '16:00', act: 'approve' },
    ],
  },

  // ——— The portal's hotline ———
  {
    key: 'h11',
    site: 'hanoi',
    channel: 'hotline',
    loggedBy: 'duongdaynong.hanoi@cong.example',
    received: { wd: 3, at: '10:12' },
    kind: 'feedback',
    field: 'thai-do-can-bo',
    title: 'Phản ánh thái độ cán bộ tiếp nhận hồ sơ tại bộ phận một cửa',
    body: 'Người gọi phản ánh: khi nộp hồ sơ đăng ký biến động đất đai tại bộ phận một cửa, cán bộ tiếp nhận trả lời cộc lốc, không hướng dẫn thành phần hồ sơ còn thiếu mà yêu cầu về tự tìm hiểu trên mạng. Người gọi đề nghị chấn chỉnh thái độ phục vụ. Người gọi xưng là chị Nguyễn Thị Bích, số điện thoại 0975 318 644.',
    name: 'Nguyễn Thị Bích',
    email: '',
    phone: '0975 318 644',
    address: '',
    consentPublish: false,
    steps: [],
  },
  {
    // A hotline call routed to another agency, not answered within 15 working days.
    key: 'h12',
    site: 'hanoi',
    channel: 'hotline',
    loggedBy: 'duongdaynong.hanoi@cong.example',
    hotlineAgency: 'Sở Tài nguyên và Môi trường',
    received: { wd: 18, at: '14:25' },
    kind: 'petition',
    field: 'thu-tuc-hanh-chinh',
    title: 'Hồ sơ đăng ký sang tên quyền sử dụng đất quá hẹn chưa trả kết quả',
    body: 'Người gọi cho biết đã nộp hồ sơ đăng ký biến động (sang tên do nhận chuyển nhượng) tại Chi nhánh Văn phòng đăng ký đất đai hơn 30 ngày, giấy hẹn đã quá hạn nhưng chưa nhận được kết quả, cũng không có văn bản xin lỗi, hẹn lại. Đề nghị kiểm tra, trả kết quả. Người gọi: ông Trương Văn Lộc, 0912 807 335.',
    name: 'Trương Văn Lộc',
    email: '',
    phone: '0912 807 335',
    address: '',
    consentPublish: false,
    steps: [],
  },
  {
    key: 'h13',
    site: 'hanoi',
    channel: 'hotline',
    loggedBy: 'duongdaynong.hanoi@cong.example',
    hotlineAgency: 'Công an Thành phố',
    received: { wd: 14, at: '09:05' },
    kind: 'question',
    field: 'thu-tuc-hanh-chinh',
    title: 'Làm thẻ căn cước cho con dưới 14 tuổi',
    body: 'Người gọi hỏi: con 10 tuổi có bắt buộc làm thẻ căn cước không; nếu muốn làm để đi máy bay thì làm ở đâu, có phải đưa cháu đến không. Người gọi: chị Phan Thị Ngọc, 0388 574 201.',
    name: 'Phan Thị Ngọc',
    email: '',
    phone: '0388 574 201',
    address: '',
    consentPublish: false,
    steps: [
      {
        wd: 4,
        at: '15:40',
        act: 'answer',
        html: `<p>Theo Luật Căn cước năm 2023, công dân Việt Nam dưới 14 tuổi được cấp thẻ căn cước nếu có nhu cầu, không bắt buộc. Cha, mẹ hoặc người giám hộ làm thủ tục cho con tại cơ quan quản lý căn cước của Công an nơi cư trú, hoặc trực tuyến qua Cổng Dịch vụ công quốc gia, ứng dụng VNeID.</p><p>Trẻ từ đủ 6 tuổi đến dưới 14 tuổi phải cùng cha, mẹ đến để thu nhận thông tin nhân dạng và sinh trắc học; trẻ dưới 6 tuổi không phải thu nhận sinh trắc học.</p>${NOTE}`,
      },
      { wd: 5, at: '09:00', act: 'approve' },
    ],
  },

  // ——— The portal: duplicates, merged ———
  {
    // Into p5, already answered: the citizen gets that answer at once.
    key: 'd1',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 12, at: '11:00' },
    kind: 'question',
    field: 'dat-dai',
    title: 'Hỏi thủ tục cấp đổi sổ đỏ bị rách',
    body: 'Giấy chứng nhận quyền sử dụng đất nhà tôi bị rách mất một góc. Xin hỏi làm lại ở đâu, hồ sơ gồm những gì?\nTôi là Mẫn Văn Quý, số 40 phố Hàng Chuối, điện thoại 0916 732 480.',
    name: 'Mẫn Văn Quý',
    email: 'quy.man@example.com',
    phone: '0916 732 480',
    address: 'số 40 phố Hàng Chuối',
    consentPublish: true,
    steps: [{ wd: 1, at: '10:00', act: 'merge', into: 'p5' }],
  },
  {
    // Into h09, still open: it waits for that answer.
    key: 'd2',
    site: 'hanoi',
    channel: 'web',
    received: { wd: 14, at: '17:30' },
    kind: 'question',
    field: 'xay-dung',
    title: 'Thay mái tôn và sửa cầu thang trong nhà có cần giấy phép xây dựng không',
    body: 'Tôi muốn thay mái tôn và sửa lại cầu thang trong nhà ống 3 tầng ở số 17 ngõ 1 phố Thái Hà, không thay đổi kết cấu. Có phải xin phép xây dựng không ạ?\nNgười hỏi: Thân Thị Lý, điện thoại 0367 905 211.',
    name: 'Thân Thị Lý',
    email: 'ly.than@example.com',
    phone: '0367 905 211',
    address: 'số 17 ngõ 1 phố Thái Hà',
    consentPublish: true,
    steps: [{ wd: 1, at: '09:00', act: 'merge', into: 'h09' }],
  },

  // ——— Sở Nội vụ ———
  {
    key: 's4',
    site: 'sonoivu',
    channel: 'web',
    received: { wd: 19, at: '09:30' },
    kind: 'feedback',
    field: 'cai-cach-hanh-chinh',
    title: 'Góp ý: Cổng Dịch vụ công hay báo lỗi khi nộp hồ sơ vào cuối ngày',
    body: 'Tôi nhiều lần nộp hồ sơ trực tuyến vào khoảng 16–17 giờ thì hệ thống báo lỗi, phải nộp lại từ đầu, mất hết tệp đã tải lên. Đề nghị khắc phục và cho phép lưu nháp hồ sơ.\nNgười góp ý: Văn Đức Long, số 11 ngõ 29 phố Võng Thị, điện thoại 0917 280 645.',
    name: 'Văn Đức Long',
    email: 'long.van@example.com',
    phone: '0917 280 645',
    address: 'số 11 ngõ 29 phố Võng Thị',
    consentPublish: true,
    steps: [
      { wd: 1, at: '10:10', act: 'forward', agency: 'Phòng Cải cách hành chính' },
      {
        wd: 7,
        at: '14:40',
        act: 'answer',
        html: `<p>Sở Nội vụ cảm ơn góp ý của Ông/Bà. Qua kiểm tra, vào cuối giờ chiều hệ thống tiếp nhận lượng hồ sơ lớn nên có lúc phản hồi chậm, dẫn đến lỗi khi tải tệp dung lượng lớn.</p><p>Sở đã đề nghị đơn vị vận hành nâng cấp hạ tầng và bổ sung chức năng lưu nháp hồ sơ, dự kiến hoàn thành trong quý tới. Trong thời gian này, Ông/Bà nên nén tệp trước khi tải lên; nếu vẫn gặp lỗi, đề nghị liên hệ tổng đài hỗ trợ dịch vụ công để được hướng dẫn.</p>${NOTE}`,
      },
      { wd: 8, at: '09:00', act: 'approve' },
      { wd: 9, at: '10:20', act: 'publish' },
    ],
  },
  {
    key: 's2',
    site: 'sonoivu',
    channel: 'web',
    received: { wd: 21, at: '10:00' },
    kind: 'question',
    field: 'thu-tuc-hanh-chinh',
    agency: 'Phòng Công chức, viên chức',
    title: 'Con của thương binh có được ưu tiên khi thi tuyển công chức',
    body: 'Tôi là con của thương binh, dự định đăng ký thi tuyển công chức năm tới. Xin hỏi tôi có được cộng điểm ưu tiên không và cần nộp giấy tờ gì để chứng minh?\nTôi là Khổng Minh Châu, điện thoại 0903 771 264.',
    name: 'Khổng Minh Châu',
    email: 'chau.khong@example.com',
    phone: '0903 771 264',
    address: '',
    consentPublish: true,
    steps: [
      { wd: 1, at: '09:00', act: 'forward', agency: 'Phòng Công chức, viên chức' },
      {
        wd: 6,
        at: '16:00',
        act: 'answer',
        html: `<p>Theo quy định hiện hành về tuyển dụng công chức, con của thương binh thuộc đối tượng ưu tiên và được cộng điểm vào kết quả điểm thi vòng 2; mức điểm cộng cụ thể được nêu trong thông báo tuyển dụng.</p><p>Khi đăng ký dự tuyển, Ông/Bà khai đối tượng ưu tiên trong Phiếu đăng ký dự tuyển; nếu trúng tuyển, Ông/Bà xuất trình giấy tờ chứng nhận đối tượng ưu tiên (giấy chứng nhận thương binh của cha hoặc mẹ và giấy tờ chứng minh quan hệ) khi hoàn thiện hồ sơ.</p>${NOTE}`,
      },
      { wd: 7, at: '10:30', act: 'approve' },
      { wd: 8, at: '09:00', act: 'publish', title: 'Ưu tiên trong thi tuyển công chức đối với con của thương binh' },
    ],
  },
  {
    key: 's3',
    site: 'sonoivu',
    channel: 'web',
    received: { wd: 23, at: '14:40' },
    kind: 'question',
    field: 'lao-dong-viec-lam',
    agency: 'Phòng Công chức, viên chức',
    title: 'Điều kiện nâng bậc lương trước thời hạn do lập thành tích',
    body: 'Tôi là viên chức giáo viên tại một trường trung học cơ sở, năm học vừa qua được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố. Xin hỏi tôi có được xét nâng bậc lương trước thời hạn không?\nTôi tên Ninh Thị Vân, điện thoại 0345 117 093.',
    name: 'Ninh Thị Vân',
    email: 'van.ninh@example.com',
    phone: '0345 117 093',
    address: '',
    consentPublish: true,
    steps: [{ wd: 2, at: '10:30', act: 'forward', agency: 'Phòng Công chức, viên chức' }],
  },
  {
    key: 's1',
    site: 'sonoivu',
    channel: 'hotline',
    loggedBy: 'duongdaynong.sonoivu@cong.example',
    received: { wd: 2, at: '08:50' },
    kind: 'feedback',
    field: 'cai-cach-hanh-chinh',
    title: 'Phản ánh phải chờ lâu tại điểm tiếp nhận hồ sơ',
    body: 'Người gọi phản ánh phải chờ gần 2 tiếng để được tiếp nhận hồ sơ tại điểm tiếp nhận của Trung tâm Phục vụ hành chính công, máy lấy số thứ tự bị hỏng, không có người hướng dẫn. Người gọi: anh Tăng Văn Hải, 0985 640 372.',
    name: 'Tăng Văn Hải',
    email: '',
    phone: '0985 640 372',
    address: '',
    consentPublish: false,
    steps: [],
  },

  // ——— Phường Ba Đình ———
  {
    key: 'w1',
    site: 'phuongbadinh',
    channel: 'web',
    received: { wd: 15, at: '08:45' },
    kind: 'question',
    field: 'tu-phap-ho-tich',
    title: 'Chứng thực bản sao giấy tờ có lấy ngay trong ngày không',
    body: 'Tôi cần chứng thực 5 bản sao bằng tốt nghiệp và giấy khai sinh để nộp hồ sơ xin việc. Xin hỏi phường có chứng thực lấy ngay trong ngày không, lệ phí bao nhiêu?\nTôi là Nghiêm Thị Hạnh, số 18 phố Đội Cấn, điện thoại 0961 840 223.',
    name: 'Nghiêm Thị Hạnh',
    email: 'hanh.nghiem@example.com',
    phone: '0961 840 223',
    address: 'số 18 phố Đội Cấn',
    consentPublish: true,
    steps: [
      { wd: 0, at: '14:00', act: 'forward', agency: 'Bộ phận một cửa phường' },
      {
        wd: 2,
        at: '10:30',
        act: 'answer',
        html: `<p>Theo Nghị định số 23/2015/NĐ-CP, việc chứng thực bản sao từ bản chính được thực hiện ngay trong ngày tiếp nhận yêu cầu, hoặc trong ngày làm việc tiếp theo nếu yêu cầu được tiếp nhận sau 15 giờ.</p><p>Lệ phí chứng thực bản sao từ bản chính là 2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa 200.000 đồng/bản (Thông tư số 226/2016/TT-BTC).</p><p>Ông/Bà mang bản chính và bản sao cần chứng thực đến Bộ phận Một cửa của phường trong giờ hành chính.</p>${NOTE}`,
      },
      { wd: 3, at: '08:30', act: 'approve' },
      { wd: 4, at: '09:00', act: 'publish' },
    ],
  },
  {
    key: 'w2',
    site: 'phuongbadinh',
    channel: 'web',
    received: { wd: 21, at: '19:10' },
    kind: 'petition',
    field: 'xay-dung',
    title: 'Nhà bên cạnh xây dựng lấn sang đất và làm nứt tường nhà tôi',
    body: 'Hộ gia đình số 35 ngõ 5 phố Nguyễn Trường Tộ đang xây nhà 5 tầng, phần móng lấn sang đất nhà tôi khoảng 20 cm và làm nứt tường tầng 1. Tôi đã đề nghị dừng thi công nhưng chủ nhà không hợp tác. Đề nghị phường kiểm tra, xử lý.\nTôi là Bạch Văn Toàn, nhà số 37 ngõ 5 phố Nguyễn Trường Tộ, điện thoại 0984 392 617.',
    name: 'Bạch Văn Toàn',
    email: 'toan.bach@example.com',
    phone: '0984 392 617',
    address: 'số 37 ngõ 5 phố Nguyễn Trường Tộ',
    consentPublish: false,
    steps: [{ wd: 1, at: '09:45', act: 'forward', agency: 'Địa chính – Xây dựng', note: 'Đề nghị kiểm tra hiện trường, lập biên bản trước khi trả lời.' }],
  },
  {
    key: 'w3',
    site: 'phuongbadinh',
    channel: 'web',
    received: { wd: 19, at: '07:55' },
    kind: 'petition',
    field: 'xay-dung',
    title: 'Công trình ở ngõ 5 phố Nguyễn Trường Tộ làm nứt nhà liền kề',
    body: 'Công trình nhà số 35 ngõ 5 phố Nguyễn Trường Tộ đang thi công móng làm rung, nứt tường các nhà xung quanh. Đề nghị phường kiểm tra.\nNgười phản ánh: ông Ích Văn Sáu, nhà số 39 ngõ 5 phố Nguyễn Trường Tộ, điện thoại 0387 221 560.',
    name: 'Ích Văn Sáu',
    email: '',
    phone: '0387 221 560',
    address: 'số 39 ngõ 5 phố Nguyễn Trường Tộ',
    consentPublish: false,
    steps: [{ wd: 1, at: '08:30', act: 'merge', into: 'w2' }],
  },
  {
    key: 'w5',
    site: 'phuongbadinh',
    channel: 'in_person',
    loggedBy: 'truongban.phuongbadinh@cong.example',
    received: { wd: 11, at: '09:30' },
    kind: 'question',
    field: 'lao-dong-viec-lam',
    title: 'Trợ cấp hằng tháng cho người cao tuổi không có lương hưu',
    body: 'Bà Kha Thị Nhàn, 76 tuổi, đến trụ sở phường hỏi: bà không có lương hưu, không hưởng trợ cấp bảo hiểm xã hội hằng tháng thì có được nhận trợ cấp hằng tháng của Nhà nước không, thủ tục thế nào. Bà ở số 2 ngõ Hàng Bún; số điện thoại của con trai bà: 0904 312 876.',
    name: 'Kha Thị Nhàn',
    email: '',
    phone: '0904 312 876',
    address: 'số 2 ngõ Hàng Bún',
    consentPublish: false,
    steps: [
      { wd: 0, at: '10:15', act: 'forward', agency: 'Bộ phận một cửa phường' },
      {
        wd: 4,
        at: '15:30',
        act: 'answer',
        html: `<p>Theo Luật Bảo hiểm xã hội năm 2024, công dân Việt Nam từ đủ 75 tuổi trở lên, không hưởng lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng và đáp ứng các điều kiện khác theo quy định thì được hưởng trợ cấp hưu trí xã hội hằng tháng.</p><p>Bà hoặc người thân nộp tờ khai đề nghị hưởng trợ cấp tại Bộ phận Một cửa của phường; cán bộ phường sẽ hướng dẫn và có thể đến tận nhà hỗ trợ nếu bà đi lại khó khăn.</p>${NOTE}`,
      },
      { wd: 5, at: '08:30', act: 'approve' },
    ],
  },
  {
    key: 'w6',
    site: 'phuongbadinh',
    channel: 'web',
    received: { wd: 4, at: '12:30' },
    kind: 'question',
    field: 'thu-tuc-hanh-chinh',
    title: 'Đăng ký tạm trú cho sinh viên thuê trọ',
    body: 'Tôi có 3 phòng cho sinh viên thuê tại số 23 ngõ 12 phố Đào Tấn. Xin hỏi tôi hay sinh viên phải đăng ký tạm trú, có làm trực tuyến được không?\nTôi là Tôn Nữ Diệu Linh, điện thoại 0932 555 846.',
    name: 'Tôn Nữ Diệu Linh',
    email: 'linh.ton@example.com',
    phone: '0932 555 846',
    address: 'số 23 ngõ 12 phố Đào Tấn',
    consentPublish: true,
    steps: [{ wd: 1, at: '08:15', act: 'forward', agency: 'Công an phường' }],
  },
  {
    key: 'w4',
    site: 'phuongbadinh',
    channel: 'web',
    received: { wd: 1, at: '21:40' },
    kind: 'petition',
    field: 'giao-thong',
    title: 'Quán ăn lấn chiếm vỉa hè trên phố Quán Thánh',
    body: 'Buổi tối, quán ăn ở đầu phố Quán Thánh bày bàn ghế kín vỉa hè, người đi bộ phải xuống lòng đường rất nguy hiểm. Đề nghị phường xử lý.\nNgười phản ánh: Dư Thị Liên, điện thoại 0396 508 114.',
    name: 'Dư Thị Liên',
    email: 'lien.du@example.com',
    phone: '0396 508 114',
    address: '',
    consentPublish: true,
    steps: [],
  },
];

// ——— Time ———

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const vnDay = (t: Date): string => new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const vnMoment = (day: string, hhmm: string): Date => new Date(`${day}T${hhmm}:00+07:00`);

/** The `n`-th working day before `day` (0: `day` itself, or the working day before it). */
function workingDayBefore(cal: WorkingCalendar, day: string, n: number): string {
  let d = day;
  while (!cal.isWorkingDay(d)) d = addDays(d, -1);
  for (let i = 0; i < n; i++) {
    do d = addDays(d, -1);
    while (!cal.isWorkingDay(d));
  }
  return d;
}

/** The `n`-th working day after `day` (0: `day` itself). */
function workingDayAfter(cal: WorkingCalendar, day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n; i++) {
    do d = addDays(d, 1);
    while (!cal.isWorkingDay(d));
  }
  return d;
}

/**
 * The intended moments of a request's receipt and steps, all in the past and in order: a moment
 * that would fall after now (a step "today" at a later hour) is pulled back before the next one.
 */
export function intendedMoments(cal: WorkingCalendar, d: Pick<DemoInquiry, 'received' | 'steps'>, now: Date): Date[] {
  const receivedDay = workingDayBefore(cal, vnDay(now), d.received.wd);
  const out = [vnMoment(receivedDay, d.received.at), ...d.steps.map((s) => vnMoment(workingDayAfter(cal, receivedDay, s.wd), s.at))];
  for (let i = 1; i < out.length; i++) if (out[i]!.getTime() <= out[i - 1]!.getTime()) out[i] = new Date(out[i - 1]!.getTime() + MINUTE_MS);
  let limit = now.getTime() - 5 * MINUTE_MS;
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]!.getTime() > limit) out[i] = new Date(limit);
    limit = out[i]!.getTime() - MINUTE_MS;
  }
  return out;
}

/** Waits until the clock has moved past `t`, so that the next step's timestamps are all after it. */
async function pastMoment(t: Date): Promise<void> {
  while (Date.now() <= t.getTime()) await new Promise((resolve) => setImmediate(resolve));
}

// ——— Seeding ———

export interface InquiryDemoDeps {
  db: Db;
  inquiries: {
    submission: SubmissionService;
    handling: HandlingService;
    publication: PublicationService;
    agencies: AgencyService;
    statusUrl: (siteId: number, lang: Lang) => Promise<string>;
    logOnBehalf: (actor: Actor, input: OfficerInput) => ReturnType<typeof logOnBehalf>;
  };
  calendar: Pick<CalendarModule, 'calendar'>;
}

const SYSTEM: Actor = { kind: 'system', label: 'seed-demo' };

/**
 * Seeds the demo requests on the demo sites that have none yet (and the demo's agencies those
 * sites lack); returns how many requests were created.
 */
export async function seedDemoInquiries(deps: InquiryDemoDeps, sites: ReadonlyMap<string, number>, accountIds: ReadonlyMap<string, number>): Promise<number> {
  const { inquiries } = deps;
  const cal = await deps.calendar.calendar.calendar();
  const mailBefore = await repo.lastMailId(deps.db);

  // The directory units of the agencies, by site and name (filled as each site's agencies are read).
  const unitIds = new Map<string, number>();
  const person = (email: string): Actor | undefined => {
    const def = demoAccounts.find((a) => a.email === email);
    const id = accountIds.get(email);
    if (!def || id === undefined) return undefined;
    const grants: Grant[] = def.grants.map((g) => {
      const siteId = g.siteCode === null ? null : (sites.get(g.siteCode) ?? -1);
      return { role: g.role, siteId, unit: g.unit ?? null, unitId: g.unit ? (unitIds.get(`${siteId}:${g.unit}`) ?? null) : null };
    });
    return { kind: 'person', accountId: id, email, ip: '', sessionId: null, grants };
  };
  const responder = (site: string, agency: string): Actor => {
    const def = demoAccounts.find((a) => a.grants.some((g) => g.siteCode === site && g.role === 'agency_responder' && g.unit === agency));
    return (def && person(def.email)) ?? { kind: 'system', label: `${agency} (minh họa)` };
  };

  let created = 0;
  for (const [code, agencyNames] of Object.entries(DEMO_AGENCIES)) {
    const siteId = sites.get(code);
    if (siteId === undefined) continue;
    const counts = await inquiries.handling.counts(SYSTEM, siteId);
    if ([...counts.values()].some((n) => n > 0)) continue;
    // The demo's agencies that the site lacks; the hotline's default only if the site has none.
    const existing = await inquiries.agencies.list(siteId, false);
    const missing = agencyNames.names.filter((n) => !existing.some((a) => a.name === n));
    if (missing.length > 0) await inquiries.agencies.seed(siteId, missing, existing.some((a) => a.hotline_default) ? undefined : agencyNames.hotline);
    const agencies = await inquiries.agencies.list(siteId, false);
    for (const a of agencies) unitIds.set(`${siteId}:${a.name}`, a.unit_id);
    const agencyId = new Map(agencies.map((a) => [a.name, a.id]));
    const hotlineDefault = agencies.find((a) => a.hotline_default)?.name ?? agencyNames.hotline;
    const idOf = (name: string): number => {
      const id = agencyId.get(name);
      if (id === undefined) throw new Error(`demo: no agency ${name} on ${code}`);
      return id;
    };
    const board = { intake: person(BOARD[code]!.intake) ?? SYSTEM, head: person(BOARD[code]!.head) ?? SYSTEM };
    const ids = new Map<string, number>();
    const statusUrls = { vi: await inquiries.statusUrl(siteId, 'vi'), en: await inquiries.statusUrl(siteId, 'en') };
    // Every step of the site's requests, in real time and as intended: moved back together at the end.
    const since = new Date();
    const windows: repo.StepTime[] = [];

    for (const d of DEMO_INQUIRIES.filter((x) => x.site === code)) {
      const lang: Lang = d.lang ?? 'vi';
      const statusUrl = statusUrls[lang];
      const moments = intendedMoments(cal, d, since);
      const step = async (index: number, work: () => Promise<unknown>): Promise<void> => {
        const from = new Date();
        await work();
        const until = new Date();
        windows.push({ from, until, to: moments[index]! });
        await pastMoment(until);
      };

      let id = 0;
      const common = {
        siteId,
        kind: d.kind,
        field: d.field,
        title: d.title,
        body: d.body,
        name: d.name,
        email: d.email,
        phone: d.phone,
        address: d.address,
        consentPublish: d.consentPublish,
        lang,
        statusUrl,
        idempotencyKey: `demo-${d.key}`,
        ...(d.agency ? { agencyId: idOf(d.agency) } : {}),
      };
      await step(0, async () => {
        const done = d.loggedBy
          ? await inquiries.logOnBehalf(person(d.loggedBy) ?? SYSTEM, {
              ...common,
              channel: d.channel,
              ...(d.hotlineAgency ? { forwardAgencyId: idOf(d.hotlineAgency) } : {}),
            })
          : await inquiries.submission.submit({ ...common, channel: d.channel, consentPrivacy: true });
        id = done.row.id;
      });
      ids.set(d.key, id);
      created++;

      // The agency answering: the one forwarded to (a hotline call: at once, to the site's default or the one chosen).
      let agency = d.channel === 'hotline' ? (d.hotlineAgency ?? hotlineDefault) : '';
      for (const [i, s] of d.steps.entries()) {
        if (s.act === 'forward') agency = s.agency;
        await step(i + 1, async () => {
          const h = inquiries.handling;
          switch (s.act) {
            case 'classify':
              return h.classify(board.intake, id, { kind: s.kind, field: s.field });
            case 'needInfo':
              return h.requestInformation(board.intake, id, s.message);
            case 'outOfScope':
              return h.declareOutOfScope(board.intake, id, s.reason);
            case 'forward':
              return h.forward(board.intake, id, { agencyId: idOf(s.agency), note: s.note ?? '' });
            case 'transfer':
              return h.transfer(board.intake, id, { body: s.body, note: s.note ?? '' });
            case 'merge': {
              const into = ids.get(s.into);
              if (into === undefined) throw new Error(`demo: ${d.key} merges into ${s.into}, not seeded before it`);
              return h.merge(board.intake, id, into);
            }
            case 'draft':
              return h.saveDraft(responder(code, agency), id, s.html);
            case 'answer':
              return h.submitAnswer(responder(code, agency), id, s.html);
            case 'return':
              return h.returnAnswer(board.head, id, s.note);
            case 'approve':
              return h.approveAnswer(board.head, id);
            case 'progress':
              return h.progressNotice(responder(code, agency), id, { text: s.text, promisedDate: workingDayAfter(cal, vnDay(since), s.promisedWd) });
            case 'publish': {
              const proposal = await inquiries.publication.proposal(board.head, id);
              return inquiries.publication.publish(board.head, id, {
                title: s.title ?? proposal.title,
                question: proposal.question,
                answerHtml: proposal.answerHtml,
              });
            }
          }
        });
      }
    }
    await backdate(deps, cal, siteId, since, windows);
  }

  if (created > 0) await repo.holdDemoMail(deps.db, mailBefore);
  return created;
}

/**
 * Moves what the steps of a site's requests wrote to the steps' intended moments, and counts their
 * deadlines again from the moved receipts, in one transaction.
 */
async function backdate(deps: InquiryDemoDeps, cal: WorkingCalendar, siteId: number, since: Date, windows: readonly repo.StepTime[]): Promise<void> {
  if (windows.length === 0) return;
  await withTx(deps.db, async (tx) => {
    const moved = await repo.moveInquiryTimes(tx, siteId, since, windows);
    // A date promised in a progress notice stays as promised; the others follow their rule.
    const dues = moved
      .filter((d) => d.unit !== 'date')
      .map((d) => {
        const due = cal.due(new Date(d.trigger_at), d.amount, d.unit as DueUnit);
        return {
          id: d.id,
          due: due.due,
          explanation: { text: `${d.rule_label}. ${due.explanation}`, skipped: due.skipped.map((s) => ({ date: s.date, reason: s.reason })) },
        };
      });
    await repo.setDeadlineDues(tx, dues);
    await repo.recountLateness(tx, siteId);
  });
}
