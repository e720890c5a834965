import { describe, expect, it } from 'vitest';
import { MAY, ME, NOTHING } from '../test/helpers';
import { homeFor, navItemsFor, paths } from './routes';

const labels = (may: typeof NOTHING, workspace: 'professional' | 'family' = 'professional') =>
  navItemsFor({ ...ME, workspace, may }).map((i) => i.label);

describe('the menu comes from what the server says the membership may reach', () => {
  it('shows a screen exactly when its flag is set, in the menu order', () => {
    expect(labels(MAY.mentor)).toEqual(['nav.pupils', 'cases.nav', 'meetings.nav', 'nav.newSignal', 'nav.signals']);
    expect(labels(MAY.care_coordinator)).toEqual(['nav.triage', 'nav.pupils', 'cases.nav', 'meetings.nav', 'nav.newSignal', 'import.nav']);
    expect(labels({ ...MAY.admin, list_pupils: false, import_pupils: false })).toEqual(['admin.nav.users', 'admin.nav.organisations']);
    expect(labels({ ...NOTHING, read_audit_log: true, read_access_report: true })).toEqual(['privacy.nav.audit', 'privacy.nav.access']);
  });

  it('starts where the menu starts; without any screen at the welcome page; the family at its own', () => {
    expect(homeFor({ ...ME, may: MAY.care_coordinator })).toBe(paths.signals);
    expect(homeFor({ ...ME, may: { ...NOTHING, list_cases: true } })).toBe(paths.cases);
    expect(homeFor({ ...ME, may: NOTHING })).toBe(paths.welcome);
    expect(labels(NOTHING)).toEqual(['welcome.nav']);
    expect(homeFor({ ...ME, workspace: 'family', may: MAY.family })).toBe(paths.family);
    // A family login is never offered the professionals' screens, whatever a flag says.
    expect(labels({ ...MAY.family, list_pupils: true }, 'family')).toEqual(['nav.family']);
  });
});
