import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.ts';
import { isOpenAt, nextOpening, openSince, parseHolidays, parseWeeklyHours, type OfficeSchedule } from '../../bot/handoff/office-hours.ts';

const schedule = (hours: string, holidays = ''): OfficeSchedule => ({ weekly: parseWeeklyHours(hours), holidays: parseHolidays(holidays) });
/** A Jakarta wall-clock time (WIB, UTC+7) as an instant. */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('office hours in Jakarta time', () => {
  const week = schedule('mon-thu 07:30-16:00; fri 07:30-11:30, 13:00-16:30', '2026-08-17');

  it.each([
    ['Monday 07:29', '2026-05-11T07:29:00', false],
    ['Monday 07:30', '2026-05-11T07:30:00', true],
    ['Monday 15:59', '2026-05-11T15:59:00', true],
    ['Monday 16:00 (the end is exclusive)', '2026-05-11T16:00:00', false],
    ['Friday prayers 12:00', '2026-05-15T12:00:00', false],
    ['Friday 16:15', '2026-05-15T16:15:00', true],
    ['Saturday 10:00', '2026-05-16T10:00:00', false],
    ['Independence Day (a Monday holiday) 10:00', '2026-08-17T10:00:00', false],
  ])('%s is %s', (_label, local, open) => {
    expect(isOpenAt(week, wib(local))).toBe(open);
  });

  it.each([
    ['a weekday evening → the next morning', '2026-05-11T18:00:00', '2026-05-12T07:30:00'],
    ['early morning → the same morning', '2026-05-12T05:00:00', '2026-05-12T07:30:00'],
    ['Friday lunch → Friday afternoon', '2026-05-15T12:00:00', '2026-05-15T13:00:00'],
    ['Friday evening → Monday', '2026-05-15T17:00:00', '2026-05-18T07:30:00'],
    ['the weekend before a holiday Monday → Tuesday', '2026-08-15T09:00:00', '2026-08-18T07:30:00'],
  ])('the next opening after %s', (_label, local, expected) => {
    expect(nextOpening(week, wib(local))?.toISOString()).toBe(wib(expected).toISOString());
  });

  it('has no next opening while officers are on duty', () => {
    expect(nextOpening(week, wib('2026-05-11T09:00:00'))).toBeNull();
  });

  it('knows since when officers have been on duty: the start of the current stretch', () => {
    expect(openSince(week, wib('2026-05-15T14:00:00'))?.toISOString()).toBe(wib('2026-05-15T13:00:00').toISOString());
    expect(openSince(week, wib('2026-05-16T10:00:00'))).toBeNull();
  });

  it('treats a round-the-clock desk as one continuous stretch across midnight', () => {
    const always = schedule('always');
    const since = openSince(always, wib('2026-05-12T00:30:00'))!;
    expect(since.getTime()).toBeLessThan(wib('2026-05-11T00:00:00').getTime());
  });
});

describe('OFFICE_HOURS and PUBLIC_HOLIDAYS are checked at start-up', () => {
  it.each([
    ['mon-fry 08:00-16:00', /unknown day "fry"/],
    ['mon-fri 8-16', /not a time range like 08:00-16:00/],
    ['mon-fri 16:00-08:00', /ends before it starts/],
    ['mon-fri 08:00-12:00, 11:00-16:00', /hours given for mon overlap/],
    ['', /is empty/],
  ])('rejects OFFICE_HOURS=%j with a message that says how to fix it', (value, message) => {
    expect(() => loadConfig({ OFFICE_HOURS: value })).toThrow(message);
    expect(() => loadConfig({ OFFICE_HOURS: value })).toThrow(/OFFICE_HOURS/);
  });

  it('rejects a holiday that is not a real date', () => {
    expect(() => loadConfig({ PUBLIC_HOLIDAYS: '2026-02-30' })).toThrow(/PUBLIC_HOLIDAYS: "2026-02-30" is not a date in YYYY-MM-DD form/);
  });

  it('defaults to Monday to Friday, 08:00–16:00, without holidays', () => {
    const config = loadConfig({});
    expect(isOpenAt({ weekly: config.OFFICE_HOURS, holidays: config.PUBLIC_HOLIDAYS }, wib('2026-05-13T08:00:00'))).toBe(true);
    expect(isOpenAt({ weekly: config.OFFICE_HOURS, holidays: config.PUBLIC_HOLIDAYS }, wib('2026-05-16T08:00:00'))).toBe(false);
  });
});
