/** Publishing frequency (DL-10, DL-11) as a pure computation: slots, days off, pending slots. */
import { describe, expect, it } from 'vitest';
import { daysBetween, frequencyKind, frequencyOf, slotMinutes, slotOf, FREQUENCY_SLOTS } from './frequency.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
/** 2026-04-30 and 2026-05-01 are days off; weekends too. */
const isWorkingDay = (d: string) => !['2026-04-30', '2026-05-01'].includes(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

describe('slots', () => {
  it('puts an instant in the slot of its Việt Nam time, [from, to)', () => {
    expect(slotOf(vn('2026-03-14T06:00:00'))).toEqual({ date: '2026-03-14', slot: 'morning' });
    expect(slotOf(vn('2026-03-14T05:59:59'))).toBeUndefined();
    expect(slotOf(vn('2026-03-14T12:00:00'))).toEqual({ date: '2026-03-14', slot: 'afternoon' });
    expect(slotOf(vn('2026-03-14T17:59:59'))).toEqual({ date: '2026-03-14', slot: 'afternoon' });
    expect(slotOf(vn('2026-03-14T23:59:59'))).toEqual({ date: '2026-03-14', slot: 'evening' });
    // 18:30 UTC is 01:30 the next day in Việt Nam: no slot.
    expect(slotOf(new Date('2026-03-14T18:30:00Z'))).toBeUndefined();
    // 11:30 UTC is 18:30 in Việt Nam: the evening of the same day.
    expect(slotOf(new Date('2026-03-14T11:30:00Z'))).toEqual({ date: '2026-03-14', slot: 'evening' });
  });

  it('refuses overlapping or malformed boundaries', () => {
    expect(() => slotMinutes({ ...FREQUENCY_SLOTS, afternoon: { from: '11:00', to: '18:00' } })).toThrow(RangeError);
    expect(() => slotMinutes({ ...FREQUENCY_SLOTS, evening: { from: '18:00', to: '25:00' } })).toThrow(RangeError);
    expect(() => slotMinutes({ ...FREQUENCY_SLOTS, morning: { from: '12:00', to: '06:00' } })).toThrow(RangeError);
  });

  it('tells the portal (no parent) from component sites', () => {
    expect(frequencyKind({ kind: 'portal', parent_id: null })).toBe('portal');
    expect(frequencyKind({ kind: 'portal', parent_id: 1 })).toBe('component');
    expect(frequencyKind({ kind: 'ward', parent_id: 1 })).toBe('component');
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('the portal (DL-10)', () => {
  const day = (publications: Date[], now = vn('2026-05-10T00:00:00')) =>
    frequencyOf({ kind: 'portal', from: '2026-05-01', to: '2026-05-01', publications, isWorkingDay, now });

  it('needs morning, afternoon and evening, even on a holiday', () => {
    const full = day([vn('2026-05-01T07:00:00'), vn('2026-05-01T13:00:00'), vn('2026-05-01T13:30:00'), vn('2026-05-01T19:00:00')]);
    expect(full.rule).toBe('DL-10');
    expect(full.days[0]).toMatchObject({ required: true, workingDay: false });
    expect(full.days[0]!.slots).toEqual([
      { slot: 'morning', state: 'met', updates: 1 },
      { slot: 'afternoon', state: 'met', updates: 2 },
      { slot: 'evening', state: 'met', updates: 1 },
    ]);
    expect(full).toMatchObject({ met: 3, missed: 0, rate: 1, fullDays: 1, decidedDays: 1 });

    const noEvening = day([vn('2026-05-01T07:00:00'), vn('2026-05-01T13:00:00')]);
    expect(noEvening.days[0]!.slots.map((s) => s.state)).toEqual(['met', 'met', 'missed']);
    expect(noEvening).toMatchObject({ met: 2, missed: 1, fullDays: 0, decidedDays: 1 });
    expect(noEvening.rate).toBeCloseTo(2 / 3);
  });

  it('counts a slot not over yet as pending, not missed', () => {
    const r = day([vn('2026-05-01T07:00:00')], vn('2026-05-01T15:00:00'));
    expect(r.days[0]!.slots.map((s) => s.state)).toEqual(['met', 'pending', 'pending']);
    expect(r).toMatchObject({ met: 1, missed: 0, pending: 2, rate: 1, decidedDays: 0 });
  });
});

describe('a component site (DL-11)', () => {
  it('needs morning and afternoon on working days only', () => {
    const r = frequencyOf({
      kind: 'component',
      from: '2026-04-29',
      to: '2026-05-01',
      publications: [vn('2026-04-29T09:00:00'), vn('2026-04-30T09:00:00'), vn('2026-04-29T20:00:00')],
      isWorkingDay,
      now: vn('2026-05-10T00:00:00'),
    });
    expect(r.rule).toBe('DL-11');
    expect(r.slotNames).toEqual(['morning', 'afternoon']);
    expect(r.days.map((d) => [d.date, d.required, d.slots.map((s) => s.state)])).toEqual([
      ['2026-04-29', true, ['met', 'missed']],
      ['2026-04-30', false, ['not-required', 'not-required']],
      ['2026-05-01', false, ['not-required', 'not-required']],
    ]);
    expect(r).toMatchObject({ met: 1, missed: 1, rate: 0.5 });
  });
});
