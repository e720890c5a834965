// On the case page: on which basis each person at the table would see now what the viewer
// shares with the case team, per subject. The API has no "basis per member" question; the
// audience preview (POST /api/cases/{id}/entries/preview) answers it truthfully for an
// entry by the viewer with audience case_team, one call per subject. What another author
// writes can come out differently (crossing organisations is judged against the author's
// organisation), and the intro says so. A basis that rests on a Meldcode safety decision
// names it: who decided, for how long, and the reason where the server gives it.
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { api, call, type Case, type Category, type Schemas } from '../../api/client';
import { paths } from '../../screens/routes';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading } from '../../components/common';
import { SafetyBasis, type SafetyDecision } from './SafetyBasis';
import { useLoad } from '../../components/forms';
import { useMeta } from '../../api/meta';
import { SimpleTable } from '../../components/SimpleTable';

type Row = Schemas['AudiencePreviewRow'];

interface MemberBasis {
  membershipId: string;
  who: string;
  sees: Map<string, Category[]>; // legal basis → subjects
  seesNot: Map<string, Category[]>; // reason → subjects
  safety?: SafetyDecision; // the Meldcode decision a `safety` basis rests on
}

/** The preview rows of every subject, folded per membership (the viewer left out: they are the author). */
export function foldPreviews(previews: readonly { category: Category; rows: { will_see: Row[]; will_not_see: Row[] } }[], self: string, t: TFunction) {
  const members = new Map<string, MemberBasis>();
  const add = (row: Row, category: Category, allowed: boolean) => {
    if (row.membership_id === self || row.role === 'guardian' || row.role === 'pupil') return;
    let m = members.get(row.membership_id);
    if (!m) {
      const role = t(`roles.${row.role}`, { defaultValue: row.role });
      m = {
        membershipId: row.membership_id,
        who: [row.name, role, row.organisation].filter(Boolean).join(', '),
        sees: new Map(),
        seesNot: new Map(),
      };
      members.set(row.membership_id, m);
    }
    const key = allowed ? (row.legal_basis ?? '') : (row.reason ?? '');
    if (allowed && row.safety_decision) m.safety = row.safety_decision;
    const groups = allowed ? m.sees : m.seesNot;
    groups.set(key, [...(groups.get(key) ?? []), category]);
  };
  for (const p of previews) {
    for (const row of p.rows.will_see) add(row, p.category, true);
    for (const row of p.rows.will_not_see) add(row, p.category, false);
  }
  return [...members.values()];
}

async function loadPreviews(caseId: string, categories: readonly Category[]) {
  return Promise.all(
    categories.map(async (category) => ({
      category,
      rows: await call(
        api.POST('/api/cases/{id}/entries/preview', {
          params: { path: { id: caseId } },
          body: { category, audience: 'case_team', family_visible: false },
        }),
      ),
    })),
  );
}

/** `version`: the case's; a change of the team or the level asks again. */
export function TeamBasis({ caseId, membershipId, version }: { caseId: string; membershipId: string; version: number }) {
  const { t } = useTranslation();
  // Folded inside the load: an answer that cannot be read becomes this section's error, not the page's.
  const { categories } = useMeta();
  const { data: members, error } = useLoad(['case', caseId, 'team-basis', membershipId, version], async () => foldPreviews(await loadPreviews(caseId, categories), membershipId, t));
  const groups = (map: Map<string, Category[]>, prefix: 'bases' | 'denials') =>
    map.size === 0 ? (
      t('consent.basis.nothing')
    ) : (
      <ul className="samen-plain-list">
        {[...map.entries()].map(([key, categories]) => (
          <li key={key}>
            {t('consent.basis.group', {
              basis: t(`${prefix}.${key}`, { defaultValue: key }),
              categories: categories.map((c) => t(`categories.${c}`)).join(', '),
            })}
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="team-basis">
      <Heading2 id="team-basis">{t('consent.basis.title')}</Heading2>
      <Paragraph>{t('consent.basis.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!members && !error && <Loading />}
      {members && members.length > 0 && (
        <SimpleTable
          caption={t('consent.basis.caption')}
          headers={[t('consent.basis.member'), t('consent.basis.sees'), t('consent.basis.seesNot')]}
          rows={members.map((m) => ({
            key: m.membershipId,
            cells: [
              m.who,
              <>
                {groups(m.sees, 'bases')}
                {m.safety && <SafetyBasis decision={m.safety} />}
              </>,
              groups(m.seesNot, 'denials'),
            ],
          }))}
        />
      )}
    </section>
  );
}

/** What the case page shows of consent: the link to the pupil's consents and, on an open case, the basis per member. */
export function CaseConsentPart({ kase, pupil, membershipId }: { kase: Case; pupil: string | null; membershipId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>
        <AppLink href={paths.consents(kase.pupil_id, kase.id)}>
          {pupil ? t('consent.fromCase', { name: pupil }) : t('consent.fromCaseUnknown')}
        </AppLink>
      </Paragraph>
      {kase.status === 'open' && <TeamBasis caseId={kase.id} membershipId={membershipId} version={kase.version} />}
    </>
  );
}
