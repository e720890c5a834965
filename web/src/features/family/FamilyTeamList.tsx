// Who helps, as the family sees it: the lead by name — their contact — and everyone else at
// the table by role and organisation. The API already leaves the others' names out; this
// list never falls back to an id or an empty name.
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { Case } from '../../api/client';

type Seat = NonNullable<Case['lead']> | Case['team'][number];

/** The seats now at the table, the lead first, each once. */
export function familySeats(kase: Case): Seat[] {
  const seats: Seat[] = [...(kase.lead ? [kase.lead] : []), ...kase.team.filter((m) => !m.removed_at)];
  return seats.filter((m, i) => seats.findIndex((x) => x.membership_id === m.membership_id) === i);
}

/** How the family's view names a seat: "Name (role, organisation)" for the lead, else "role, organisation". */
export function useSeatLabel(kase: Case) {
  const { t } = useTranslation();
  const k = 'familyPortal.plan';
  return (m: Seat) => {
    const role = t(`roles.${m.role ?? ''}`, { defaultValue: m.role ?? '' });
    const organisation = m.organisation_name ?? '';
    const isLead = !!kase.lead && m.membership_id === kase.lead.membership_id;
    if (isLead && m.name)
      return organisation ? t(`${k}.lead`, { name: m.name, role, organisation }) : t(`${k}.leadOnly`, { name: m.name, role });
    return organisation ? t(`${k}.roleAt`, { role, organisation }) : role;
  };
}

export function FamilyTeamList({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const label = useSeatLabel(kase);
  const seats = familySeats(kase);
  if (seats.length === 0) return <Paragraph>{t('familyPortal.plan.noTeam')}</Paragraph>;
  return (
    <ul aria-label={t('familyPortal.plan.teamCaption')}>
      {seats.map((m) => (
        <li key={m.membership_id}>{label(m)}</li>
      ))}
    </ul>
  );
}
