// Seating someone at the table (POST /api/cases/{id}/team): first the organisation, then
// one of its memberships (GET /api/organisations/{id}/memberships: active people in a role
// that works on cases, not yet seated), and the reason they sit there (required).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading3 } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { FormAlert } from '../../components/common';
import { messageFor, useForm } from '../../components/forms';
import { SelectField } from '../../components/SelectField';
import { useCase } from './CaseContext';
import { roleLabel } from './labels';
import { TextAreaField } from '../../components/TextAreaField';

type Candidate = Schemas['OrganisationMembershipList']['memberships'][number];
const FIELDS = ['organisation', 'membership_id', 'reason'] as const;

export function AddMemberForm({ onAdded }: { onAdded(name: string): void }) {
  const { t } = useTranslation();
  const { kase, view, replaceCase } = useCase();
  const [organisation, setOrganisation] = useState('');
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [listError, setListError] = useState<string>();
  const [membership, setMembership] = useState('');
  const [reason, setReason] = useState('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const seated = new Set(kase.team.filter((m) => !m.removed_at).map((m) => m.membership_id));

  async function choose(id: string) {
    setOrganisation(id);
    setMembership('');
    setCandidates(null);
    setListError(undefined);
    if (!id) return;
    try {
      const list = await call(api.GET('/api/organisations/{id}/memberships', { params: { path: { id } } }));
      setCandidates(list.memberships.filter((m) => m.works_on_cases && !seated.has(m.id)));
    } catch (e) {
      setListError(messageFor(t, e));
    }
  }

  function onSubmit(event: FormEvent) {
    const missing = {
      organisation: organisation ? undefined : t('caseEdit.team.organisationRequired'),
      membership_id: organisation && !membership ? t('caseEdit.team.memberRequired') : undefined,
      reason: reason.trim() ? undefined : t('caseEdit.team.reasonRequired'),
    };
    void submit(event, missing, async () => {
      const kaseNow = await call(
        api.POST('/api/cases/{id}/team', {
          params: { path: { id: kase.id } },
          body: { membership_id: membership, reason: reason.trim() },
        }),
      );
      const name = candidates?.find((c) => c.id === membership)?.name ?? '';
      replaceCase(kaseNow);
      setOrganisation('');
      setCandidates(null);
      setMembership('');
      setReason('');
      onAdded(name);
    });
  }

  const organisations = view.activeOrganisations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="team-add">
      <Heading3 id="team-add">{t('caseEdit.team.addTitle')}</Heading3>
      <FormAlert title={t('caseEdit.team.addError')} message={errors.form} />
      <div className="samen-form__row">
        <SelectField
          id="team-organisation"
          name="organisation"
          label={t('entry.organisation')}
          value={organisation}
          emptyLabel={t('caseEdit.choose')}
          options={organisations}
          onChange={(id) => void choose(id)}
          error={errors.fields.organisation ?? listError}
        />
        {candidates && (
          <SelectField
            id="team-membership"
            name="membership_id"
            label={t('caseEdit.team.member')}
            value={membership}
            emptyLabel={candidates.length ? t('caseEdit.choose') : t('caseEdit.team.nobodyToAdd')}
            options={candidates.map((c) => ({ value: c.id, label: `${c.name ?? c.id} (${roleLabel(t, c.role)})` }))}
            onChange={setMembership}
            error={errors.fields.membership_id}
          />
        )}
      </div>
      <TextAreaField
        label={t('case.reason')}
        description={t('caseEdit.team.reasonHint')}
        name="reason"
        rows={2}
        maxLength={2000}
        value={reason}
        onValue={setReason}
        error={errors.fields.reason}
      />
      <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
        {t('caseEdit.team.add')}
      </Button>
    </form>
  );
}
