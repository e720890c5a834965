// Drafts of forms, kept in localStorage while they are written, so that a session that
// expires mid-sentence loses nothing: after logging in again the form offers the draft.
// Keys name the user, so one user's draft is never offered to another on a shared device;
// a deliberate logout discards the user's drafts, and drafts older than a day are pruned.
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'samen.draft.';
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface StoredDraft<T> {
  savedAt: string;
  value: T;
}

const keyOf = (userId: string, form: string) => `${PREFIX}${userId}.${form}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft<T>(userId: string, form: string): StoredDraft<T> | null {
  const raw = storage()?.getItem(keyOf(userId, form));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as StoredDraft<T>;
    if (Date.now() - Date.parse(draft.savedAt) > DRAFT_MAX_AGE_MS) return null;
    return draft;
  } catch {
    return null;
  }
}

export function writeDraft<T>(userId: string, form: string, value: T) {
  const draft: StoredDraft<T> = { savedAt: new Date().toISOString(), value };
  try {
    storage()?.setItem(keyOf(userId, form), JSON.stringify(draft));
  } catch {
    // storage full or refused: the form still works, only without a kept draft
  }
}

export function removeDraft(userId: string, form: string) {
  storage()?.removeItem(keyOf(userId, form));
}

function draftKeys(): string[] {
  const s = storage();
  if (!s) return [];
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

export function discardDraftsOf(userId: string) {
  for (const key of draftKeys()) if (key.startsWith(`${PREFIX}${userId}.`)) storage()?.removeItem(key);
}

export function pruneDrafts(now = Date.now()) {
  for (const key of draftKeys()) {
    try {
      const draft = JSON.parse(storage()?.getItem(key) ?? '') as StoredDraft<unknown>;
      if (now - Date.parse(draft.savedAt) <= DRAFT_MAX_AGE_MS) continue;
    } catch {
      // unreadable: remove
    }
    storage()?.removeItem(key);
  }
}

/**
 * A form's value, saved as a draft on every change. `offered` is a draft found when the
 * form opened: the form shows it and lets the user `restore` or `discard` it. Call `done`
 * after a successful submit.
 */
export function useDraft<T>(userId: string, form: string, empty: T, isEmpty: (value: T) => boolean) {
  const [value, setValueState] = useState<T>(empty);
  const [offered, setOffered] = useState<StoredDraft<T> | null>(() => readDraft<T>(userId, form));
  const emptyRef = useRef(empty);
  const isEmptyRef = useRef(isEmpty);
  const valueRef = useRef(value);
  valueRef.current = value;

  useEffect(() => {
    setOffered(readDraft<T>(userId, form));
    setValueState(emptyRef.current);
  }, [userId, form]);

  const setValue = useCallback(
    (next: T | ((current: T) => T)) => {
      setValueState((current) => {
        const resolved = typeof next === 'function' ? (next as (c: T) => T)(current) : next;
        if (isEmptyRef.current(resolved)) removeDraft(userId, form);
        else writeDraft(userId, form, resolved);
        return resolved;
      });
    },
    [userId, form],
  );

  const restore = useCallback(() => {
    if (!offered) return;
    setValueState(offered.value);
    writeDraft(userId, form, offered.value);
    setOffered(null);
  }, [offered, userId, form]);

  const discard = useCallback(() => {
    // What was typed since the form opened is the draft now; keep that one.
    if (isEmptyRef.current(valueRef.current)) removeDraft(userId, form);
    setOffered(null);
  }, [userId, form]);

  const done = useCallback(() => {
    removeDraft(userId, form);
    setOffered(null);
    setValueState(emptyRef.current);
  }, [userId, form]);

  return { value, setValue, offered, restore, discard, done };
}
