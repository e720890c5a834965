// Compiled with the app (tsc -b), never run: proves that translation keys are typed. Were
// they not, the expect-error lines below would compile and tsc would fail on the unused
// directives.
import type { TFunction } from 'i18next';

export function typedKeys(t: TFunction) {
  // @ts-expect-error a misspelt key does not compile
  t('case.titel');
  // @ts-expect-error nor a key of a group that does not exist
  t('nowhere.title');
  return t('case.title', { name: 'Sanne' });
}
