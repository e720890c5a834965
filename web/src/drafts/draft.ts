// Drafts of forms, kept in localStorage while they are written, so that a session that
// expires mid-sentence loses nothing: after logging in again the form offers the draft.
// Every draft is sealed with the user's draft key (draftKey.ts: AES-GCM, a fresh 96-bit IV
// per write, bound to its slot); localStorage holds only the slot's name, the moment it was
// saved, the IV and the ciphertext. Without the user's key — another user at the same
// computer, or nobody logged in — a draft is unreadable; one that does not open with the
// key held is dropped without a word. A deliberate logout removes the user's drafts, and
// drafts older than a day are pruned (as is anything in the old, unsealed shape).
import { useCallback, useEffect, useRef, useState } from 'react';
import { fromBase64, heldKeysOf, stillHeld, toBase64, type DraftKeys } from './draftKey';

const PREFIX = 'samen.draft.';
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface StoredDraft<T> {
  savedAt: string;
  value: T;
}

/** What localStorage holds for one draft. */
interface Sealed {
  savedAt: string;
  iv: string;
  data: string;
}

const text = new TextEncoder();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isSealed(value: unknown): value is Sealed {
  const v = value as Sealed;
  return typeof v === 'object' && v !== null && typeof v.savedAt === 'string' && typeof v.iv === 'string' && typeof v.data === 'string';
}

function parseSealed(raw: string | null | undefined): Sealed | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isSealed(value) ? value : null;
  } catch {
    return null;
  }
}

/** The slot of a user's form: the user id (for logout) and an HMAC of the form's name. */
async function slotOf(keys: DraftKeys, userId: string, form: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.name, text.encode(form)));
  const hex = [...mac.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${PREFIX}${userId}.${hex}`;
}

async function seal(keys: DraftKeys, slot: string, draft: StoredDraft<unknown>): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: text.encode(slot) },
    keys.seal,
    text.encode(JSON.stringify(draft)),
  );
  return { savedAt: draft.savedAt, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

async function open<T>(keys: DraftKeys, slot: string, sealed: Sealed): Promise<StoredDraft<T> | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: text.encode(slot) },
      keys.seal,
      fromBase64(sealed.data),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as StoredDraft<T>;
  } catch {
    return null; // another key, or tampered with
  }
}

/** The user's draft of a form, if the key held opens it and it is less than a day old. */
export async function readDraft<T>(userId: string, form: string): Promise<StoredDraft<T> | null> {
  const held = heldKeysOf(userId);
  const keys = held && (await held.keys);
  if (!keys) return null;
  const slot = await slotOf(keys, userId, form);
  const raw = storage()?.getItem(slot);
  if (!raw) return null;
  const sealed = parseSealed(raw);
  const draft = sealed && (await open<T>(keys, slot, sealed));
  if (!draft) {
    storage()?.removeItem(slot); // unreadable with this user's key: of no use to anyone
    return null;
  }
  return Date.now() - Date.parse(draft.savedAt) > DRAFT_MAX_AGE_MS ? null : draft;
}

// Writes and removals of one slot run in the order they were asked, so a slow encryption
// never lands after the removal that followed it.
const queues = new Map<string, Promise<void>>();

function enqueue(userId: string, form: string, work: (keys: DraftKeys, slot: string, handle: object) => Promise<void>) {
  const id = `${userId}\n${form}`;
  const next = (queues.get(id) ?? Promise.resolve())
    .then(async () => {
      const held = heldKeysOf(userId);
      const keys = held && (await held.keys);
      if (!held || !keys) return; // no key, no draft: never a plaintext one
      await work(keys, await slotOf(keys, userId, form), held.handle);
    })
    .catch(() => {
      // storage full or refused: the form still works, only without a kept draft
    });
  queues.set(id, next);
  void next.then(() => {
    if (queues.get(id) === next) queues.delete(id);
  });
  return next;
}

export function writeDraft<T>(userId: string, form: string, value: T): Promise<void> {
  const draft: StoredDraft<T> = { savedAt: new Date().toISOString(), value };
  return enqueue(userId, form, async (keys, slot, handle) => {
    const sealed = await seal(keys, slot, draft);
    // Logged out or expired while sealing: the draft is not written after the keys went.
    if (stillHeld(handle)) storage()?.setItem(slot, JSON.stringify(sealed));
  });
}

export function removeDraft(userId: string, form: string): Promise<void> {
  return enqueue(userId, form, async (_keys, slot) => {
    storage()?.removeItem(slot);
  });
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

/** Removes drafts older than a day, and anything not sealed (a draft of an older version). */
export function pruneDrafts(now = Date.now()) {
  for (const key of draftKeys()) {
    const sealed = parseSealed(storage()?.getItem(key));
    if (sealed && now - Date.parse(sealed.savedAt) <= DRAFT_MAX_AGE_MS) continue;
    storage()?.removeItem(key);
  }
}

/**
 * A form's value, saved as a draft on every change. `offered` is a draft found when the
 * form opened (once the key has opened it): the form shows it and lets the user `restore`
 * or `discard` it. Call `done` after a successful submit.
 */
export function useDraft<T>(userId: string, form: string, empty: T, isEmpty: (value: T) => boolean) {
  const [value, setValueState] = useState<T>(empty);
  const [offered, setOffered] = useState<StoredDraft<T> | null>(null);
  const emptyRef = useRef(empty);
  const isEmptyRef = useRef(isEmpty);
  const valueRef = useRef(value);
  valueRef.current = value;

  useEffect(() => {
    let live = true;
    setOffered(null);
    setValueState(emptyRef.current);
    void readDraft<T>(userId, form).then((draft) => {
      // Typed into meanwhile: that is the draft now, not the one found.
      if (live && valueRef.current === emptyRef.current) setOffered(draft);
    });
    return () => {
      live = false;
    };
  }, [userId, form]);

  const setValue = useCallback(
    (next: T | ((current: T) => T)) => {
      setValueState((current) => {
        const resolved = typeof next === 'function' ? (next as (c: T) => T)(current) : next;
        if (isEmptyRef.current(resolved)) void removeDraft(userId, form);
        else void writeDraft(userId, form, resolved);
        return resolved;
      });
    },
    [userId, form],
  );

  const restore = useCallback(() => {
    if (!offered) return;
    setValueState(offered.value);
    void writeDraft(userId, form, offered.value);
    setOffered(null);
  }, [offered, userId, form]);

  const discard = useCallback(() => {
    // What was typed since the form opened is the draft now; keep that one.
    if (isEmptyRef.current(valueRef.current)) void removeDraft(userId, form);
    setOffered(null);
  }, [userId, form]);

  const done = useCallback(() => {
    void removeDraft(userId, form);
    setOffered(null);
    setValueState(emptyRef.current);
  }, [userId, form]);

  return { value, setValue, offered, restore, discard, done };
}
