// One entry of a chronology: kind, author and moment, category and audience (badges), the
// family flag, the text and "why can I see this?". Corrections are entries of their own:
// a correction links back to the entry it corrects ("correctie van …"), a corrected entry
// forward to its corrections ("gecorrigeerd door …"), with in-page links. `onCorrect`
// (for those who may write) starts a correction of this entry; nothing is edited in place.
import { type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { BadgeList, Button, DataBadge, Heading3, Link, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { ChronologyEntry } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../format/dates';
import { WhyCanISee } from './WhyCanISee';

const KNOWN_KINDS = new Set([
  'observation',
  'conversation',
  'note',
  'decision',
  'signal',
  'triage',
  'level_change',
  'team_change',
  'family_view',
]);

export const entryAnchor = (id: string) => `item-${id}`;

export function entryKind(t: TFunction, kind: string): string {
  if (kind === 'closure') return t('caseEdit.chronology.closure');
  return t(`entryKinds.${KNOWN_KINDS.has(kind) ? kind : 'other'}`, { defaultValue: kind });
}

export function entryAuthor(t: TFunction, e: ChronologyEntry): string {
  const role = t(`roles.${e.author.role}`, { defaultValue: e.author.role });
  return [e.author.name, role].filter(Boolean).join(', ');
}

/** "Observatie van Joost de Mentor, mentor, 12 september 2026, 12:00". */
export function describeEntry(t: TFunction, e: ChronologyEntry): string {
  return t('caseEdit.chronology.describe', {
    kind: entryKind(t, e.kind),
    author: entryAuthor(t, e),
    when: formatDateTime(e.created_at, currentLanguage()),
  });
}

export function Entry({
  entry: e,
  loaded,
  onJump,
  onCorrect,
}: {
  entry: ChronologyEntry;
  /** The entries on the page so far, by id, to name the linked ones. */
  loaded: ReadonlyMap<string, ChronologyEntry>;
  onJump(id: string): void;
  onCorrect?(entry: ChronologyEntry): void;
}) {
  const { t } = useTranslation();
  const headingId = `entry-${e.id}`;
  const jump = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onJump(id);
  };
  const corrected = e.corrects ? loaded.get(e.corrects) : undefined;
  return (
    <article id={entryAnchor(e.id)} tabIndex={-1} aria-labelledby={headingId} className="samen-entry">
      <Heading3 id={headingId}>
        {entryKind(t, e.kind)}
        {e.corrects && ` — ${t('case.correction')}`}
      </Heading3>
      <Paragraph small>
        {t('case.by', { role: entryAuthor(t, e), when: formatDateTime(e.created_at, currentLanguage()) })}
      </Paragraph>
      <BadgeList className="samen-badges">
        <DataBadge>{t(`categories.${e.category}`)}</DataBadge>
        <StatusBadge status="neutral">{t('case.audience', { audience: t(`audiences.${e.audience}`) })}</StatusBadge>
        {e.family_visible && <StatusBadge status="active">{t('case.family')}</StatusBadge>}
        {e.corrected_by.length > 0 && <StatusBadge status="warning">{t('caseEdit.chronology.corrected')}</StatusBadge>}
      </BadgeList>
      {e.corrects && (
        <Paragraph className="samen-entry__link">
          <Link href={`#${entryAnchor(e.corrects)}`} onClick={jump(e.corrects)}>
            {corrected
              ? t('caseEdit.chronology.correctionOf', { entry: describeEntry(t, corrected) })
              : t('caseEdit.chronology.correctionOfUnknown')}
          </Link>
        </Paragraph>
      )}
      <Paragraph className="samen-prewrap">{e.text}</Paragraph>
      {e.corrected_by.map((id) => {
        const correction = loaded.get(id);
        return (
          <Paragraph key={id} className="samen-entry__link">
            <Link href={`#${entryAnchor(id)}`} onClick={jump(id)}>
              {correction
                ? t('caseEdit.chronology.correctedBy', { entry: describeEntry(t, correction) })
                : t('caseEdit.chronology.correctedByLater')}
            </Link>
          </Paragraph>
        );
      })}
      {onCorrect && (
        <Button appearance="subtle-button" type="button" aria-describedby={headingId} onClick={() => onCorrect(e)}>
          {t('caseEdit.chronology.correct')}
        </Button>
      )}
      <WhyCanISee entry={e} />
    </article>
  );
}
