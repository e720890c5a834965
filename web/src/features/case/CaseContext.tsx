// What every part of the case page needs: the case as loaded (what the viewer may do with
// it is the server's `kase.may`), the people around it, and the ways to put a change's
// answer in place or load again.
import { createContext, useContext } from 'react';
import type { Case } from '../../api/client';
import type { CaseAction, CaseView, Goal, Person } from './caseData';

export interface CaseContextValue {
  view: CaseView;
  kase: Case;
  /** Membership id → person (seats ended included, the lead and the viewer). */
  people: Map<string, Person>;
  replaceCase(kase: Case, writesChronology?: boolean): void;
  replaceGoal(goal: Goal): void;
  replaceAction(action: CaseAction): void;
  reload(chronology?: boolean): Promise<void>;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCase(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCase outside the case page');
  return value;
}
