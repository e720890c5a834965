// Who consents under the medical-treatment act (WGBO), as the server counts it
// (src/domain/consent.hpp): the pupil's age in whole years on the Dutch civil date — under
// 12 the guardians with parental authority, 12 to 15 such a guardian and the pupil both, 16
// and over the pupil alone. A birthday on 29 February counts from 1 March in other years,
// as the server's month/day comparison does.

export type ConsentBand = 'guardian' | 'guardian_and_pupil' | 'pupil';

const ymd = (value: string) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)?.slice(1).map(Number) ?? null;
const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in the Netherlands (`yyyy-mm-dd`), whatever the device's time zone. */
export function dutchToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole years on `on` (both `yyyy-mm-dd`): on the day of the 12th birthday the pupil is 12. */
export function ageOn(dateOfBirth: string, on: string): number | null {
  const born = ymd(dateOfBirth);
  const day = ymd(on);
  if (!born || !day) return null;
  let age = day[0]! - born[0]!;
  if (day[1]! < born[1]! || (day[1] === born[1] && day[2]! < born[2]!)) age -= 1;
  return age;
}

export function bandForAge(age: number): ConsentBand {
  if (age < 12) return 'guardian';
  if (age < 16) return 'guardian_and_pupil';
  return 'pupil';
}

/** The first day on which the pupil is `age` (a 29 February birthday: 1 March in other years). */
export function birthdayAt(dateOfBirth: string, age: 12 | 16): string | null {
  const born = ymd(dateOfBirth);
  if (!born) return null;
  const year = born[0]! + age;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (born[1] === 2 && born[2] === 29 && !leap) return `${year}-03-01`;
  return `${year}-${pad(born[1]!)}-${pad(born[2]!)}`;
}

export interface BandNow {
  age: number;
  band: ConsentBand;
  /** The coming birthday that moves the pupil into the next band (none from 16 on). */
  next: { date: string; age: 12 | 16; band: ConsentBand } | null;
}

/** The band on `on` (default: today in the Netherlands) and the birthday that changes it. */
export function bandOn(dateOfBirth: string | null | undefined, on: string = dutchToday()): BandNow | null {
  if (!dateOfBirth) return null;
  const age = ageOn(dateOfBirth, on);
  if (age === null || age < 0) return null;
  const band = bandForAge(age);
  const nextAge = age < 12 ? 12 : age < 16 ? 16 : null;
  const date = nextAge ? birthdayAt(dateOfBirth, nextAge) : null;
  return { age, band, next: nextAge && date ? { date, age: nextAge, band: bandForAge(nextAge) } : null };
}

/** Whether these parties fit the band (more parties than needed do no harm). */
export function partiesFit(band: ConsentBand, guardians: number, pupil: boolean): boolean {
  if (band === 'guardian') return guardians > 0;
  if (band === 'guardian_and_pupil') return guardians > 0 && pupil;
  return pupil;
}
