// The case page's data: loaded when the page opens, replaced by what a change answers (the
// case, a goal, an action), and loaded again on request (after a version conflict, after a
// change that answers nothing). `changes` counts changes that write into the chronology, so
// the chronology can load again.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../api/client';
import { ApiError } from '../../api/errors';
import { messageFor } from '../../components/forms';
import { useMe } from '../../session/session';
import { loadCaseView, type CaseAction, type CaseView, type Goal } from './caseData';

export function useCaseView(id: string, notFound: string) {
  const { t } = useTranslation();
  const me = useMe();
  const [state, setState] = useState<{ view: CaseView | null; error?: string }>({ view: null });
  const [changes, setChanges] = useState(0);

  const load = useCallback(
    () =>
      loadCaseView(id, me).then(
        (view) => setState({ view }),
        (e) =>
          setState({
            view: null,
            error: e instanceof ApiError && e.code === 'not_found' ? notFound : messageFor(t, e),
          }),
      ),
    [id, me, notFound, t],
  );

  useEffect(() => {
    setState({ view: null });
    void load();
  }, [load]);

  const replaceCase = useCallback((kase: Case, writesChronology = true) => {
    setState((s) => (s.view ? { view: { ...s.view, kase } } : s));
    if (writesChronology) setChanges((n) => n + 1);
  }, []);

  const replaceGoal = useCallback((goal: Goal) => {
    setState((s) =>
      s.view
        ? { view: { ...s.view, kase: { ...s.view.kase, goals: upsert(s.view.kase.goals ?? [], goal) } } }
        : s,
    );
  }, []);

  const replaceAction = useCallback((action: CaseAction) => {
    setState((s) =>
      s.view
        ? { view: { ...s.view, kase: { ...s.view.kase, actions: upsert(s.view.kase.actions ?? [], action) } } }
        : s,
    );
  }, []);

  /** Loads the case again (the chronology too when `chronology`). */
  const reload = useCallback(
    async (chronology = false) => {
      await load();
      if (chronology) setChanges((n) => n + 1);
    },
    [load],
  );

  return { ...state, changes, replaceCase, replaceGoal, replaceAction, reload };
}

function upsert<T extends { id?: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}
