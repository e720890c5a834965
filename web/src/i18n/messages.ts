import type { nl } from './nl';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape of a translation: the keys of nl.ts, every leaf a string. */
export type Messages = Widen<typeof nl>;
