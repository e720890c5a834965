// How the case page names people, roles and organisations in its texts.
import type { TFunction } from 'i18next';
import type { Person } from './caseData';

export function roleLabel(t: TFunction, role: string | undefined): string {
  return role ? t(`roles.${role}`, { defaultValue: role }) : '';
}

/** "Tom Gezinswerker (gezinswerker, Buurtteam Lindeveld-Oost)". */
export function personLabel(t: TFunction, p: Person, organisations: Map<string, string>): string {
  const details = [roleLabel(t, p.role), p.organisation_id ? organisations.get(p.organisation_id) : undefined].filter(Boolean);
  return details.length ? `${p.name} (${details.join(', ')})` : p.name;
}

/** A membership's person, or a neutral text when the case does not name it. */
export function membershipName(t: TFunction, people: Map<string, Person>, membershipId: string | undefined | null): string {
  const p = membershipId ? people.get(membershipId) : undefined;
  return p?.name || t('caseEdit.unknownPerson');
}

/** A reason the server left out for this viewer: professionals read it in the chronology. */
export function hiddenReason(t: TFunction, family: boolean): string {
  return family ? t('pupil.none') : t('caseEdit.team.reasonInChronology');
}
