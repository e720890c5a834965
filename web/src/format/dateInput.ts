// Dates people type, in Dutch notation: `3-12-2026`, `03-12-2026` (also with / or .), or
// `2026-12-03`, all to the API's `yyyy-mm-dd`; and "today" in Dutch local time, to tell
// which due dates have passed.
import { formatDate, parseDate } from './dates';

/** What was typed → `yyyy-mm-dd`; `''` for an empty field; null when it is no real date. */
export function parseDutchDate(typed: string): string | null {
  const text = typed.trim();
  if (!text) return '';
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const iso = dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : text;
  const date = parseDate(iso);
  // 31-02-2026 rolls over to March in Date: not a real date.
  return date && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** `yyyy-mm-dd` → what the field shows (`03-12-2026`); empty for none. */
export function dateForInput(value: string | null | undefined): string {
  return formatDate(value);
}

/** Today's calendar date in the Netherlands, `yyyy-mm-dd`. */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** A due date (`yyyy-mm-dd`) that has passed, for work not yet done. */
export function isOverdue(due: string | null | undefined, done: boolean, today = todayInNetherlands()): boolean {
  return !done && Boolean(due) && (due as string) < today;
}
