// The case page's data, in the query cache under ['case', id]: loaded when the page opens,
// replaced by what a change answers (the case, a goal, an action), and loaded again on
// request (after a version conflict, after a change that answers nothing). A change that
// writes into the chronology (a level, a seat) has its chronology loaded again too.
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useReloadCaseParts } from './Chronology';
import { messageFor } from '../../components/forms';
import { useMe } from '../../session/session';
import { loadCaseView, type CaseAction, type CaseView, type Goal } from './caseData';

export function useCaseView(id: string, notFound: string) {
  const { t } = useTranslation();
  const me = useMe();
  const queries = useQueryClient();
  const key = ['case', id];
  const query = useQuery({ queryKey: key, queryFn: () => loadCaseView(id, me) });
  const reloadCaseParts = useReloadCaseParts(id);
  const e = query.error;
  const error = !e ? undefined : e instanceof ApiError && e.code === 'not_found' ? notFound : messageFor(t, e);

  const change = useCallback(
    (next: (kase: Case) => Case) =>
      queries.setQueryData<CaseView>(['case', id], (view) => (view ? { ...view, kase: next(view.kase) } : view)),
    [queries, id],
  );

  const replaceCase = useCallback(
    (kase: Case, writesChronology = true) => {
      change(() => kase);
      if (writesChronology) void reloadCaseParts();
    },
    [change, reloadCaseParts],
  );
  const replaceGoal = useCallback((goal: Goal) => change((k) => ({ ...k, goals: upsert(k.goals ?? [], goal) })), [change]);
  const replaceAction = useCallback(
    (action: CaseAction) => change((k) => ({ ...k, actions: upsert(k.actions ?? [], action) })),
    [change],
  );

  const { refetch } = query;
  /** Loads the case again (the chronology too when `chronology`). */
  const reload = useCallback(
    async (chronology = false) => {
      await refetch();
      if (chronology) await reloadCaseParts();
    },
    [refetch, reloadCaseParts],
  );

  return { view: query.data ?? null, error, replaceCase, replaceGoal, replaceAction, reload };
}

function upsert<T extends { id?: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}
