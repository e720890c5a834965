// Real WebCrypto (Node's, under jsdom): nothing here is stubbed.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newDraftKey } from '../test/helpers';
import { DRAFT_MAX_AGE_MS, discardDraftsOf, pruneDrafts, readDraft, useDraft, writeDraft } from './draft';
import { forgetDraftKey, holdDraftKey, importDraftKey } from './draftKey';

interface Form {
  text: string;
}
const EMPTY: Form = { text: '' };
const isEmpty = (f: Form) => !f.text;

function everythingStored(): string {
  const all: string[] = [];
  for (const s of [localStorage, sessionStorage])
    for (let i = 0; i < s.length; i++) all.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
  return all.join('\n');
}

const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith('samen.draft.'));

describe('drafts', () => {
  it('keeps what is typed sealed, and offers it again when the same user is back', async () => {
    const key = newDraftKey();
    holdDraftKey('7', async () => key);
    const first = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    act(() => first.result.current.setValue({ text: 'Mist de maandagen' }));
    await waitFor(() => expect(drafts()).toHaveLength(1));
    first.unmount(); // the session expired: the form is gone, and so is the key
    forgetDraftKey();

    // Only ciphertext and IV on the device; neither the text nor the key, nor the form's name.
    const stored = everythingStored();
    expect(stored).not.toContain('maandagen');
    expect(stored).not.toContain(key);
    expect(stored).not.toContain('signal-new');
    const sealed = JSON.parse(localStorage.getItem(drafts()[0]!)!);
    expect(Object.keys(sealed).sort()).toEqual(['data', 'iv', 'savedAt']);
    expect(atob(sealed.iv)).toHaveLength(12);

    // Nobody logged in: nothing to offer, and the ciphertext stays.
    expect(await readDraft('7', 'signal-new')).toBeNull();
    expect(drafts()).toHaveLength(1);

    holdDraftKey('7', async () => key); // the same user logs in again: the server's same key
    const again = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    expect(again.result.current.value).toEqual(EMPTY); // not filled in behind the user's back
    await waitFor(() => expect(again.result.current.offered?.value).toEqual({ text: 'Mist de maandagen' }));
    act(() => again.result.current.restore());
    expect(again.result.current.value).toEqual({ text: 'Mist de maandagen' });
    expect(again.result.current.offered).toBeNull();
  });

  it('seals every write with a fresh IV', async () => {
    holdDraftKey('7', async () => newDraftKey());
    await writeDraft('7', 'a', { text: 'zelfde' });
    const one = JSON.parse(localStorage.getItem(drafts()[0]!)!);
    await writeDraft('7', 'a', { text: 'zelfde' });
    const two = JSON.parse(localStorage.getItem(drafts()[0]!)!);
    expect(two.iv).not.toBe(one.iv);
    expect(two.data).not.toBe(one.data);
  });

  it('never offers one user the draft of another, and drops what another key sealed', async () => {
    holdDraftKey('7', async () => newDraftKey());
    await writeDraft('7', 'signal-new', { text: 'van gebruiker 7' });
    holdDraftKey('8', async () => newDraftKey()); // someone else logs in at the same computer
    const other = renderHook(() => useDraft<Form>('8', 'signal-new', EMPTY, isEmpty));
    await act(async () => {
      await readDraft('8', 'signal-new');
    });
    expect(other.result.current.offered).toBeNull();
    expect(await readDraft('7', 'signal-new')).toBeNull(); // user 7's key is not held

    // The same slot under another key (a tampered copy, a reset server): quietly discarded.
    const key = newDraftKey();
    holdDraftKey('9', async () => key);
    await writeDraft('9', 'f', { text: 'geheim' });
    const slot = drafts().find((k) => k.startsWith('samen.draft.9.'))!;
    const sealed = localStorage.getItem(slot)!;
    forgetDraftKey();
    holdDraftKey('9', async () => newDraftKey());
    await writeDraft('9', 'f', { text: 'anders' });
    const otherSlot = drafts().find((k) => k.startsWith('samen.draft.9.') && k !== slot)!;
    localStorage.setItem(otherSlot, sealed); // the first key's ciphertext where the second looks
    expect(await readDraft('9', 'f')).toBeNull();
    expect(localStorage.getItem(otherSlot)).toBeNull();
  });

  it('writes nothing without a key: no plaintext draft, ever', async () => {
    const { result } = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    act(() => result.current.setValue({ text: 'zonder sleutel' }));
    await writeDraft('7', 'signal-new', { text: 'zonder sleutel' });
    expect(localStorage.length).toBe(0);
    holdDraftKey('7', async () => 'not-a-key');
    await writeDraft('7', 'signal-new', { text: 'zonder sleutel' });
    expect(localStorage.length).toBe(0);
  });

  it('imports the key as non-extractable AES-GCM (and HMAC) keys', async () => {
    const keys = await importDraftKey(newDraftKey());
    expect(keys.seal.algorithm.name).toBe('AES-GCM');
    expect(keys.seal.extractable).toBe(false);
    expect(keys.name.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', keys.seal)).rejects.toThrow();
  });

  it('forgets the draft once the form is sent, or when it is discarded', async () => {
    holdDraftKey('7', async () => newDraftKey());
    const { result } = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    act(() => result.current.setValue({ text: 'iets' }));
    await waitFor(async () => expect(await readDraft('7', 'signal-new')).not.toBeNull());
    act(() => result.current.done());
    await waitFor(() => expect(drafts()).toHaveLength(0));

    await writeDraft('7', 'signal-new', { text: 'oud' });
    const next = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    await waitFor(() => expect(next.result.current.offered).not.toBeNull());
    act(() => next.result.current.discard());
    await waitFor(() => expect(drafts()).toHaveLength(0));
  });

  it('drops a user’s drafts at logout, anyone’s after a day, and old unsealed ones', async () => {
    holdDraftKey('7', async () => newDraftKey());
    await writeDraft('7', 'a', { text: '1' });
    await writeDraft('7', 'b', { text: '2' });
    holdDraftKey('8', async () => newDraftKey());
    await writeDraft('8', 'a', { text: '3' });
    localStorage.setItem('samen.draft.8.signal-new', JSON.stringify({ savedAt: new Date().toISOString(), value: { text: 'leesbaar' } }));
    discardDraftsOf('7');
    expect(drafts().filter((k) => k.startsWith('samen.draft.7.'))).toHaveLength(0);
    expect(await readDraft('8', 'a')).not.toBeNull();
    pruneDrafts();
    expect(localStorage.getItem('samen.draft.8.signal-new')).toBeNull(); // plaintext of an older version
    expect(drafts()).toHaveLength(1);
    pruneDrafts(Date.now() + DRAFT_MAX_AGE_MS + 1000);
    expect(localStorage.length).toBe(0);
  });
});
