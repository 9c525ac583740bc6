/**
 * Maintenance windows (OPS-4): scheduled at least the sites' notice period ahead in working days
 * (computed on the calendar module's engine, with the explanation), or as an emergency with a
 * recorded reason; the sites' people mailed and the windows audited in the same transaction.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { Invalid, NotFound, Conflict } from '../../platform/http/errors.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { fromLocalInput } from '../../platform/views/form-controls.ts';
import { actorId, authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import { CalendarRangeError, type CalendarService } from '../calendar/index.ts';
import type { SiteWithHosts } from '../sites/index.ts';
import { siteName } from '../sites/index.ts';
import type { MaintenanceScope } from '../../platform/db/schema.ts';
import { noticeCheck } from './notice.ts';
import * as repo from './maintenance.repo.ts';
import { t } from './messages.ts';

export const DEFAULT_NOTICE_DAYS = 7;
export const MIN_NOTICE_DAYS = 5;
export const MAX_NOTICE_DAYS = 30;
const MAX_WINDOW_DAYS = 14;
/** An emergency may start "now": a form typed a minute ago is not refused as past. */
const EMERGENCY_GRACE_MS = 15 * 60_000;

export interface ScheduleInput {
  startsAt: string;
  expectedEndAt: string;
  descriptionVi: string;
  descriptionEn: string;
  scope: MaintenanceScope | '';
  emergency: boolean;
  emergencyReason: string;
}

export interface MaintenanceDeps {
  db: Db;
  calendar: CalendarService;
  liveSites(): Promise<SiteWithHosts[]>;
  people(siteId: number): Promise<{ email: string; name: string }[]>;
  changed(): void;
}

export function maintenanceService(deps: MaintenanceDeps) {
  const { db } = deps;

  async function noticeDaysOf(siteIds: readonly number[]): Promise<number> {
    const set = await repo.noticeDays(db, siteIds);
    return Math.max(...siteIds.map((id) => set.get(id) ?? DEFAULT_NOTICE_DAYS));
  }

  /** The earliest start allowed now for a site, with the explanation. */
  async function earliest(siteIds: readonly number[], lang: Lang, now = new Date()) {
    const days = await noticeDaysOf(siteIds);
    return { days, ...noticeCheck(await deps.calendar.calendar(), now, days, lang) };
  }

  async function affected(actor: Actor, site: SiteWithHosts, scope: MaintenanceScope, lang: Lang): Promise<SiteWithHosts[]> {
    if (scope === 'site') {
      authorize(actor, 'maintenance.schedule', site.id);
      return [site];
    }
    authorize(actor, 'sites.manage', null);
    const live = (await deps.liveSites()).filter((s) => s.status !== 'closed');
    if (scope === 'all') return live;
    const children = live.filter((s) => s.parent_id === site.id);
    if (site.kind !== 'portal')
      throw new Invalid('maintenance.not_portal', t(lang, 'error.notPortal'), { details: [{ field: 'scope', message: t(lang, 'error.notPortal') }] });
    return [site, ...children];
  }

  async function schedule(actor: Actor, site: SiteWithHosts, input: ScheduleInput, lang: Lang, now = new Date()): Promise<number> {
    const scope: MaintenanceScope = input.scope || 'site';
    authorize(actor, 'maintenance.schedule', site.id);
    const sites = await affected(actor, site, scope, lang);
    const problems: FieldProblem[] = [];
    const start = fromLocalInput(input.startsAt);
    const end = fromLocalInput(input.expectedEndAt);
    const description = input.descriptionVi.trim();
    const reason = input.emergencyReason.trim();
    if (!(start instanceof Date)) problems.push({ field: 'startsAt', message: t(lang, 'error.startsAt') });
    if (!(end instanceof Date)) problems.push({ field: 'expectedEndAt', message: t(lang, 'error.expectedEndAt') });
    if (!description) problems.push({ field: 'descriptionVi', message: t(lang, 'error.description') });
    if (input.emergency && !reason) problems.push({ field: 'emergencyReason', message: t(lang, 'error.emergencyReason') });
    let days = 0;
    if (start instanceof Date && end instanceof Date) {
      const grace = input.emergency ? EMERGENCY_GRACE_MS : 0;
      if (start.getTime() < now.getTime() - grace) problems.push({ field: 'startsAt', message: t(lang, 'error.past', { start: formatDateTime(start) }) });
      else if (start.getTime() > now.getTime() + 366 * 86_400_000) problems.push({ field: 'startsAt', message: t(lang, 'error.tooFar') });
      else if (!input.emergency) {
        try {
          const check = await earliest(
            sites.map((s) => s.id),
            lang,
            now,
          );
          days = check.days;
          if (start < check.earliest) problems.push({ field: 'startsAt', message: check.explanation });
        } catch (err) {
          if (!(err instanceof CalendarRangeError)) throw err;
          problems.push({ field: 'startsAt', message: t(lang, 'error.calendar') });
        }
      }
      if (end <= start) problems.push({ field: 'expectedEndAt', message: t(lang, 'error.endBeforeStart') });
      else if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * 86_400_000)
        problems.push({ field: 'expectedEndAt', message: t(lang, 'error.tooLong', { days: MAX_WINDOW_DAYS }) });
    }
    if (problems.length || !(start instanceof Date) || !(end instanceof Date))
      throw new Invalid('maintenance.invalid', problems.map((p) => p.message).join(' '), { details: problems });

    // The sites' people, looked up before the transaction (on the embedded database a query
    // outside it would wait for it); one message per address.
    const people = new Map<string, string>();
    for (const s of sites) for (const p of await deps.people(s.id)) people.set(p.email, p.name);
    const names = sites.length === 1 ? siteName(sites[0]!, 'vi') : t('vi', 'sitesCount', { n: sites.length });
    const id = await withTx(db, async (tx) => {
      const id = await repo.insertWindow(
        tx,
        {
          scope,
          starts_at: start,
          expected_end_at: end,
          description_vi: description,
          description_en: input.descriptionEn.trim(),
          emergency: input.emergency,
          emergency_reason: input.emergency ? reason : '',
          notice_working_days: days,
          created_by: actorId(actor),
        },
        sites.map((s) => s.id),
      );
      for (const [email, name] of people) {
        const subject = t('vi', input.emergency ? 'mail.subjectEmergency' : 'mail.subject', { site: names, start: formatDateTime(start) });
        const text = t('vi', 'mail.body', {
          name,
          sites: sites.map((s) => siteName(s, 'vi')).join(', '),
          start: formatDateTime(start),
          end: formatDateTime(end),
          description,
          emergency: input.emergency ? t('vi', 'mail.emergency', { reason }) : '',
        });
        await queueMail(tx, { to: email, subject: subject.replace(/\s+/g, ' ').slice(0, 200), text });
      }
      await audited(
        tx,
        actor,
        input.emergency ? 'maintenance.emergency_scheduled' : 'maintenance.scheduled',
        { type: 'maintenance_window', id, siteId: site.id },
        {
          scope,
          sites: sites.map((s) => s.code).slice(0, 200),
          starts_at: start.toISOString(),
          expected_end_at: end.toISOString(),
          notice_working_days: days,
          ...(input.emergency ? { emergency_reason: reason.slice(0, 500) } : {}),
          mailed: people.size,
        },
      );
      for (const s of sites) await announceChange(tx, s.id);
      await repo.notifyChange(tx);
      return id;
    });
    deps.changed();
    return id;
  }

  async function cancel(actor: Actor, id: number, lang: Lang, now = new Date()): Promise<void> {
    const w = await repo.findWindow(db, id);
    if (!w) throw new NotFound('maintenance.not_found', t(lang, 'error.notFound'));
    if (w.scope === 'site') authorize(actor, 'maintenance.schedule', w.site_ids[0] ?? null);
    else authorize(actor, 'sites.manage', null);
    if (w.cancelled_at || w.expected_end_at <= now) throw new Conflict('maintenance.closed', t(lang, 'error.closed'));
    const people = new Map<string, string>();
    for (const siteId of w.site_ids) for (const p of await deps.people(siteId)) people.set(p.email, p.name);
    const live = await deps.liveSites();
    const names = w.site_ids.map((id) => live.find((s) => s.id === id)).flatMap((s) => (s ? [siteName(s, 'vi')] : []));
    const site = names.length === 1 ? names[0]! : t('vi', 'sitesCount', { n: w.site_ids.length });
    await withTx(db, async (tx) => {
      if (!(await repo.cancelWindow(tx, id, actorId(actor)))) throw new Conflict('maintenance.closed', t(lang, 'error.closed'));
      const when = { start: formatDateTime(w.starts_at), end: formatDateTime(w.expected_end_at) };
      for (const [email, name] of people) {
        const subject = t('vi', 'mail.cancelledSubject', { site, start: when.start }).replace(/\s+/g, ' ').slice(0, 200);
        await queueMail(tx, { to: email, subject, text: t('vi', 'mail.cancelledBody', { name, sites: names.join(', '), ...when }) });
      }
      await audited(tx, actor, 'maintenance.cancelled', { type: 'maintenance_window', id, siteId: w.site_ids[0] ?? null }, { sites: w.site_ids.length });
      for (const s of w.site_ids) await announceChange(tx, s);
      await repo.notifyChange(tx);
    });
    deps.changed();
  }

  async function setNoticeDays(actor: Actor, siteId: number, days: number | undefined, lang: Lang): Promise<void> {
    authorize(actor, 'maintenance.schedule', siteId);
    if (days === undefined || !Number.isInteger(days) || days < MIN_NOTICE_DAYS || days > MAX_NOTICE_DAYS) {
      const message = t(lang, 'error.noticeDays', { min: MIN_NOTICE_DAYS, max: MAX_NOTICE_DAYS });
      throw new Invalid('maintenance.notice_days', message, { details: [{ field: 'noticeDays', message }] });
    }
    await withTx(db, async (tx) => {
      await repo.setNoticeDays(tx, siteId, days);
      await audited(tx, actor, 'maintenance.notice_changed', { type: 'site', id: siteId, siteId }, { notice_working_days: days });
    });
  }

  return {
    schedule,
    cancel,
    setNoticeDays,
    earliest,
    noticeDaysOf,
    list: (siteId: number) => repo.windowsOf(db, siteId),
    open: (now = new Date()) => repo.openWindows(db, now),
  };
}

export type MaintenanceService = ReturnType<typeof maintenanceService>;
