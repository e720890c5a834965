// Who sits at the table: each seat with organisation, role, person, the reason and since
// when; ended seats apart, with the day they ended. Whoever manages the case seats someone
// (AddMemberForm) or ends a seat, after a confirmation; everyone else reads.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { FormAlert, Notice } from '../../components/common';
import { messageFor } from '../../components/forms';
import { SimpleTable } from '../../components/SimpleTable';
import { formatInstantDate } from '../../format/dates';
import { AddMemberForm } from './AddMemberForm';
import type { TeamMember } from './caseData';
import { useCase } from './CaseContext';
import { Confirm } from '../../components/editing';
import { hiddenReason, roleLabel } from './labels';
import { useMe } from '../../session/session';
import { isFamily } from '../../screens/routes';

export function TeamSection() {
  const { t } = useTranslation();
  const { kase, view, reload } = useCase();
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const seated = kase.team.filter((m) => !m.removed_at);
  const ended = kase.team.filter((m) => m.removed_at);
  // Without any organisation name (a case whose seats name none) the column is left out rather than empty.
  const withOrg = view.organisations.size > 0;
  const orgHeader = withOrg ? [t('entry.organisation')] : [];
  const organisation = (m: TeamMember) => (withOrg ? [(m.organisation_id && view.organisations.get(m.organisation_id)) || ''] : []);
  const family = isFamily(useMe());
  const reason = (m: TeamMember) => m.reason ?? hiddenReason(t, family);

  async function remove(member: TeamMember) {
    setBusy(true);
    setError(undefined);
    try {
      await call(
        api.DELETE('/api/cases/{id}/team/{membership_id}', {
          params: { path: { id: kase.id, membership_id: member.membership_id ?? '' } },
        }),
      );
      setRemoving(null);
      setDone(t('caseEdit.team.removed', { name: member.name }));
      await reload(true);
    } catch (e) {
      setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="case-team">
      <Heading2 id="case-team">{t('case.team')}</Heading2>
      {done && <Notice type="ok">{done}</Notice>}
      {seated.length === 0 ? (
        <Paragraph>{t('case.noTeam')}</Paragraph>
      ) : (
        <SimpleTable
          caption={t('case.teamCaption')}
          headers={[
            t('case.member'),
            ...orgHeader,
            t('case.role'),
            t('case.reason'),
            t('case.since'),
            ...(kase.may.remove_member ? [t('caseEdit.team.change')] : []),
          ]}
          rows={seated.map((m) => ({
            key: m.membership_id ?? '',
            cells: [
              m.name,
              ...organisation(m),
              roleLabel(t, m.role),
              reason(m),
              formatInstantDate(m.added_at),
              ...(kase.may.remove_member
                ? [
                    <Button
                      key="remove"
                      appearance="subtle-button"
                      type="button"
                      aria-label={t('caseEdit.team.removeLabel', { name: m.name })}
                      onClick={() => {
                        setDone(undefined);
                        setError(undefined);
                        setRemoving(m);
                      }}
                    >
                      {t('caseEdit.team.remove')}
                    </Button>,
                  ]
                : []),
            ],
          }))}
        />
      )}
      {removing && (
        <Confirm
          question={t('caseEdit.team.confirmRemove', { name: removing.name })}
          confirm={t('caseEdit.team.confirmRemoveButton')}
          busy={busy}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
      <FormAlert title={t('caseEdit.team.removeError')} message={error} />
      {ended.length > 0 && (
        <>
          <Heading3>{t('caseEdit.team.ended')}</Heading3>
          <SimpleTable
            caption={t('caseEdit.team.endedCaption')}
            headers={[t('case.member'), ...orgHeader, t('case.role'), t('case.reason'), t('case.since'), t('caseEdit.team.until')]}
            rows={ended.map((m) => ({
              key: `${m.membership_id}-${m.added_at}`,
              cells: [m.name, ...organisation(m), roleLabel(t, m.role), reason(m), formatInstantDate(m.added_at), formatInstantDate(m.removed_at)],
            }))}
          />
        </>
      )}
      {kase.may.add_member && <AddMemberForm onAdded={(name) => setDone(t('caseEdit.team.added', { name }))} />}
    </section>
  );
}
