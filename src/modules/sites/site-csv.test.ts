import { describe, expect, it } from 'vitest';
import { csvRecords, defaultEnglishName, parseSitesCsv } from './site-csv.ts';
import { codeProblems, detailProblems, formatRatio } from './site-rules.ts';

describe('reading a CSV file', () => {
  it('reads quoted cells, doubled quotes, quoted line breaks, CRLF and blank lines, with the line each record starts on', () => {
    const { records, unclosedAt } = csvRecords('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n');
    expect(unclosedAt).toBeUndefined();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ]);
    expect(csvRecords('a\n"open').unclosedAt).toBe(2);
  });

  it('turns rows into site inputs: columns in any order, a byte-order mark, the English name by default', () => {
    const { rows, refused } = parseSitesCsv(
      '\uFEFFName_VI,code,KIND,parent,hosts\nPhường Hoàn Kiếm,phuonghoankiem,Ward,HANOI,"hk.hanoi.gov.vn, hoankiem.hanoi.gov.vn"\n',
      'vi',
    );
    expect(refused).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        input: expect.objectContaining({
          code: 'phuonghoankiem',
          kind: 'ward',
          parentCode: 'hanoi',
          nameVi: 'Phường Hoàn Kiếm',
          nameEn: 'Phuong Hoan Kiem',
          hosts: ['hk.hanoi.gov.vn', 'hoankiem.hanoi.gov.vn'],
        }),
      },
    ]);
    expect(defaultEnglishName('  Xã Đông Anh ')).toBe('Xa Dong Anh');
  });

  it('refuses a file it cannot read, saying why, in the reader’s language', () => {
    expect(parseSitesCsv('', 'vi').refused[0]!.reasons).toEqual(['Tệp CSV trống hoặc thiếu dòng tiêu đề.']);
    expect(parseSitesCsv('code,kind,name_vi\n', 'en').refused[0]!.reasons).toEqual(['The file has no data lines.']);
    expect(parseSitesCsv('code,kind,name_vi,code\nx,ward,X,x\n', 'en').refused[0]!.reasons).toEqual(['Columns given twice: code.']);
    expect(parseSitesCsv('code,kind,name_vi\n"x,ward,X\n', 'en').refused).toEqual([{ line: 2, code: '', reasons: ['A quotation mark is not closed.'] }]);
  });
});

describe('the rules of a site’s details', () => {
  it('refuses malformed and reserved codes', () => {
    expect(codeProblems('phuong-ba-dinh', 'vi')).toEqual([]);
    for (const code of ['Phuong', 'phường', '-a', 'a_b', '', 'x'.repeat(51)]) expect(codeProblems(code, 'en'), code).toHaveLength(1);
    for (const code of ['api', 'static', 'quan-tri', 'www', 'media']) expect(codeProblems(code, 'en')[0]!.message, code).toContain('reserved');
  });

  it('checks host names, contacts, colours and languages, naming each field', () => {
    const problems = detailProblems(
      {
        hosts: ['hk.hanoi.gov.vn', 'intranet', 'x.localhost', 'localhost'],
        email: 'a@',
        phone: '123',
        fax: '0243 825 3537',
        themeColor: '#ff0000',
        languages: ['en', 'fr'],
      },
      'en',
      'localhost',
    );
    expect(problems.map((p) => p.field)).toEqual(['hosts', 'hosts', 'hosts', 'themeColor', 'email', 'phone', 'languages']);
    expect(problems.find((p) => p.field === 'themeColor')!.message).toContain('ratio 3.54:1');
    expect(detailProblems({ themeColor: '#0B5394', phone: '+84 912 345 678', email: 'Van.Thu@Hanoi.gov.vn' }, 'vi', 'localhost')).toEqual([]);
    expect(formatRatio(4.5, 'vi')).toBe('4,5');
  });
});
