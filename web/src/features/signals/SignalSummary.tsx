import { useTranslation } from 'react-i18next';
import { BadgeList, DataBadge, Heading2, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { Signal } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../format/dates';

const URGENCY_STATUS = { normal: 'neutral', soon: 'warning', urgent: 'danger' } as const;

/** A signal as a card body: who reported it and when, subjects, urgency, status, text. */
export function SignalSummary({
  signal,
  title,
  headingLevel,
  headingId,
}: {
  signal: Signal;
  title?: string;
  headingLevel: 2 | 3;
  headingId?: string;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const by = t('signals.by', {
    name: signal.author_name,
    role: t(`roles.${signal.author_role}`),
    when: formatDateTime(signal.created_at, currentLanguage()),
  });
  return (
    <>
      <Heading id={headingId}>{title ?? by}</Heading>
      {title && <Paragraph small>{by}</Paragraph>}
      <BadgeList className="samen-badges">
        {signal.categories.map((c) => (
          <DataBadge key={c}>{t(`categories.${c}`)}</DataBadge>
        ))}
        <StatusBadge status={URGENCY_STATUS[signal.urgency]}>
          {`${t('signals.urgency')}: ${t(`urgency.${signal.urgency}`)}`}
        </StatusBadge>
        <StatusBadge status={signal.status === 'open' ? 'active' : 'inactive'}>
          {t(`signalStatus.${signal.status}`)}
        </StatusBadge>
      </BadgeList>
      <Paragraph className="samen-prewrap">{signal.text}</Paragraph>
      {signal.advice && (
        <Paragraph className="samen-prewrap">
          <strong>{t('signals.advice')}:</strong> {signal.advice}
        </Paragraph>
      )}
    </>
  );
}
