import type { Role } from '../api/client';

export const paths = {
  family: '/gezin',
  pupils: '/leerlingen',
  pupil: (id: string) => `/leerlingen/${encodeURIComponent(id)}`,
  signals: '/signalen',
  newSignal: (pupilId?: string) => (pupilId ? `/signalen/nieuw?leerling=${encodeURIComponent(pupilId)}` : '/signalen/nieuw'),
  case: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
  consents: (pupilId: string, caseId?: string) =>
    `/leerlingen/${encodeURIComponent(pupilId)}/toestemmingen${caseId ? `?dossier=${encodeURIComponent(caseId)}` : ''}`,
  familyChild: (pupilId: string) => `/gezin/${encodeURIComponent(pupilId)}`,
};

const SIGNALLING_ROLES: readonly Role[] = ['mentor', 'teacher', 'care_coordinator'];

export function canRecordSignals(role: Role) {
  return SIGNALLING_ROLES.includes(role);
}

export function isFamily(role: Role) {
  return role === 'guardian' || role === 'pupil';
}

/** Where a role starts: the care coordinator at the triage queue, the family at its overview, everyone else at pupils. */
export function homeFor(role: Role) {
  if (isFamily(role)) return paths.family;
  return role === 'care_coordinator' ? paths.signals : paths.pupils;
}

export function navItemsFor(role: Role): { href: string; label: string }[] {
  const items: { href: string; label: string }[] = [];
  if (isFamily(role)) return [{ href: paths.family, label: 'nav.family' }];
  if (role === 'care_coordinator') items.push({ href: paths.signals, label: 'nav.triage' });
  items.push({ href: paths.pupils, label: 'nav.pupils' });
  if (canRecordSignals(role)) items.push({ href: paths.newSignal(), label: 'nav.newSignal' });
  if (role === 'mentor' || role === 'teacher') items.push({ href: paths.signals, label: 'nav.signals' });
  return items;
}
