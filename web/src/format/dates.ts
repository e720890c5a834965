// Dates in Dutch notation, in both languages: dd-mm-jjjj for short dates, "1 december 2026"
// for long ones (month names in the UI's language), times in Dutch local time.
import type { Language } from '../i18n';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const ZONE = 'Europe/Amsterdam';

/** A calendar date `yyyy-mm-dd` as a Date at UTC midnight, or null when it is not one. */
export function parseDate(value: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-12-01` → `01-12-2026`. */
export function formatDate(value: string | null | undefined): string {
  const date = parseDate(value);
  if (!date) return '';
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}-${mm}-${date.getUTCFullYear()}`;
}

/** `2026-12-01` → `1 december 2026` (Dutch) or `1 December 2026` (English). */
export function formatDateLong(value: string | null | undefined, language: Language = 'nl'): string {
  const date = parseDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** An instant (ISO 8601) → `1 december 2026, 10:15` in Dutch local time. */
export function formatDateTime(value: string | null | undefined, language: Language = 'nl'): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const day = new Intl.DateTimeFormat(LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).format(date);
  const time = new Intl.DateTimeFormat('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(date);
  return `${day}, ${time}`;
}

/** Whole years between a date of birth and `today` (both `yyyy-mm-dd` or Date). */
export function ageInYears(dateOfBirth: string, today: Date = new Date()): number | null {
  const born = parseDate(dateOfBirth);
  if (!born) return null;
  let age = today.getUTCFullYear() - born.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < born.getUTCMonth() ||
    (today.getUTCMonth() === born.getUTCMonth() && today.getUTCDate() < born.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** An instant (ISO 8601) → its calendar day in Dutch local time, `dd-mm-jjjj`. */
export function formatInstantDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('nl-NL', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: ZONE,
  }).format(date);
}

/** A time typed as `9:05` or `09:05` → `09:05`; null when it is no time of day. */
export function parseTime(value: string): string | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(value);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function amsterdamOffset(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - Math.floor(ms / 60000) * 60000) / 60000;
}

/** A date (`yyyy-mm-dd`) and time (`hh:mm`) on Dutch clocks → the instant, ISO 8601 UTC. */
export function dutchMomentToInstant(date: string, time = '00:00'): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  let ms = wall - amsterdamOffset(wall) * 60000;
  ms = wall - amsterdamOffset(ms) * 60000;
  return new Date(ms).toISOString();
}

/** An instant → its time of day on Dutch clocks, `hh:mm`. */
export function formatInstantTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }).format(date);
}
