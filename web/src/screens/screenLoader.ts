// The screens of a signed-in user come in one of two chunks, loaded only once it is known
// who is signed in: the professionals' screens (ProfessionalScreens) and the family's
// (FamilyScreens). The login, invitation and password pages load neither, so a parent on
// a phone fetches the family portal and nothing of the case file's screens.
//
// Not React.lazy: a lazy component suspends on its first render, and React then holds the
// Suspense fallback for ~300 ms even when the chunk is already there (bench/case_page.sh
// saw the case page idle for a third of a second). Here the chunk's module is kept once
// loaded, and the screens render directly from it.
import { useEffect, useState } from 'react';

export interface ScreenLoader<T> {
  load: () => Promise<T>;
  promise?: Promise<T>;
  value?: T;
}

export function screenLoader<T>(load: () => Promise<T>): ScreenLoader<T> {
  return { load };
}

/** Starts loading (once); a failed load may be tried again. */
export function startLoading<T>(loader: ScreenLoader<T>): Promise<T> {
  loader.promise ??= loader.load().then(
    (value) => (loader.value = value),
    (error: unknown) => {
      loader.promise = undefined;
      throw error;
    },
  );
  return loader.promise;
}

/** The chunk's module once loaded; `failed` when it could not be fetched. */
export function useScreens<T>(loader: ScreenLoader<T>): { module?: T; failed: boolean } {
  const [, loaded] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loader.value) return;
    let current = true;
    startLoading(loader).then(
      () => current && loaded((n) => n + 1),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [loader]);
  return { module: loader.value, failed: failed && !loader.value };
}
