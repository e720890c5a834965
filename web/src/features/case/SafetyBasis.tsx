// Beside a basis that rests on a Meldcode safety decision (explain, the team's basis): who
// decided and for how long, and the reason where the server gives it to this viewer.
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { Schemas } from '../../api/client';
import { formatInstantDate } from '../../format/dates';

export type SafetyDecision = Schemas['SafetyDecision'];

/** "Ellen Zorgcoördinator (zorgcoördinator, Het Baken College)". */
export function decidedBy(t: TFunction, d: SafetyDecision): string {
  const by = d.decided_by;
  const details = [by.role ? t(`roles.${by.role}`, { defaultValue: by.role }) : '', by.organisation_name ?? ''].filter(Boolean);
  return details.length ? `${by.name} (${details.join(', ')})` : by.name;
}

export function SafetyBasis({ decision }: { decision: SafetyDecision }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="samen-safety-basis">
      {t('safety.basis', {
        who: decidedBy(t, decision),
        from: formatInstantDate(decision.valid_from),
        until: formatInstantDate(decision.valid_until),
      })}
      {decision.reason && <> {t('safety.basisReason', { reason: decision.reason })}</>}
    </Paragraph>
  );
}
