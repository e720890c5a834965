import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, discardDraftsOf, pruneDrafts, readDraft, useDraft, writeDraft } from './draft';

interface Form {
  text: string;
}
const EMPTY: Form = { text: '' };
const isEmpty = (f: Form) => !f.text;

describe('drafts', () => {
  it('keeps what is typed and offers it again when the form opens anew', () => {
    const first = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    expect(first.result.current.offered).toBeNull();
    act(() => first.result.current.setValue({ text: 'Mist de maandagen' }));
    first.unmount(); // the session expired: the form is gone

    const again = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    expect(again.result.current.value).toEqual(EMPTY); // not filled in behind the user's back
    expect(again.result.current.offered?.value).toEqual({ text: 'Mist de maandagen' });
    act(() => again.result.current.restore());
    expect(again.result.current.value).toEqual({ text: 'Mist de maandagen' });
    expect(again.result.current.offered).toBeNull();
  });

  it('never offers one user the draft of another', () => {
    writeDraft('7', 'signal-new', { text: 'van gebruiker 7' });
    const other = renderHook(() => useDraft<Form>('8', 'signal-new', EMPTY, isEmpty));
    expect(other.result.current.offered).toBeNull();
  });

  it('forgets the draft once the form is sent, or when it is discarded', () => {
    const { result } = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    act(() => result.current.setValue({ text: 'iets' }));
    expect(readDraft('7', 'signal-new')).not.toBeNull();
    act(() => result.current.done());
    expect(readDraft('7', 'signal-new')).toBeNull();

    writeDraft('7', 'signal-new', { text: 'oud' });
    const next = renderHook(() => useDraft<Form>('7', 'signal-new', EMPTY, isEmpty));
    act(() => next.result.current.discard());
    expect(readDraft('7', 'signal-new')).toBeNull();
  });

  it('drops a user’s drafts at logout and anyone’s after a day', () => {
    writeDraft('7', 'a', { text: '1' });
    writeDraft('7', 'b', { text: '2' });
    writeDraft('8', 'a', { text: '3' });
    discardDraftsOf('7');
    expect(readDraft('7', 'a')).toBeNull();
    expect(readDraft('7', 'b')).toBeNull();
    expect(readDraft('8', 'a')).not.toBeNull();
    pruneDrafts(Date.now() + DRAFT_MAX_AGE_MS + 1000);
    expect(localStorage.length).toBe(0);
  });
});
