import type { Role } from '../api/client';

export const paths = {
  family: '/gezin',
  pupils: '/leerlingen',
  pupil: (id: string) => `/leerlingen/${encodeURIComponent(id)}`,
  signals: '/signalen',
  newSignal: (pupilId?: string) => (pupilId ? `/signalen/nieuw?leerling=${encodeURIComponent(pupilId)}` : '/signalen/nieuw'),
  cases: '/dossiers',
  welcome: '/welkom',
  case: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
  organisations: '/beheer/organisaties',
  users: '/beheer/gebruikers',
  user: (id: string) => `/beheer/gebruikers/${encodeURIComponent(id)}`,
  invitations: (pupilId: string) => `/leerlingen/${encodeURIComponent(pupilId)}/gezinsinlog`,
  acceptInvitation: (token: string) => `/uitnodiging/${encodeURIComponent(token)}`,
  pupilImport: '/leerlingen-importeren',
  passwordSetup: '/wachtwoord-instellen',
  audit: (f?: Partial<AuditFilter>) =>
    withQuery('/privacy/logboek', {
      leerling: f?.pupil,
      gebruiker: f?.actor,
      van: f?.from,
      tot: f?.until,
      geweigerd: f?.denied ? 'ja' : undefined,
    }),
  accessReport: '/privacy/nieuwe-toegang',
  explain: (q?: { user: string; entry: string; at: string }) =>
    withQuery('/privacy/uitleg', { gebruiker: q?.user, item: q?.entry, moment: q?.at }),
  consents: (pupilId: string, caseId?: string) =>
    `/leerlingen/${encodeURIComponent(pupilId)}/toestemmingen${caseId ? `?dossier=${encodeURIComponent(caseId)}` : ''}`,
  familyChild: (pupilId: string) => `/gezin/${encodeURIComponent(pupilId)}`,
};

/** The privacy officer's audit log filter; dates `yyyy-mm-dd`, empty for none. */
export interface AuditFilter {
  pupil: string;
  actor: string;
  from: string;
  until: string;
  denied: boolean;
}

function withQuery(path: string, query: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Who may invite the family and import pupils: the school's administrator or care coordinator (the API decides per school). */
export function managesSchool(role: Role) {
  return role === 'admin' || role === 'care_coordinator';
}

const SIGNALLING_ROLES: readonly Role[] = ['mentor', 'teacher', 'care_coordinator'];

export function canRecordSignals(role: Role) {
  return SIGNALLING_ROLES.includes(role);
}

/** Roles that work on cases: they may sit at a table, lead or own an action. */
export function worksOnCases(role: Role): boolean {
  return !['admin', 'school_leader', 'policy_officer', 'researcher', 'privacy_officer', 'guardian', 'pupil'].includes(role);
}

// Professionals whose work is their cases, not a school's pupils: they start at their cases.
const CASE_FIRST_ROLES: readonly Role[] = ['school_care_worker', 'attendance_officer', 'youth_health', 'family_worker', 'inclusion_counsellor'];

// Roles that see a school's pupils (domain::pupil_list_scope); others find pupils through cases.
const SCHOOL_ROLES: readonly Role[] = ['mentor', 'teacher', 'care_coordinator', 'school_leader', 'admin'];

// Roles Samen has no screen for yet (their dashboards, without names, are a later issue).
const NO_SCREEN_ROLES: readonly Role[] = ['policy_officer', 'researcher'];

export function isFamily(role: Role) {
  return role === 'guardian' || role === 'pupil';
}

/** Where a role starts: the care coordinator at the triage queue, the family at its overview, the privacy officer at the audit log, care and youth professionals at their cases, everyone else at pupils. */
export function homeFor(role: Role) {
  if (isFamily(role)) return paths.family;
  if (role === 'privacy_officer') return paths.audit();
  if (CASE_FIRST_ROLES.includes(role)) return paths.cases;
  if (NO_SCREEN_ROLES.includes(role)) return paths.welcome;
  return role === 'care_coordinator' ? paths.signals : paths.pupils;
}

export function navItemsFor(role: Role): { href: string; label: string }[] {
  const items: { href: string; label: string }[] = [];
  if (isFamily(role)) return [{ href: paths.family, label: 'nav.family' }];
  if (role === 'privacy_officer') {
    return [
      { href: paths.audit(), label: 'privacy.nav.audit' },
      { href: paths.explain(), label: 'privacy.nav.explain' },
      { href: paths.accessReport, label: 'privacy.nav.access' },
    ];
  }
  if (role === 'care_coordinator') items.push({ href: paths.signals, label: 'nav.triage' });
  if (NO_SCREEN_ROLES.includes(role)) return [{ href: paths.welcome, label: 'welcome.nav' }];
  if (CASE_FIRST_ROLES.includes(role)) items.push({ href: paths.cases, label: 'cases.nav' });
  if (SCHOOL_ROLES.includes(role)) items.push({ href: paths.pupils, label: 'nav.pupils' });
  if (worksOnCases(role) && !CASE_FIRST_ROLES.includes(role)) items.push({ href: paths.cases, label: 'cases.nav' });
  if (canRecordSignals(role)) items.push({ href: paths.newSignal(), label: 'nav.newSignal' });
  if (role === 'mentor' || role === 'teacher') items.push({ href: paths.signals, label: 'nav.signals' });
  if (managesSchool(role)) items.push({ href: paths.pupilImport, label: 'import.nav' });
  if (role === 'admin') {
    items.push({ href: paths.users, label: 'admin.nav.users' }, { href: paths.organisations, label: 'admin.nav.organisations' });
  }
  return items;
}
