/** The regulation texts shipped as demo content (copies of the source regulations). */
export interface DemoRegulation {
  /** Name of the .txt file next to this module. */
  file: string;
  /** The document's number as printed on it ("Số: …"). */
  number: string;
  titleVi: string;
  titleEn: string;
  /** The issuing body, in Vietnamese. */
  issuer: string;
  /** ISO date (yyyy-mm-dd) of signature. */
  issuedOn: string;
}

export const demoRegulations: DemoRegulation[] = [
  {
    file: '000_e52363be6f516052.txt',
    number: '90/2006/QĐ-UBND',
    titleVi:
      'Quy chế cung cấp thông tin, dịch vụ lên Cổng Giao tiếp điện tử Hà Nội và quản lý, vận hành đường dây nóng của Ban chỉ đạo Cải cách hành chính Thành phố',
    titleEn:
      'Regulation on providing information and services on the Hanoi e-portal ("Cổng Giao tiếp điện tử Hà Nội") and on running the hotline of the City Administrative Reform Steering Committee',
    issuer: 'Ủy ban nhân dân Thành phố Hà Nội',
    issuedOn: '2006-06-02',
  },
  {
    file: '001_92f887211fcb386a.txt',
    number: '7424/QĐ-UBND',
    titleVi: 'Quy chế tổ chức, quản lý, hoạt động cung cấp thông tin và dịch vụ công trực tuyến trên Trang Thông tin điện tử Quận 8',
    titleEn: 'Regulation on the organisation, management and provision of information and online public services on the District 8 website',
    issuer: 'Ủy ban nhân dân Quận 8',
    issuedOn: '2014-08-11',
  },
  {
    file: '002_cb7a8dd9af5ccbdc.txt',
    number: '19/2015/QĐ-UBND',
    titleVi: 'Quy chế phối hợp cung cấp, xử lý thông tin và vận hành, duy trì hoạt động Cổng thông tin điện tử tỉnh Hà Giang',
    titleEn: 'Regulation on coordination in providing and processing information and in operating and maintaining the Ha Giang Province E-Portal',
    issuer: 'Ủy ban nhân dân tỉnh Hà Giang',
    issuedOn: '2015-10-05',
  },
  {
    // The shipped text is an OCR scan with damaged diacritics; the title is restored here. The day of
    // signature reads "79" in the scan (February 2025, after the proposal of 24/01/2025); 19 is the
    // most likely reading and should be checked against the original before being relied on.
    file: '003_37c9fbcab83d6cd3.txt',
    number: '819/QĐ-UBND',
    titleVi: 'Quy chế hoạt động của Trang thông tin Cải cách hành chính thành phố Hà Nội',
    titleEn: 'Operating rules of the Hanoi City administrative-reform information page',
    issuer: 'Ủy ban nhân dân Thành phố Hà Nội',
    issuedOn: '2025-02-19',
  },
  {
    file: '004_8db342e135ec405a.txt',
    number: '4263/QĐ-UBND',
    titleVi: 'Quy chế quản lý, vận hành và cung cấp thông tin đối với Cổng thông tin điện tử của cơ quan nhà nước thành phố Hà Nội',
    titleEn: 'Regulation on the management, operation and provision of information of the e-portals of Hanoi state agencies',
    issuer: 'Ủy ban nhân dân Thành phố Hà Nội',
    issuedOn: '2025-08-16',
  },
];
