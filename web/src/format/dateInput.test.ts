import { describe, expect, it } from 'vitest';
import { dateForInput, isOverdue, parseDutchDate, todayInNetherlands } from './dateInput';

describe('typed dates', () => {
  it('reads Dutch notation and ISO dates', () => {
    expect(parseDutchDate('03-12-2026')).toBe('2026-12-03');
    expect(parseDutchDate('3-12-2026')).toBe('2026-12-03');
    expect(parseDutchDate(' 3/1/2027 ')).toBe('2027-01-03');
    expect(parseDutchDate('2026-12-03')).toBe('2026-12-03');
    expect(parseDutchDate('')).toBe('');
  });

  it('refuses what is no real date', () => {
    expect(parseDutchDate('31-02-2026')).toBeNull();
    expect(parseDutchDate('morgen')).toBeNull();
    expect(parseDutchDate('12-2026')).toBeNull();
  });

  it('shows stored dates in Dutch notation', () => {
    expect(dateForInput('2026-12-03')).toBe('03-12-2026');
    expect(dateForInput(null)).toBe('');
  });

  it('knows today in Dutch local time and which due dates passed', () => {
    expect(todayInNetherlands(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(isOverdue('2026-11-30', false, '2026-12-01')).toBe(true);
    expect(isOverdue('2026-12-01', false, '2026-12-01')).toBe(false);
    expect(isOverdue('2026-11-30', true, '2026-12-01')).toBe(false);
    expect(isOverdue(null, false, '2026-12-01')).toBe(false);
  });
});
