// The family's screens, one chunk of their own (screenLoader.ts): the portal's overview and
// a child's page, and what a signed-in parent may follow from an e-mail. The case page, as
// far as the family sees it, is the professionals' own screen: loaded only when opened.
import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../../components/common';
import { Shell } from '../../screens/Shell';
import { FamilyPage } from './FamilyPage';
import { FamilyChildPage } from './FamilyChildPage';
import { signedInRoutes } from '../../screens/SignedInRoutes';
import { paths } from '../../screens/routes';

const CasePage = lazy(() => import('../case/CasePage').then((m) => ({ default: m.CasePage })));

export function FamilyScreens({ home }: { home: string }) {
  return (
    <Shell>
      <Switch>
        <Route path="/">
          <Redirect to={home} replace />
        </Route>
        <Route path={paths.family}>
          <FamilyPage />
        </Route>
        <Route path="/gezin/:id">{(params) => <FamilyChildPage pupilId={params.id} />}</Route>
        <Route path="/dossiers/:id">
          {(params) => (
            <Suspense fallback={<Loading />}>
              <CasePage id={params.id} />
            </Suspense>
          )}
        </Route>
        {signedInRoutes}
      </Switch>
    </Shell>
  );
}
