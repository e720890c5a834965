// The lists the API accepts (GET /api/meta: categories, roles, levels, …), loaded once per
// page load beside the screens' chunk, and given to every screen: one source, the server's.
import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from './client';
import { LoadFailed, Loading } from '../components/common';

export type Meta = Schemas['Meta'];

export const metaQuery = {
  queryKey: ['meta'],
  queryFn: () => call(api.GET('/api/meta')),
  staleTime: Infinity,
  gcTime: Infinity,
} as const;

const MetaContext = createContext<Meta | null>(null);

/** The server's lists; inside the signed-in screens, which wait for them. */
export function useMeta(): Meta {
  const meta = useContext(MetaContext);
  if (!meta) throw new Error('useMeta outside MetaGate');
  return meta;
}

/** Renders its children once the lists are there. */
export function MetaGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data, isError } = useQuery(metaQuery);
  if (data) return <MetaContext.Provider value={data}>{children}</MetaContext.Provider>;
  return (
    <main id="main" className="samen-main">
      {isError ? <LoadFailed message={t('errors.network')} /> : <Loading />}
    </main>
  );
}

/** For tests: the screens with the given lists, without asking the server. */
export function MetaProvider({ meta, children }: { meta: Meta; children: ReactNode }) {
  return <MetaContext.Provider value={meta}>{children}</MetaContext.Provider>;
}
