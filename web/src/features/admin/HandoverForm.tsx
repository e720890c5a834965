// Ending a role that still holds work: what it holds (counts from GET
// /api/memberships/{id}/handover; the administrator is not at those tables) and who takes
// it over, chosen from the active people of the same organisation who work on cases. The
// server moves it all in one step and ends the role.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Membership, type Schemas } from '../../api/client';
import { FormAlert } from '../../components/common';
import { messageFor, useForm } from '../../components/forms';
import { SelectField } from '../../components/SelectField';

export type Holdings = Schemas['MembershipHoldings'];
type Candidate = Schemas['OrganisationMembershipList']['memberships'][number];

/** The work a role holds, in words: "leads 1 case, sits at 2 tables, …". */
function holdingsText(t: TFunction, h: Holdings) {
  const parts = [
    h.cases_led > 0 && t('admin.handover.casesLed', { count: h.cases_led }),
    h.seats > 0 && t('admin.handover.seats', { count: h.seats }),
    h.open_actions > 0 && t('admin.handover.actions', { count: h.open_actions }),
    h.series_chaired > 0 && t('admin.handover.chaired', { count: h.series_chaired }),
    h.series_member > 0 && t('admin.handover.member', { count: h.series_member }),
  ].filter(Boolean);
  return parts.join(', ');
}

export function HandoverForm({
  membership,
  holdings,
  onDone,
  onCancel,
}: {
  membership: Membership;
  holdings: Holdings;
  onDone(successorName: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [candidates, setCandidates] = useState<Candidate[]>();
  const [listError, setListError] = useState<string>();
  const [successor, setSuccessor] = useState('');
  const { formRef, busy, errors, submit } = useForm(['successor_membership_id']);

  useEffect(() => {
    call(api.GET('/api/organisations/{id}/memberships', { params: { path: { id: membership.organisation_id } } }))
      .then((list) => setCandidates(list.memberships.filter((m) => m.active && m.works_on_cases && m.id !== membership.id)))
      .catch((e) => setListError(messageFor(t, e)));
  }, [membership, t]);

  function onSubmit(event: FormEvent) {
    const missing = { successor_membership_id: successor ? undefined : t('admin.handover.successorRequired') };
    void submit(event, missing, async () => {
      await call(
        api.POST('/api/memberships/{id}/handover', {
          params: { path: { id: membership.id } },
          body: { successor_membership_id: successor },
        }),
      );
      onDone(candidates?.find((c) => c.id === successor)?.name ?? '');
    });
  }

  const names = { role: t(`roles.${membership.role}`), organisation: membership.organisation_name };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('admin.handover.title', names)}>
      <FormAlert title={t('admin.handover.errorSummary')} message={errors.form ?? listError} />
      <Paragraph>{t('admin.handover.holds', { what: holdingsText(t, holdings) })}</Paragraph>
      <Paragraph>{t('admin.handover.successorHint')}</Paragraph>
      <SelectField
        id={`handover-${membership.id}`}
        name="successor_membership_id"
        label={t('admin.handover.successor')}
        value={successor}
        emptyLabel={t('caseEdit.choose')}
        options={(candidates ?? []).map((c) => ({ value: c.id, label: `${c.name} (${t(`roles.${c.role}`)})` }))}
        onChange={setSuccessor}
        error={errors.fields.successor_membership_id}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {t('admin.handover.submit')}
        </Button>
        <Button appearance="subtle-button" type="button" onClick={onCancel}>
          {t('admin.user.endNo')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
