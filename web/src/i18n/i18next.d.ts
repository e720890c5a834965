// Typed keys: `t('a.key')` must name a key of nl.ts (en.ts has the same keys), so a
// misspelt key fails to compile instead of showing the key to the user.
import 'i18next';
import type { Messages } from './messages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Messages: nl.ts's keys with every text a plain string, so the compiler checks the
    // keys and leaves interpolation values (numbers, names) to the texts themselves.
    resources: { translation: Messages };
  }
}
