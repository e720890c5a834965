import { describe, expect, it } from 'vitest';
import { dutchMomentToInstant, formatInstantTime, parseDutchDate, parseTime } from './dates';

describe('dates typed in Dutch notation', () => {
  it('reads dd-mm-jjjj into yyyy-mm-dd, and refuses what is no date', () => {
    expect(parseDutchDate('01-12-2026')).toBe('2026-12-01');
    expect(parseDutchDate('1-2-2026')).toBe('2026-02-01');
    expect(parseDutchDate(' 9/3/2014 ')).toBe('2014-03-09');
    expect(parseDutchDate('31-02-2026')).toBeNull();
    expect(parseDutchDate('2026-12-01')).toBeNull();
    expect(parseDutchDate('')).toBeNull();
  });

  it('reads a time of day', () => {
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('23.59')).toBe('23:59');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('noon')).toBeNull();
  });

  it('turns a moment on Dutch clocks into the UTC instant, in winter and summer time', () => {
    expect(dutchMomentToInstant('2026-12-01', '10:15')).toBe('2026-12-01T09:15:00.000Z');
    expect(dutchMomentToInstant('2026-07-01', '11:15')).toBe('2026-07-01T09:15:00.000Z');
    expect(dutchMomentToInstant('2026-12-01')).toBe('2026-11-30T23:00:00.000Z');
    expect(formatInstantTime('2026-07-01T09:15:00Z')).toBe('11:15');
  });
});
