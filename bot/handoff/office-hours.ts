/**
 * Office hours in Asia/Jakarta time (WIB). Pure functions over a parsed schedule: whether officers
 * are on duty at an instant, when they next start, and since when they have been on duty.
 * Jakarta has kept UTC+7 without daylight saving since 1964, so a fixed offset is exact.
 */

const JAKARTA_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** How far ahead to look for the next opening: long enough to step over any holiday season. */
const SEARCH_DAYS = 400;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Minutes from local midnight; `end` may be 1440 (24:00). */
export interface OpenInterval {
  start: number;
  end: number;
}

/** Index 0 is Sunday, as in Date#getUTCDay. */
export type WeeklyHours = OpenInterval[][];

export interface OfficeSchedule {
  weekly: WeeklyHours;
  /** Public holidays as Jakarta calendar dates, YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
}

export class OfficeHoursError extends Error {}

const EXAMPLE = 'e.g. "mon-fri 08:00-16:00" or "mon-thu 07:30-16:00; fri 07:30-11:30, 13:00-16:30"';

/** Parses `OFFICE_HOURS`: `always`, or `;`-separated `<days> <HH:MM-HH:MM>[, <HH:MM-HH:MM>…]`. */
export function parseWeeklyHours(spec: string): WeeklyHours {
  const text = spec.trim().toLowerCase();
  if (text === 'always') return WEEKDAYS.map(() => [{ start: 0, end: MINUTES_PER_DAY }]);
  if (!text) throw new OfficeHoursError(`is empty; give the days and hours officers work, ${EXAMPLE}`);
  const weekly: WeeklyHours = WEEKDAYS.map(() => []);
  for (const segment of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const match = /^([a-z,\s-]+?)\s+(\d.*)$/.exec(segment);
    if (!match) throw new OfficeHoursError(`"${segment}" is not "<days> <hours>", ${EXAMPLE}`);
    const intervals = match[2].split(/[,\s]+/).filter(Boolean).map(parseInterval);
    for (const day of parseDays(match[1])) weekly[day].push(...intervals);
  }
  weekly.forEach((intervals, day) => {
    intervals.sort((a, b) => a.start - b.start);
    for (let i = 1; i < intervals.length; i += 1) {
      if (intervals[i].start < intervals[i - 1].end) throw new OfficeHoursError(`the hours given for ${WEEKDAYS[day]} overlap`);
    }
  });
  return weekly;
}

/** Parses `PUBLIC_HOLIDAYS`: ISO dates separated by commas or spaces. */
export function parseHolidays(spec: string): Set<string> {
  const dates = spec.split(/[,\s]+/).filter(Boolean);
  for (const date of dates) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
    if (!valid) throw new OfficeHoursError(`"${date}" is not a date in YYYY-MM-DD form, e.g. "2026-08-17"`);
  }
  return new Set(dates);
}

function parseDays(spec: string): number[] {
  const days = new Set<number>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [from, to = from] = part.split('-').map((s) => s.trim());
    const a = dayIndex(from);
    const b = dayIndex(to);
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days];
}

function dayIndex(name: string): number {
  const index = (WEEKDAYS as readonly string[]).indexOf(name);
  if (index < 0) throw new OfficeHoursError(`unknown day "${name}"; use ${WEEKDAYS.join(' ')}, ${EXAMPLE}`);
  return index;
}

function parseInterval(text: string): OpenInterval {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text);
  const bad = () => new OfficeHoursError(`"${text}" is not a time range like 08:00-16:00 (24-hour clock, WIB)`);
  if (!match) throw bad();
  const [h1, m1, h2, m2] = match.slice(1).map(Number);
  if (h1 > 23 || m1 > 59 || m2 > 59 || h2 > 24 || (h2 === 24 && m2 > 0)) throw bad();
  const interval = { start: h1 * 60 + m1, end: h2 * 60 + m2 };
  if (interval.end <= interval.start) throw new OfficeHoursError(`"${text}" ends before it starts`);
  return interval;
}

/** A Jakarta calendar day: its date, weekday, and the UTC instant of its midnight. */
interface LocalDay {
  date: string;
  weekday: number;
  midnight: number;
}

function localDay(instantMs: number): LocalDay {
  const shifted = new Date(instantMs + JAKARTA_OFFSET_MS);
  const midnightShifted = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate());
  return { date: shifted.toISOString().slice(0, 10), weekday: shifted.getUTCDay(), midnight: midnightShifted - JAKARTA_OFFSET_MS };
}

const intervalsOn = (s: OfficeSchedule, day: LocalDay) => (s.holidays.has(day.date) ? [] : s.weekly[day.weekday]);

function currentInterval(s: OfficeSchedule, now: Date): { day: LocalDay; interval: OpenInterval } | null {
  const day = localDay(now.getTime());
  const minute = (now.getTime() - day.midnight) / 60_000;
  const interval = intervalsOn(s, day).find((i) => minute >= i.start && minute < i.end);
  return interval ? { day, interval } : null;
}

export function isOpenAt(s: OfficeSchedule, now: Date): boolean {
  return currentInterval(s, now) !== null;
}

/** When officers next come on duty, or null if they are on duty now (or the schedule never opens). */
export function nextOpening(s: OfficeSchedule, now: Date): Date | null {
  if (isOpenAt(s, now)) return null;
  const today = localDay(now.getTime());
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const day = localDay(today.midnight + offset * DAY_MS + DAY_MS / 2);
    const next = intervalsOn(s, day)
      .map((i) => day.midnight + i.start * 60_000)
      .find((start) => start > now.getTime());
    if (next !== undefined) return new Date(next);
  }
  return null;
}

/**
 * Since when officers have been continuously on duty, or null when they are off duty. Intervals
 * that run to midnight and resume at 00:00 count as one, so round-the-clock desks work.
 */
export function openSince(s: OfficeSchedule, now: Date): Date | null {
  const current = currentInterval(s, now);
  if (!current) return null;
  let { day, interval } = current;
  for (let back = 0; interval.start === 0 && back < 31; back += 1) {
    const previous = localDay(day.midnight - DAY_MS / 2);
    const last = intervalsOn(s, previous).find((i) => i.end === MINUTES_PER_DAY);
    if (!last) break;
    day = previous;
    interval = last;
  }
  return new Date(day.midnight + interval.start * 60_000);
}
