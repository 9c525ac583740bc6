/**
 * What the citizen is told at each stage (QA-1..4), in the language they wrote in. Mails are
 * queued in the transaction that changes the stage, so a notice goes out exactly when the change
 * is committed. Plain text only: nothing the citizen or an officer typed can run in a mail reader.
 */
import type { Tx } from '../../platform/db/create-db.ts';
import { formatDate, type Lang } from '../../platform/i18n/index.ts';
import { htmlToText } from '../../platform/text/index.ts';
import { queueMail, type MailMessage } from '../../platform/mail/index.ts';
import type { InquiryRow } from './inquiries.repo.ts';

export type Notice =
  | { kind: 'received'; answerDue: Date | undefined }
  | { kind: 'info_requested'; message: string }
  | { kind: 'forwarded'; agency: string }
  | { kind: 'out_of_scope'; reason: string }
  | { kind: 'transferred'; body: string; note: string }
  | { kind: 'merged'; intoCode: string }
  | { kind: 'progress'; text: string; promised: Date }
  | { kind: 'answered'; answerHtml: string };

const clip = (s: string, n = 180) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function lines(n: Notice, lang: Lang): string[] {
  const vi = lang === 'vi';
  switch (n.kind) {
    case 'received':
      return vi
        ? [
            'Cổng thông tin đã nhận yêu cầu của Ông/Bà.',
            ...(n.answerDue ? [`Theo quy định, cơ quan có thẩm quyền trả lời hoặc thông báo tiến độ chậm nhất ngày ${formatDate(n.answerDue)}.`] : []),
          ]
        : [
            'The portal has received your request.',
            ...(n.answerDue ? [`By regulation, the competent agency answers or sends a progress notice by ${formatDate(n.answerDue)}.`] : []),
          ];
    case 'info_requested':
      return vi
        ? ['Để trả lời, cơ quan đề nghị Ông/Bà bổ sung thông tin:', '', n.message, '', 'Ông/Bà bổ sung tại trang tra cứu dưới đây.']
        : ['To answer, the agency asks you for more information:', '', n.message, '', 'You can add it on the status page below.'];
    case 'forwarded':
      return vi ? [`Yêu cầu đã được chuyển đến ${n.agency} để trả lời.`] : [`Your request has been forwarded to ${n.agency} for an answer.`];
    case 'out_of_scope':
      return vi
        ? ['Nội dung yêu cầu không thuộc thẩm quyền trả lời của cơ quan.', `Lý do: ${n.reason}`]
        : ['Your request is outside the agency’s scope.', `Reason: ${n.reason}`];
    case 'transferred':
      return vi
        ? [`Yêu cầu đã được chuyển đến ${n.body} là cơ quan có thẩm quyền giải quyết theo quy định của pháp luật.`, ...(n.note ? [n.note] : [])]
        : [`Your request has been transferred to ${n.body}, the body competent to settle it under the law.`, ...(n.note ? [n.note] : [])];
    case 'merged':
      return vi
        ? [`Yêu cầu có cùng nội dung với yêu cầu ${n.intoCode} đang được xử lý; Ông/Bà sẽ nhận câu trả lời chung.`]
        : [`Your request concerns the same matter as request ${n.intoCode}, already in hand; you will receive its answer.`];
    case 'progress':
      return vi
        ? ['Thông báo tiến độ giải quyết:', '', n.text, '', `Ngày dự kiến trả lời: ${formatDate(n.promised)}.`]
        : ['Progress notice:', '', n.text, '', `Expected answer date: ${formatDate(n.promised)}.`];
    case 'answered':
      return vi
        ? ['Cơ quan có thẩm quyền đã trả lời:', '', htmlToText(n.answerHtml).trim()]
        : ['The competent agency has answered:', '', htmlToText(n.answerHtml).trim()];
  }
}

const SUBJECTS: Record<Notice['kind'], Record<Lang, string>> = {
  received: { vi: 'Đã tiếp nhận yêu cầu', en: 'Request received' },
  info_requested: { vi: 'Đề nghị bổ sung thông tin', en: 'More information needed' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the competent agency' },
  out_of_scope: { vi: 'Không thuộc thẩm quyền', en: 'Outside the agency’s scope' },
  transferred: { vi: 'Đã chuyển cơ quan có thẩm quyền giải quyết', en: 'Transferred to the competent body' },
  merged: { vi: 'Đã gộp với yêu cầu cùng nội dung', en: 'Merged with a request on the same matter' },
  progress: { vi: 'Thông báo tiến độ', en: 'Progress notice' },
  answered: { vi: 'Đã có câu trả lời', en: 'Your answer' },
};

/** Queues the notice to the citizen's e-mail, if they gave one (the status page always shows it). */
export async function notifyCitizen(
  tx: Tx,
  row: Pick<InquiryRow, 'email' | 'name' | 'code' | 'title' | 'lang'>,
  notice: Notice,
  statusUrl: string,
): Promise<void> {
  const message = citizenMessage(row, notice, statusUrl);
  if (message) await queueMail(tx, message);
}

/** The notice as a message, or undefined when the citizen gave no e-mail. */
export function citizenMessage(
  row: Pick<InquiryRow, 'email' | 'name' | 'code' | 'title' | 'lang'>,
  notice: Notice,
  statusUrl: string,
): MailMessage | undefined {
  if (!row.email) return undefined;
  const lang: Lang = row.lang === 'en' ? 'en' : 'vi';
  const vi = lang === 'vi';
  const text = [
    vi ? `Kính gửi Ông/Bà ${row.name || ''},`.replace(' ,', ',') : `Dear ${row.name || 'citizen'},`,
    '',
    ...lines(notice, lang),
    '',
    `${vi ? 'Mã tra cứu' : 'Tracking code'}: ${row.code}`,
    `${vi ? 'Tiêu đề' : 'Title'}: ${clip(row.title)}`,
    `${vi ? 'Tra cứu (nhập mã và thư điện tử hoặc số điện thoại đã gửi)' : 'Track it (enter the code and the e-mail or phone you gave)'}: ${statusUrl}`,
    '',
    vi ? 'Thư này được gửi tự động; xin đừng trả lời thư.' : 'This message was sent automatically; please do not reply.',
    '— Cổng',
  ].join('\n');
  return { to: row.email, subject: clip(`[${row.code}] ${SUBJECTS[notice.kind][lang]}`, 200), text };
}
