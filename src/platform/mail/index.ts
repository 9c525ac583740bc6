/** The platform's mail: queue in the caller's transaction, deliver over SMTP, inspect the outbox. */
export { queueMail, queueMailFor, createMailDelivery, validateMail, type MailMessage, type MailDelivery } from './mailer.ts';
export { listRecent as listRecentMail, MAX_ATTEMPTS as MAIL_MAX_ATTEMPTS } from './mail.repo.ts';
