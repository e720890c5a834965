import { describe, expect, it } from 'vitest';
import { dutchMomentToInstant, formatInstantTime, parseTime } from './dates';

describe('dates typed in Dutch notation', () => {
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
