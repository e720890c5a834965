// "Why can I see this?" on a chronology entry: the legal basis the listing was allowed on,
// and on request the policy's own explanation (GET /api/entries/{id}/explain), whose
// reasons the server writes in English (marked lang="en"); when the basis is a Meldcode
// safety decision, that decision (who decided, why, for how long) with it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { api, call, type ChronologyEntry } from '../../api/client';
import { FormAlert } from '../../components/common';
import { messageFor } from '../../components/forms';
import { SafetyBasis, type SafetyDecision } from './SafetyBasis';

/** The policy's reasons, step by step, as the server writes them (in English). */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('explain.reasonsTitle')}</Paragraph>
      <UnorderedList lang="en">
        {reasons.map((r, i) => (
          <UnorderedListItem key={i}>{r}</UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}

export function WhyCanISee({ entry }: { entry: ChronologyEntry }) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<string[] | null>(null);
  const [safety, setSafety] = useState<SafetyDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const basis = t(`bases.${entry.access.legal_basis}`, { defaultValue: entry.access.legal_basis });

  async function explain() {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await call(api.GET('/api/entries/{id}/explain', { params: { path: { id: entry.id } } }));
      setReasons(answer.reasons);
      setSafety(answer.safety_decision ?? null);
    } catch (e) {
      setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="samen-why">
      <summary>{t('explain.summary')}</summary>
      <Paragraph>{t('explain.basis', { basis })}</Paragraph>
      {!reasons && (
        <Button appearance="subtle-button" type="button" onClick={() => void explain()} busy={busy} disabled={busy}>
          {busy ? t('explain.busy') : t('explain.load')}
        </Button>
      )}
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {safety && <SafetyBasis decision={safety} />}
      {reasons && <ReasonList reasons={reasons} />}
    </details>
  );
}
