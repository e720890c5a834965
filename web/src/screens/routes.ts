import type { Role } from '../api/client';

export const paths = {
  pupils: '/leerlingen',
  pupil: (id: string) => `/leerlingen/${encodeURIComponent(id)}`,
  signals: '/signalen',
  newSignal: (pupilId?: string) => (pupilId ? `/signalen/nieuw?leerling=${encodeURIComponent(pupilId)}` : '/signalen/nieuw'),
  case: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
};

const SIGNALLING_ROLES: readonly Role[] = ['mentor', 'teacher', 'care_coordinator'];

export function canRecordSignals(role: Role) {
  return SIGNALLING_ROLES.includes(role);
}

/** Where a role starts: the care coordinator at the triage queue, everyone else at pupils. */
export function homeFor(role: Role) {
  return role === 'care_coordinator' ? paths.signals : paths.pupils;
}

export function navItemsFor(role: Role): { href: string; label: string }[] {
  const items: { href: string; label: string }[] = [];
  if (role === 'care_coordinator') items.push({ href: paths.signals, label: 'nav.triage' });
  items.push({ href: paths.pupils, label: 'nav.pupils' });
  if (canRecordSignals(role)) items.push({ href: paths.newSignal(), label: 'nav.newSignal' });
  if (role === 'mentor' || role === 'teacher') items.push({ href: paths.signals, label: 'nav.signals' });
  return items;
}
