// A case as the family reads it: the goals, who does what (every action of the plan, with
// the role of its owner: the API has no actions owned by the family), who helps (the lead
// by name, everyone else by role and organisation: FamilyTeamList), the team's meetings
// about the case (coming, and when it was discussed: `meetings`, without anyone else on
// the agenda) with the review date, and what the team shared with the family, newest first.
import { useTranslation } from 'react-i18next';
import { BadgeList, Heading2, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { Case, ChronologyEntry } from '../../api/client';
import { formatDate, formatDateTime, formatInstantDate } from '../../format/dates';
import { currentLanguage } from '../../i18n';
import { paths } from '../../screens/routes';
import { AppLink } from '../../components/AppLink';
import { FamilyTeamList, familySeats, useSeatLabel } from './FamilyTeamList';

export function FamilyPlan({ kase, shared }: { kase: Case; shared: ChronologyEntry[] }) {
  const { t } = useTranslation();
  const k = 'familyPortal.plan';
  const role = (r?: string) => t(`roles.${r ?? ''}`, { defaultValue: r ?? '' });
  const seatLabel = useSeatLabel(kase);
  const people = familySeats(kase);
  const goals = kase.goals ?? [];
  const actions = kase.actions ?? [];
  const meetings = kase.meetings ?? [];
  const owner = (membershipId?: string) => {
    const m = people.find((p) => p.membership_id === membershipId) ?? kase.team.find((p) => p.membership_id === membershipId);
    return m ? seatLabel(m) : t(`${k}.someone`);
  };
  const language = currentLanguage();
  return (
    <>
      <section aria-labelledby={`plan-${kase.id}`}>
        <Heading2 id={`plan-${kase.id}`}>{t(`${k}.title`)}</Heading2>
        <Paragraph>{t(`${k}.started`, { date: formatInstantDate(kase.opened_at) })}</Paragraph>
        <Heading3>{t(`${k}.goals`)}</Heading3>
        {goals.length === 0 ? (
          <Paragraph>{t(`${k}.noGoals`)}</Paragraph>
        ) : (
          <ul className="samen-cards">
            {goals.map((g) => (
              <li key={g.id} className="samen-card">
                <Paragraph>{g.text}</Paragraph>
                <BadgeList className="samen-badges">
                  <StatusBadge status={g.achieved ? 'active' : 'neutral'}>{g.achieved ? t(`${k}.achieved`) : t(`${k}.working`)}</StatusBadge>
                </BadgeList>
              </li>
            ))}
          </ul>
        )}
        <Heading3>{t(`${k}.actions`)}</Heading3>
        {actions.length === 0 ? (
          <Paragraph>{t(`${k}.noActions`)}</Paragraph>
        ) : (
          <ul className="samen-cards" aria-label={t(`${k}.actionsCaption`)}>
            {actions.map((a) => (
              <li key={a.id} className="samen-card">
                <Paragraph>
                  <strong>{a.text}</strong>
                </Paragraph>
                <Paragraph small>
                  {t(`${k}.who`)}: {owner(a.owner_membership_id)} · {t(`${k}.when`)}: {formatDate(a.due_date) || t(`${k}.noDue`)}
                </Paragraph>
                <BadgeList className="samen-badges">
                  <StatusBadge status={a.done ? 'active' : 'neutral'}>{a.done ? t(`${k}.done`) : t(`${k}.todo`)}</StatusBadge>
                </BadgeList>
              </li>
            ))}
          </ul>
        )}
        <Heading3>{t(`${k}.team`)}</Heading3>
        <FamilyTeamList kase={kase} />
        <Heading3>{t(`${k}.next`)}</Heading3>
        <Paragraph>{kase.review_date ? t(`${k}.review`, { date: formatDate(kase.review_date) }) : t(`${k}.noReview`)}</Paragraph>
        {meetings.length > 0 && (
          <ul className="samen-plain-list" aria-label={t(`${k}.meetingsCaption`)}>
            {meetings.map((m) => (
              <li key={`${m.starts_at}-${m.title}`}>
                {t(m.state === 'planned' ? `${k}.meetingPlanned` : `${k}.meetingDiscussed`, {
                  when: m.state === 'planned' ? formatDateTime(m.starts_at, language) : formatInstantDate(m.starts_at),
                  what: t(`meetings.kinds.${m.kind}`, { defaultValue: m.kind }),
                })}
              </li>
            ))}
          </ul>
        )}
        <Paragraph small>{t(`${k}.meetingsNote`)}</Paragraph>
      </section>
      <section aria-labelledby={`shared-${kase.id}`}>
        <Heading2 id={`shared-${kase.id}`}>{t('familyPortal.shared.title')}</Heading2>
        <Paragraph>{t('familyPortal.shared.intro')}</Paragraph>
        {shared.length === 0 ? (
          <Paragraph>{t('familyPortal.shared.none')}</Paragraph>
        ) : (
          <ol className="samen-cards">
            {[...shared].reverse().map((e) => (
              <li key={e.id} className="samen-card">
                <Paragraph small>
                  {t('familyPortal.shared.by', {
                    who: [e.author.name, role(e.author.role)].filter(Boolean).join(', '),
                    when: formatDateTime(e.created_at, language),
                  })}
                </Paragraph>
                <Paragraph className="samen-prewrap">{e.text}</Paragraph>
              </li>
            ))}
          </ol>
        )}
        <Paragraph>
          <AppLink href={paths.case(kase.id)}>{t(`${k}.caseLink`)}</AppLink>
        </Paragraph>
      </section>
    </>
  );
}
