// The pupil's guardians with the history of parental authority: the current ones, then
// those who left the record, marked as ended with the date. An ended guardian keeps their
// name here because consents they gave still name them (the API keeps them for that).
import { useTranslation } from 'react-i18next';
import { BadgeList, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { Pupil } from '../../api/client';
import { formatInstantDate } from '../../format/dates';
import { SimpleTable } from '../../components/SimpleTable';

type Guardian = NonNullable<Pupil['guardians']>[number];

export function GuardianHistory({ current, ended, name }: { current: readonly Guardian[]; ended: readonly Guardian[]; name: string }) {
  const { t } = useTranslation();
  const none = t('pupil.none');
  if (current.length === 0 && ended.length === 0) return <Paragraph>{t('pupil.noGuardians')}</Paragraph>;
  const period = (g: Guardian) => {
    const from = g.from ? formatInstantDate(g.from) : t('pupil.unknownStart');
    return g.until ? t('pupil.fromUntil', { from, until: formatInstantDate(g.until) }) : t('pupil.since', { from });
  };
  const row = (g: Guardian) => ({
    key: g.id,
    cells: [
      g.name,
      g.relation,
      g.email ?? none,
      g.phone ?? none,
      g.parental_authority ? t('pupil.yes') : t('pupil.no'),
      period(g),
      <BadgeList className="samen-badges" key="status">
        <StatusBadge status={g.until ? 'neutral' : 'active'}>{g.until ? t('pupil.ended') : t('pupil.current')}</StatusBadge>
      </BadgeList>,
    ],
  });
  return (
    <>
      <SimpleTable
        caption={t('pupil.guardiansCaption', { name })}
        headers={[
          t('pupil.guardianName'),
          t('pupil.relation'),
          t('pupil.email'),
          t('pupil.phone'),
          t('pupil.authority'),
          t('pupil.period'),
          t('pupil.status'),
        ]}
        rows={[...current.map(row), ...ended.map(row)]}
      />
      {ended.length > 0 && <Paragraph small>{t('pupil.endedNote')}</Paragraph>}
    </>
  );
}
