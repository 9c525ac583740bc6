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
import { langOf } from './inquiry-types.ts';
import { t } from './messages.ts';

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
  switch (n.kind) {
    case 'received':
      return [t(lang, 'mail.received'), ...(n.answerDue ? [t(lang, 'mail.receivedDue', { date: formatDate(n.answerDue) })] : [])];
    case 'info_requested':
      return [t(lang, 'mail.infoRequested'), '', n.message, '', t(lang, 'mail.infoWhere')];
    case 'forwarded':
      return [t(lang, 'mail.forwarded', { agency: n.agency })];
    case 'out_of_scope':
      return [t(lang, 'mail.outOfScope'), t(lang, 'mail.reason', { reason: n.reason })];
    case 'transferred':
      return [t(lang, 'mail.transferred', { body: n.body }), ...(n.note ? [n.note] : [])];
    case 'merged':
      return [t(lang, 'mail.merged', { code: n.intoCode })];
    case 'progress':
      return [t(lang, 'mail.progress'), '', n.text, '', t(lang, 'mail.progressDate', { date: formatDate(n.promised) })];
    case 'answered':
      return [t(lang, 'mail.answered'), '', htmlToText(n.answerHtml).trim()];
  }
}

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
  const lang = langOf(row.lang);
  const text = [
    row.name ? t(lang, 'mail.greeting', { name: row.name }) : t(lang, 'mail.greetingNoName'),
    '',
    ...lines(notice, lang),
    '',
    t(lang, 'mail.code', { code: row.code }),
    t(lang, 'mail.title', { title: clip(row.title) }),
    t(lang, 'mail.track', { url: statusUrl }),
    '',
    t(lang, 'mail.automatic'),
    '— Cổng',
  ].join('\n');
  return { to: row.email, subject: clip(`[${row.code}] ${t(lang, `mail.subject.${notice.kind}`)}`, 200), text };
}
