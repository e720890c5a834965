import { describe, expect, it } from 'vitest';
import { ageOn, bandOn, birthdayAt, dutchToday, partiesFit } from './wgbo';

describe('WGBO bands', () => {
  it('counts the age on the Dutch civil date', () => {
    // 23:30 UTC on 13 March is already 14 March in the Netherlands (winter time, UTC+1).
    expect(dutchToday(new Date('2027-03-13T23:30:00Z'))).toBe('2027-03-14');
    expect(dutchToday(new Date('2027-03-13T22:59:00Z'))).toBe('2027-03-13');
    expect(ageOn('2011-03-14', '2027-03-13')).toBe(15);
    expect(ageOn('2011-03-14', '2027-03-14')).toBe(16);
  });

  it('gives the band and the coming birthday that changes it', () => {
    expect(bandOn('2011-03-14', '2026-12-01')).toEqual({
      age: 15,
      band: 'guardian_and_pupil',
      next: { date: '2027-03-14', age: 16, band: 'pupil' },
    });
    expect(bandOn('2016-05-02', '2026-12-01')).toEqual({
      age: 10,
      band: 'guardian',
      next: { date: '2028-05-02', age: 12, band: 'guardian_and_pupil' },
    });
    expect(bandOn('2009-01-01', '2026-12-01')).toEqual({ age: 17, band: 'pupil', next: null });
    expect(bandOn(undefined)).toBeNull();
  });

  it('moves a 29 February birthday to 1 March in other years, as the server does', () => {
    expect(birthdayAt('2012-02-29', 16)).toBe('2028-02-29');
    expect(birthdayAt('2011-02-28', 16)).toBe('2027-02-28');
    expect(birthdayAt('2008-02-29', 12)).toBe('2020-02-29');
    expect(birthdayAt('2012-02-29', 12)).toBe('2024-02-29');
    expect(ageOn('2012-02-29', '2027-02-28')).toBe(14);
    expect(ageOn('2012-02-29', '2027-03-01')).toBe(15);
  });

  it('checks the parties against the band', () => {
    expect(partiesFit('guardian', 1, false)).toBe(true);
    expect(partiesFit('guardian', 0, true)).toBe(false);
    expect(partiesFit('guardian_and_pupil', 1, false)).toBe(false);
    expect(partiesFit('guardian_and_pupil', 2, true)).toBe(true);
    expect(partiesFit('pupil', 1, false)).toBe(false);
    expect(partiesFit('pupil', 0, true)).toBe(true);
  });
});
