import type { ParseKeys } from 'i18next';
import type { Me, Schemas } from '../api/client';

type WorkspaceMay = Schemas['WorkspaceMay'];

export const paths = {
  family: '/gezin',
  pupils: '/leerlingen',
  pupil: (id: string) => `/leerlingen/${encodeURIComponent(id)}`,
  signals: '/signalen',
  newSignal: (pupilId?: string) => (pupilId ? `/signalen/nieuw?leerling=${encodeURIComponent(pupilId)}` : '/signalen/nieuw'),
  cases: '/dossiers',
  welcome: '/welkom',
  case: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
  meetings: '/overleg',
  meeting: (id: string) => `/overleg/${encodeURIComponent(id)}`,
  notifications: '/meldingen',
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

interface NavItem {
  href: string;
  label: ParseKeys;
}

// The screens of the professionals' workspace, each behind the flag of GET /api/me that
// says whether its endpoint lets this membership in (domain::decide_workspace_may). The
// order is the menu's; the first is where the membership starts.
const SCREENS: readonly (readonly [keyof WorkspaceMay, NavItem])[] = [
  ['triage_signals', { href: paths.signals, label: 'nav.triage' }],
  ['list_pupils', { href: paths.pupils, label: 'nav.pupils' }],
  ['list_cases', { href: paths.cases, label: 'cases.nav' }],
  ['list_meetings', { href: paths.meetings, label: 'meetings.nav' }],
  ['record_signals', { href: paths.newSignal(), label: 'nav.newSignal' }],
  ['list_own_signals', { href: paths.signals, label: 'nav.signals' }],
  ['import_pupils', { href: paths.pupilImport, label: 'import.nav' }],
  ['administer', { href: paths.users, label: 'admin.nav.users' }],
  ['administer', { href: paths.organisations, label: 'admin.nav.organisations' }],
  ['read_audit_log', { href: paths.audit(), label: 'privacy.nav.audit' }],
  ['explain_others', { href: paths.explain(), label: 'privacy.nav.explain' }],
  ['read_access_report', { href: paths.accessReport, label: 'privacy.nav.access' }],
];

/** Whether the session works in the family portal (the server says so, by the login's role). */
export function isFamily(me: Me) {
  return me.workspace === 'family';
}

/** The menu of the active membership: what the server says it may reach, nothing more. */
export function navItemsFor(me: Me): NavItem[] {
  if (isFamily(me)) return me.may.family_pupils ? [{ href: paths.family, label: 'nav.family' }] : [];
  const items = SCREENS.filter(([flag]) => me.may[flag]).map(([, item]) => item);
  // Roles Samen has no screen for yet (their dashboards, without names, are a later issue).
  return items.length ? items : [{ href: paths.welcome, label: 'welcome.nav' }];
}

/** Where the membership starts: the first screen of its menu. */
export function homeFor(me: Me) {
  return navItemsFor(me)[0]?.href ?? paths.welcome;
}
