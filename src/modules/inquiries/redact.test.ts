/** Redaction of personal data before publication: what must go, and what must stay readable. */
import { describe, expect, it } from 'vitest';
import { redactHtml, redactPersonalData } from './redact.ts';

const redact = (text: string, known?: Parameters<typeof redactPersonalData>[1]) => redactPersonalData(text, known);

describe('a whole citizen question', () => {
  it('redacts name, address and phone, keeps ward and district', () => {
    const r = redact(
      'Tôi là Nguyễn Văn An, ở số 12 phố Hàng Bài, phường Hàng Bài, quận Hoàn Kiếm. Số điện thoại của tôi là 0912 345 678. ' +
        'Xin hỏi thủ tục đăng ký thường trú cho con tôi?',
    );
    expect(r.text).toBe(
      'Tôi là [họ tên], ở số [địa chỉ], phường Hàng Bài, quận Hoàn Kiếm. Số điện thoại của tôi là [số điện thoại]. ' +
        'Xin hỏi thủ tục đăng ký thường trú cho con tôi?',
    );
    expect(r.count).toBe(3);
  });

  it('redacts e-mail and citizen ID numbers, keeps the date they were issued', () => {
    const r = redact('Em là Lê Văn Tám, email LE.TAM@EXAMPLE.VN, CCCD số 001234567890 cấp ngày 15/01/2026, CMND cũ 123456789.');
    expect(r.text).toBe('Em là [họ tên], email [địa chỉ email], CCCD số [số định danh] cấp ngày 15/01/2026, CMND cũ [số định danh].');
    expect(r.count).toBe(4);
  });
});

describe('phone numbers', () => {
  it.each([
    ['0912 345 678', 'mobile in groups'],
    ['0912345678', 'mobile unbroken'],
    ['+84 912.345.678', '+84 with dots'],
    ['84912345678', '84 without plus'],
    ['(+84) 24 3825 1234', 'landline with country code'],
    ['024-3825-1234', 'Hà Nội landline with dashes'],
    ['(024) 3825 1234', 'landline with area code in brackets'],
    ['028.3829.1234', 'TP HCM landline with dots'],
  ])('redacts %s (%s)', (phone) => {
    expect(redact(`Liên hệ với tôi qua số ${phone} vào giờ hành chính.`).text).toBe('Liên hệ với tôi qua số [số điện thoại] vào giờ hành chính.');
  });

  it('finds two numbers written one after the other', () => {
    expect(redact('SĐT: 0912 345 678 0987 654 321').text).toBe('SĐT: [số điện thoại] [số điện thoại]');
  });

  it('keeps hotlines, which belong to agencies', () => {
    const text = 'Đường dây nóng 1900 1234 và 1800.5678 của Sở Tư pháp.';
    expect(redact(text)).toEqual({ text, count: 0 });
  });
});

describe('citizen ID numbers', () => {
  it('redacts 12-digit CCCD in groups and a 9-digit CMND', () => {
    expect(redact('CCCD 0791 2345 6789, CMND: 012 345 678.').text).toBe('CCCD [số định danh], CMND: [số định danh].');
  });

  it('keeps numbers that only look like one: longer runs, amounts with a unit, grouped money', () => {
    const text = 'Mã giao dịch 1234567890123; mức phạt 150000000 đồng; số tiền 123.456.789 đồng; tài khoản 12345678901.';
    expect(redact(text)).toEqual({ text, count: 0 });
  });
});

describe('what must stay readable', () => {
  it.each([
    ['dates and a document number', 'Theo Quyết định số 90/2006/QĐ-UBND ngày 15/01/2026 và Nghị định 123/2024/NĐ-CP.'],
    ['amounts of money', 'Lệ phí là 1.500.000 đồng, trước đây là 1,2 triệu đồng (2.000.000đ nếu nộp trực tiếp).'],
    ['articles, clauses and years', 'Căn cứ khoản 2 Điều 12 Luật Cư trú năm 2020, Điều 5 Thông tư 55/2021/TT-BCA.'],
    ['ward, district and city names', 'UBND phường Hàng Bài, quận Hoàn Kiếm, Thành phố Hà Nội trả lời như sau.'],
    ['a year before a street name', 'Năm 2020 đường Láng được mở rộng; Km 12 đường Hồ Chí Minh.'],
    ['"Anh chị" and "Chị" at a sentence start before lowercase', 'Anh chị cho tôi hỏi thủ tục. Chị cần mang theo CCCD bản chính.'],
    ['a title after "Ông"', 'Ông Chủ tịch UBND phường đã ký quyết định.'],
    ['a country and a province after "công dân"', 'Tôi là công dân Việt Nam, bạn đọc Hà Nội hỏi về tỉnh Bà Rịa - Vũng Tàu.'],
    ['a province whose name starts with "Bà", and a street named after a heroine', 'Tôi ở tỉnh Bà Rịa, làm việc trên phố Bà Triệu.'],
    ['"tiếng Anh" and a party member', 'Tôi là Đảng viên, học tiếng Anh Quốc tế.'],
    ['times and a date written with dashes', 'Làm việc từ 08:00 đến 17:00, ngày 01-02-2026.'],
  ])('keeps %s', (_what, text) => {
    expect(redact(text)).toEqual({ text, count: 0 });
  });
});

describe('addresses', () => {
  it.each([
    ['Tôi ở 12A ngõ 34 đường Láng, phường Láng Thượng.', 'Tôi ở [địa chỉ], phường Láng Thượng.'],
    ['Gia đình tôi ở nhà số 5, ngách 12/3 phố Lê Thanh Nghị, phường Bách Khoa.', 'Gia đình tôi ở nhà số [địa chỉ], phường Bách Khoa.'],
    ['Địa chỉ: số 7 hẻm 45 Nguyễn Trãi, Quận 5, TP Hồ Chí Minh.', 'Địa chỉ: số [địa chỉ], Quận 5, TP Hồ Chí Minh.'],
    ['Tôi ở thôn Đông, xã Tiên Phong, huyện Ba Vì.', 'Tôi ở [địa chỉ], xã Tiên Phong, huyện Ba Vì.'],
    ['Nhà tôi ở tổ dân phố số 5, khu phố 3, phường Mai Dịch.', 'Nhà tôi ở [địa chỉ], phường Mai Dịch.'],
    ['Tôi sống tại số 1 Tràng Tiền, số nhà 12 Hàng Bài.', 'Tôi sống tại số [địa chỉ], số nhà [địa chỉ].'],
    ['Nhà ở số 30 đường 30 Tháng 4, phường 9.', 'Nhà ở số [địa chỉ], phường 9.'],
  ])('%s', (text, expected) => {
    expect(redact(text).text).toBe(expected);
  });
});

describe('names introduced by a form of address', () => {
  it('redacts the name, keeps the form of address', () => {
    const r = redact('Ông Trần Văn B (Hà Nội) hỏi: bà Lê Thị Hoa, anh Minh và chị Lan có cùng hộ khẩu không? Cháu Phạm Minh Khôi đang học lớp 5.');
    expect(r.text).toBe('Ông [họ tên] (Hà Nội) hỏi: bà [họ tên], anh [họ tên] và chị [họ tên] có cùng hộ khẩu không? Cháu [họ tên] đang học lớp 5.');
    expect(r.count).toBe(5);
  });

  it('knows self-introductions, "Công dân", combined and formal honorifics', () => {
    expect(redact('Công dân Phạm Văn C hỏi. Tên tôi là Vũ Thị Mai. tôi tên Hoàng Anh Tuấn.').text).toBe(
      'Công dân [họ tên] hỏi. Tên tôi là [họ tên]. tôi tên [họ tên].',
    );
    expect(redact('Trả lời câu hỏi của Bà Nguyễn Thị Mai. Kính gửi: Ông/Bà Đỗ Văn Hùng').text).toBe(
      'Trả lời câu hỏi của Bà [họ tên]. Kính gửi: Ông/Bà [họ tên]',
    );
  });

  it('stops at capitalised words that are not names', () => {
    expect(redact('Anh Minh Xin hỏi về thủ tục.').text).toBe('Anh [họ tên] Xin hỏi về thủ tục.');
    expect(redact('Em Xin cảm ơn.').count).toBe(0);
  });

  it('keeps a name inside a name: "Anh" in Nguyễn Thị Anh Thư is not a new marker', () => {
    expect(redact('Chị Nguyễn Thị Anh Thư và anh Hoàng Anh nộp hồ sơ.').text).toBe('Chị [họ tên] và anh [họ tên] nộp hồ sơ.');
  });
});

describe('the citizen’s own details', () => {
  const known = {
    names: ['Nguyễn Thị Thu Hà'],
    emails: ['Thu.Ha@Example.vn'],
    phones: ['+84 912 345 678'],
    addresses: ['45 Ngõ Huế'],
    idNumbers: ['001 234 567 890'],
  };

  it('replaces the name in any case, and its last two syllables after a title', () => {
    const r = redact('NGUYỄN THỊ THU HÀ gửi câu hỏi; chị Thu Hà cho biết; nguyễn thị thu hà.', known);
    expect(r.text).toBe('[họ tên] gửi câu hỏi; chị [họ tên] cho biết; [họ tên].');
    expect(r.count).toBe(3);
  });

  it('is diacritic-sensitive and does not take the short form without a title', () => {
    const text = 'Nguyen Thi Thu Ha; mùa thu Hà Nội';
    expect(redact(text, known)).toEqual({ text, count: 0 });
  });

  it('replaces phones compared by digits, e-mail case-insensitively, address and ID literally', () => {
    const r = redact('Gọi 0912.345.678 hoặc gửi thu.ha@example.VN; nhà 45 Ngõ Huế; CCCD 001234567890.', known);
    expect(r.text).toBe('Gọi [số điện thoại] hoặc gửi [địa chỉ email]; nhà [địa chỉ]; CCCD [số định danh].');
  });

  it('ignores a one-syllable name outside a form of address', () => {
    expect(redact('Cần đảm bảo an toàn khi làm thủ tục.', { names: ['An'] }).count).toBe(0);
  });
});

it('normalises to NFC, so decomposed input is found and returned composed', () => {
  const decomposed = 'Tôi là Nguyễn Văn An.'.normalize('NFD');
  expect(redact(decomposed).text).toBe('Tôi là [họ tên].'.normalize('NFC'));
});

describe('HTML answers', () => {
  it('redacts text nodes, across inline tags and &nbsp;, and never touches tags or attributes', () => {
    const html =
      '<p>Tôi là <strong>Nguyễn Văn An</strong>, SĐT&nbsp;0912&nbsp;345&nbsp;678</p>' +
      '<p>Ông <em>Trần</em> Văn B &amp; <a href="mailto:an@example.com" title="Nguyễn Văn An">an@example.com</a></p>';
    const r = redactHtml(html, { names: ['Nguyễn Văn An'] });
    expect(r.html).toBe(
      '<p>Tôi là <strong>[họ tên]</strong>, SĐT&nbsp;[số điện thoại]</p>' +
        '<p>Ông <em>[họ tên]</em> &amp; <a href="mailto:an@example.com" title="Nguyễn Văn An">[địa chỉ email]</a></p>',
    );
    expect(r.count).toBe(4);
  });

  it('does not join text across block tags', () => {
    const html = '<td>0912</td><td>345678</td><p>Điều 12</p>';
    expect(redactHtml(html)).toEqual({ html, count: 0 });
  });
});

it('is idempotent: redacting a redacted text changes nothing', () => {
  const once = redact('Tôi là Nguyễn Văn An, ở số 12 phố Hàng Bài, SĐT 0912 345 678, CCCD 001234567890, an@example.vn.');
  expect(once.count).toBe(5);
  expect(redact(once.text)).toEqual({ text: once.text, count: 0 });
});
