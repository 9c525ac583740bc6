/**
 * Publishing frequency (DL-10, DL-11; `FREQUENCY_RULES` in rules.ts): for each day of a
 * period, whether a site published in each of the slots its rule asks for. The portal (kind
 * 'portal' with no parent) updates in the morning, afternoon and evening every day, holidays
 * included; a component site in the morning and afternoon of working days. "An update" is a
 * content item first published within the slot. Pure: no clock, no database.
 */
import { FREQUENCY_RULES } from './rules.ts';
import { localDate } from './working-days.ts';

export type Slot = 'morning' | 'afternoon' | 'evening';
export const SLOTS: readonly Slot[] = ['morning', 'afternoon', 'evening'];

/** "06:00" → "12:00": a slot is [from, to) in Việt Nam time; "24:00" is the end of the day. */
export type SlotSettings = Readonly<Record<Slot, { readonly from: string; readonly to: string }>>;

/**
 * The default slot boundaries, Asia/Ho_Chi_Minh (UTC+7, no daylight saving); the platform's own
 * come from the PUBLISHING_SLOTS setting. An update outside every slot (by default 00:00–06:00)
 * counts for none.
 */
export const FREQUENCY_SLOTS: SlotSettings = Object.freeze({
  morning: Object.freeze({ from: '06:00', to: '12:00' }),
  afternoon: Object.freeze({ from: '12:00', to: '18:00' }),
  evening: Object.freeze({ from: '18:00', to: '24:00' }),
});
export const FREQUENCY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export type FrequencyKind = 'portal' | 'component';

/** The portal is the site of kind 'portal' without a parent; every other site is a component site. */
export function frequencyKind(site: { kind: string; parent_id: number | null }): FrequencyKind {
  return site.kind === 'portal' && site.parent_id === null ? 'portal' : 'component';
}

/**
 * met: at least one update in the slot; missed: none, and the slot is over; pending: none yet,
 * the slot is not over; not-required: the rule does not ask for it that day (a component site
 * on a day off).
 */
export type SlotState = 'met' | 'missed' | 'pending' | 'not-required';

export interface SlotResult {
  slot: Slot;
  state: SlotState;
  updates: number;
}

export interface FrequencyDay {
  /** yyyy-mm-dd, Việt Nam. */
  date: string;
  workingDay: boolean;
  /** The rule asks for updates this day. */
  required: boolean;
  /** The rule's slots, in order. */
  slots: SlotResult[];
}

export interface FrequencyResult {
  kind: FrequencyKind;
  rule: string;
  slotNames: readonly Slot[];
  days: FrequencyDay[];
  /** Required slots over, met, missed; and those not over yet. */
  met: number;
  missed: number;
  pending: number;
  /** met / (met + missed); null when no required slot is over. */
  rate: number | null;
  /** Days on which every required slot was met (days with a pending slot are not counted). */
  fullDays: number;
  /** Days with required slots, all of them over. */
  decidedDays: number;
}

function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const value = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!(value >= 0 && value <= 1440) || Number(m?.[2]) > 59) throw new RangeError(`Giờ không hợp lệ: "${hhmm}" (cần dạng 06:00).`);
  return value;
}

/** Checks slot settings: each "HH:MM", from < to, no overlap. Returns the minutes. */
export function slotMinutes(settings: SlotSettings): Record<Slot, { from: number; to: number }> {
  const out = {} as Record<Slot, { from: number; to: number }>;
  for (const slot of SLOTS) {
    const from = minutesOf(settings[slot].from);
    const to = minutesOf(settings[slot].to);
    if (from >= to) throw new RangeError(`Khung giờ ${slot}: giờ bắt đầu phải trước giờ kết thúc.`);
    out[slot] = { from, to };
  }
  const sorted = SLOTS.map((s) => out[s]).sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.from < sorted[i - 1]!.to) throw new RangeError('Các khung giờ không được chồng lên nhau.');
  return out;
}

/** The slot an instant falls in, with its Việt Nam day; undefined outside every slot. */
export function slotOf(at: Date, settings: SlotSettings = FREQUENCY_SLOTS): { date: string; slot: Slot } | undefined {
  return slotAt(at, slotMinutes(settings));
}

function slotAt(at: Date, bounds: Record<Slot, { from: number; to: number }>): { date: string; slot: Slot } | undefined {
  const local = at.getTime() + OFFSET_MS;
  const minute = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  const slot = SLOTS.find((s) => minute >= bounds[s].from && minute < bounds[s].to);
  return slot ? { date: localDate(at), slot } : undefined;
}

/** The instant a slot of a Việt Nam day ends. */
export function slotEnd(date: string, slot: Slot, settings: SlotSettings = FREQUENCY_SLOTS): Date {
  return new Date(Date.parse(`${date}T00:00:00+07:00`) + slotMinutes(settings)[slot].to * 60_000);
}

/** yyyy-mm-dd days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export interface FrequencyInput {
  kind: FrequencyKind;
  /** yyyy-mm-dd, both included. */
  from: string;
  to: string;
  /** When the site's items were first published (any within the period; others are ignored). */
  publications: readonly Date[];
  /** The working-day calendar (CalendarService.calendar()). */
  isWorkingDay: (date: string) => boolean;
  /** Slots ending after this are pending, not missed. */
  now: Date;
  slots?: SlotSettings;
}

/** Each day of the period, each slot of the site's rule: met, missed, pending or not required. */
export function frequencyOf(input: FrequencyInput): FrequencyResult {
  const settings = input.slots ?? FREQUENCY_SLOTS;
  const bounds = slotMinutes(settings);
  const rule = FREQUENCY_RULES[input.kind];
  const counts = new Map<string, number>();
  for (const at of input.publications) {
    const s = slotAt(at, bounds);
    if (s) counts.set(`${s.date}|${s.slot}`, (counts.get(`${s.date}|${s.slot}`) ?? 0) + 1);
  }
  const result: FrequencyResult = {
    kind: input.kind,
    rule: rule.code,
    slotNames: rule.slots,
    days: [],
    met: 0,
    missed: 0,
    pending: 0,
    rate: null,
    fullDays: 0,
    decidedDays: 0,
  };
  for (const date of daysBetween(input.from, input.to)) {
    const workingDay = input.isWorkingDay(date);
    const required = !rule.workingDaysOnly || workingDay;
    const slots = rule.slots.map((slot): SlotResult => {
      const updates = counts.get(`${date}|${slot}`) ?? 0;
      const state: SlotState = !required
        ? 'not-required'
        : updates > 0
          ? 'met'
          : Date.parse(`${date}T00:00:00+07:00`) + bounds[slot].to * 60_000 > input.now.getTime()
            ? 'pending'
            : 'missed';
      return { slot, state, updates };
    });
    result.days.push({ date, workingDay, required, slots });
    if (!required) continue;
    for (const s of slots)
      if (s.state === 'met') result.met++;
      else if (s.state === 'missed') result.missed++;
      else if (s.state === 'pending') result.pending++;
    if (slots.every((s) => s.state !== 'pending')) {
      result.decidedDays++;
      if (slots.every((s) => s.state === 'met')) result.fullDays++;
    }
  }
  result.rate = result.met + result.missed > 0 ? result.met / (result.met + result.missed) : null;
  return result;
}
