/**
 * A year's days as the admin types them: one line per day or range, then its name, then "| its
 * source" ("2026-11-24 Ngày Văn hóa Việt Nam | Nghị quyết …", "2026-02-14..2026-02-22 Tết
 * Nguyên đán"). Lines that cannot be read are named one by one, so the admin can fix them.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { DayOff } from './holidays.ts';
import { t } from './messages.ts';

/** More days than any year could have off: a range typed wrong ("2026..2062"). */
const MAX_DAYS = 400;

/** "2026-02-14", "14/02/2026" → ISO day, or undefined. */
function isoDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : vn ? [vn[3]!, vn[2]!.padStart(2, '0'), vn[1]!.padStart(2, '0')] : [];
  if (!y) return undefined;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${y}-${m}-${d}` ? `${y}-${m}-${d}` : undefined;
}

/** Lines of "date[..date] name | source" → days, with a message per line that cannot be read. */
export function parseDayLines(text: string, lang: Lang): { days: DayOff[]; problems: string[] } {
  const days: DayOff[] = [];
  const problems: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\S+?)(?:\.\.(\S+))?(?:\s+(.*))?$/.exec(line);
    const from = m ? isoDay(m[1]!) : undefined;
    const to = m?.[2] ? isoDay(m[2]) : from;
    if (!m || !from || !to || to < from) {
      problems.push(t(lang, 'calendar.lineDoesNotStartDate', { value: i + 1, slice: line.slice(0, 60) }));
      continue;
    }
    const [name = '', source = ''] = (m[3] ?? '').split('|').map((s) => s.trim());
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && days.length <= MAX_DAYS; t += 86_400_000) {
      days.push({ date: new Date(t).toISOString().slice(0, 10), name, ...(source ? { source } : {}) });
    }
  }
  if (days.length > MAX_DAYS) problems.push(t(lang, 'calendar.tooManyDaysMost', { MAX_DAYS }));
  return { days, problems };
}

/** Days back to lines, for the form. */
export function dayLines(days: readonly { date: string; name?: string; source?: string }[]): string {
  return days.map((d) => `${d.date}${d.name ? ` ${d.name}` : ''}${d.source ? ` | ${d.source}` : ''}`).join('\n');
}
