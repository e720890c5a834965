import { describe, expect, it } from 'vitest';
import { ageInYears, formatDate, formatDateLong, formatDateTime, formatInstantDate } from './dates';

describe('Dutch date notation', () => {
  it('writes short dates as dd-mm-jjjj', () => {
    expect(formatDate('2026-12-01')).toBe('01-12-2026');
    expect(formatDate('2014-03-09')).toBe('09-03-2014');
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(null)).toBe('');
  });

  it('writes long dates as "1 december 2026", month names in the UI language', () => {
    expect(formatDateLong('2026-12-01')).toBe('1 december 2026');
    expect(formatDateLong('2026-12-01', 'en')).toBe('1 December 2026');
  });

  it('shows instants in Dutch local time', () => {
    expect(formatDateTime('2026-12-01T09:15:00Z')).toBe('1 december 2026, 10:15'); // CET
    expect(formatDateTime('2026-07-01T09:15:00Z')).toBe('1 juli 2026, 11:15'); // CEST
    expect(formatInstantDate('2026-11-30T23:30:00Z')).toBe('01-12-2026');
  });

  it('counts age in whole years, the birthday itself included', () => {
    const on = (d: string) => new Date(`${d}T12:00:00Z`);
    expect(ageInYears('2014-03-09', on('2026-03-08'))).toBe(11);
    expect(ageInYears('2014-03-09', on('2026-03-09'))).toBe(12);
  });
});
