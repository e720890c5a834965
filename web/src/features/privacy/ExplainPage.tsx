// "Explain" for the privacy officer: for any user of the region, any chronology item and any
// moment (Dutch date and time), the policy's decision with its rule, legal basis or reason,
// and the reasons step by step (GET /api/entries/{id}/explain?user=&at=&membership=).
// An audit log row fills the form in through the address.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { Button, FormFieldTextbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Facts } from '../../components/Facts';
import { FormAlert, Notice, PageTitle } from '../../components/common';
import { useForm, valueOf } from '../../components/forms';
import { ReasonList } from '../case/WhyCanISee';
import { currentLanguage } from '../../i18n';
import {
  dutchMomentToInstant,
  formatDateTime,
  formatInstantDate,
  formatInstantTime,
  parseTime,
} from '../../format/dates';
import { parseDutchDate } from '../../format/dateInput';
import { paths } from '../../screens/routes';

type Explanation = Schemas['AccessExplanation'];
const FIELDS = ['user', 'id', 'at', 'time', 'membership'] as const;

function Decision({ answer }: { answer: Explanation }) {
  const { t } = useTranslation();
  const known = (group: string, code: string) => t(`${group}.${code}`, { defaultValue: code });
  return (
    <section aria-labelledby="explain-result">
      <Heading2 id="explain-result">{t('privacy.explain.resultTitle')}</Heading2>
      <Notice type={answer.allowed ? 'ok' : 'warning'}>
        {answer.allowed ? t('privacy.explain.allowed') : t('privacy.explain.denied')}
      </Notice>
      <Facts
        items={[
          [t('privacy.explain.who'), t('privacy.audit.actorText', { user: answer.user_id })],
          [
            t('privacy.explain.role'),
            `${known('roles', answer.role)} (${t('privacy.explain.membershipId', { id: answer.membership_id })})`,
          ],
          [t('privacy.explain.at'), formatDateTime(answer.at, currentLanguage())],
          [t('privacy.explain.rule'), <code>{answer.rule}</code>],
          answer.legal_basis !== undefined && [t('privacy.explain.basis'), known('bases', answer.legal_basis)],
          answer.reason !== undefined && [t('privacy.explain.reason'), known('denials', answer.reason)],
          answer.consent_id !== undefined && [t('privacy.explain.consent'), answer.consent_id],
          answer.safety_decision_id !== undefined && [t('privacy.explain.safety'), answer.safety_decision_id],
        ]}
      />
      <ReasonList reasons={answer.reasons} />
    </section>
  );
}

export function ExplainPage() {
  const { t } = useTranslation();
  const params = new URLSearchParams(useSearch());
  const at = params.get('moment') ?? new Date().toISOString();
  const [value, setValue] = useState({
    user: params.get('gebruiker') ?? '',
    id: params.get('item') ?? '',
    date: formatInstantDate(at),
    time: formatInstantTime(at),
    membership: params.get('lidmaatschap') ?? '',
  });
  const [answer, setAnswer] = useState<Explanation>();
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const set = (patch: Partial<typeof value>) => setValue((v) => ({ ...v, ...patch }));

  function onSubmit(event: FormEvent) {
    const date = parseDutchDate(value.date);
    const time = parseTime(value.time);
    const missing = {
      user: value.user.trim() ? undefined : t('privacy.explain.userRequired'),
      id: value.id.trim() ? undefined : t('privacy.explain.entryRequired'),
      at: date ? undefined : t('privacy.audit.dateInvalid'),
      time: time ? undefined : t('privacy.explain.timeInvalid'),
    };
    void submit(event, missing, async () => {
      setAnswer(undefined);
      setAnswer(
        await call(
          api.GET('/api/entries/{id}/explain', {
            params: {
              path: { id: value.id.trim() },
              query: {
                user: value.user.trim(),
                at: dutchMomentToInstant(date!, time!),
                membership: value.membership.trim() || undefined,
              },
            },
          }),
        ),
      );
    });
  }

  return (
    <>
      <Paragraph>
        <AppLink href={paths.audit()}>{t('privacy.explain.back')}</AppLink>
      </Paragraph>
      <PageTitle>{t('privacy.explain.title')}</PageTitle>
      <Paragraph>{t('privacy.explain.intro')}</Paragraph>
      <FormAlert title={t('privacy.explain.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('privacy.explain.title')}>
        <div className="samen-form__row">
          <FormFieldTextbox
            label={t('privacy.explain.user')}
            description={t('privacy.explain.userHint')}
            name="user"
            required
            value={value.user}
            onChange={(e) => set({ user: valueOf(e) })}
            invalid={Boolean(errors.fields.user)}
            errorMessage={errors.fields.user}
          />
          <FormFieldTextbox
            label={t('privacy.explain.entry')}
            description={t('privacy.explain.entryHint')}
            name="entry"
            required
            value={value.id}
            onChange={(e) => set({ id: valueOf(e) })}
            invalid={Boolean(errors.fields.id)}
            errorMessage={errors.fields.id}
          />
        </div>
        <div className="samen-form__row">
          <FormFieldTextbox
            label={t('privacy.explain.date')}
            name="date"
            inputMode="numeric"
            required
            value={value.date}
            onChange={(e) => set({ date: valueOf(e) })}
            invalid={Boolean(errors.fields.at)}
            errorMessage={errors.fields.at}
          />
          <FormFieldTextbox
            label={t('privacy.explain.time')}
            name="time"
            inputMode="numeric"
            required
            value={value.time}
            onChange={(e) => set({ time: valueOf(e) })}
            invalid={Boolean(errors.fields.time)}
            errorMessage={errors.fields.time}
          />
        </div>
        <FormFieldTextbox
          label={t('privacy.explain.membership')}
          description={t('privacy.explain.membershipHint')}
          name="membership"
          value={value.membership}
          onChange={(e) => set({ membership: valueOf(e) })}
          invalid={Boolean(errors.fields.membership)}
          errorMessage={errors.fields.membership}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('privacy.explain.busy') : t('privacy.explain.submit')}
        </Button>
      </form>
      <div aria-live="polite">{answer && <Decision answer={answer} />}</div>
    </>
  );
}
