import { describe, expect, it } from 'vitest';
import { parseDutchDate } from './dateInput';

describe('parseDutchDate', () => {
  it('reads dd-mm-jjjj and its variants', () => {
    expect(parseDutchDate('01-06-2027')).toBe('2027-06-01');
    expect(parseDutchDate(' 1/6/2027 ')).toBe('2027-06-01');
    expect(parseDutchDate('29.02.2028')).toBe('2028-02-29');
    expect(parseDutchDate('')).toBe('');
  });
  it('refuses what is no date', () => {
    expect(parseDutchDate('29-02-2027')).toBeNull();
    expect(parseDutchDate('2027-06-01')).toBeNull();
    expect(parseDutchDate('32-01-2027')).toBeNull();
    expect(parseDutchDate('morgen')).toBeNull();
  });
});
