// A case, the working screen of whoever prepares its meeting: the header (lead, level,
// status, review date, categories; changed or closed by whoever manages the case), who sits
// at the table and why, goals, the plan of actions, the support level's history, writing in
// the chronology (a new entry or a correction) and the chronology itself. Everyone who may
// enter the case reads it (the server leaves out what they may not see); only whoever
// manages it gets the controls, and the Meldcode safety decisions show only where the
// case's `may` says so. The parts live beside it in features/case/; this file loads the case
// and puts them in order.
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChronologyEntry } from '../../api/client';
import { Chronology, usePrefetchChronology, useReloadCaseParts, type Author } from './Chronology';
import { LoadFailed, Loading, Notice } from '../../components/common';
import { EntryForm } from './EntryForm';
import { CaseConsentPart } from './TeamBasis';
import { useMe } from '../../session/session';
import { ActionsSection } from './ActionsSection';
import { namesByUser, peopleByMembership } from './caseData';
import { CaseContext, type CaseContextValue } from './CaseContext';
import { CaseContents } from './CaseContents';
import { CaseSummary } from './CaseSummary';
import { CaseHeader } from './CaseHeader';
import { GoalsSection } from './GoalsSection';
import { roleLabel } from './labels';
import { LevelSection } from './LevelSection';
import { SafetySection } from './SafetySection';
import { TeamSection } from './TeamSection';
import { useCaseView } from './useCaseView';
import { isFamily } from '../../screens/routes';

// The chronology (up to hundreds of entries) renders again only when its own inputs change,
// not on every change to the team, goals or actions above it.
const CaseChronology = memo(Chronology);

export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { view, error, replaceCase, replaceGoal, replaceAction, reload } = useCaseView(id, t('case.notFound'));
  // The chronology's first page is asked for beside the case, not after it.
  usePrefetchChronology(id);
  const reloadCaseParts = useReloadCaseParts(id);
  const [jumpTo, setJumpTo] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<ChronologyEntry | null>(null);

  // People change with the team and the lead only (not with goals or actions).
  const team = view?.kase.team;
  const lead = view?.kase.lead;
  const people = useMemo(() => (view ? peopleByMembership(view.kase, me) : null), [team, lead, me]);
  const context = useMemo<CaseContextValue | null>(
    () =>
      view && {
        view,
        kase: view.kase,
        people: people ?? new Map(),
        replaceCase,
        replaceGoal,
        replaceAction,
        reload,
      },
    [view, me, people, replaceCase, replaceGoal, replaceAction, reload],
  );
  const authors = useMemo<Author[]>(() => {
    if (!people || isFamily(me)) return [];
    return [...namesByUser(people)].map(([user_id, name]) => {
      const person = [...people.values()].find((p) => p.user_id === user_id);
      return { user_id, label: [name, roleLabel(t, person?.role)].filter(Boolean).join(', ') };
    });
  }, [people, me, t]);

  if (error) {
    return <LoadFailed message={error} />;
  }
  if (!view || !context) return <Loading />;
  const { kase, pupil } = view;
  const writer = kase.may.write_entry;

  return (
    <CaseContext.Provider value={context}>
      <div className="samen-case">
        <div className="samen-case__side">
          <CaseSummary />
          <CaseContents writer={writer} safety={kase.may.read_safety_decisions} />
        </div>
        <div className="samen-case__parts">
          <CaseHeader />
          <TeamSection />
          {!isFamily(me) && <CaseConsentPart kase={kase} pupil={pupil} membershipId={me.active_membership.id} />}
          {kase.may.read_safety_decisions && <SafetySection />}
          {kase.view === 'identification' ? (
            <Notice>{t('pupil.identificationNotice')}</Notice>
          ) : (
            <>
              <GoalsSection />
              <ActionsSection />
            </>
          )}
          <LevelSection />
          {/* Side by side on a wide screen: one writes while reading back. */}
          <div className={writer ? 'samen-case__work samen-case__work--writing' : 'samen-case__work'}>
            {writer && (
              <EntryForm
                caseId={kase.id}
                correcting={correcting}
                onCancelCorrection={() => setCorrecting(null)}
                onSaved={(entryId) => {
                  // A correction is shown where it stands, linked to what it corrects.
                  setJumpTo(correcting ? entryId : null);
                  setCorrecting(null);
                  void reloadCaseParts();
                }}
              />
            )}
            <CaseChronology caseId={kase.id} authors={authors} onCorrect={writer ? setCorrecting : undefined} jumpTo={jumpTo} />
          </div>
        </div>
      </div>
    </CaseContext.Provider>
  );
}
