// The key form drafts are encrypted with. The server hands each user 32 random bytes
// (GET /api/me/draft-key), the same in every session of that user; the browser holds them
// only as non-extractable WebCrypto keys, in memory, for the user logged in now, and never
// in localStorage or sessionStorage. So a draft left behind when a session expires is
// ciphertext to anyone else at a shared school computer, and readable again once the same
// user logs in. From the bytes, HKDF-SHA-256 derives two keys with one purpose each: an
// AES-GCM key that seals the drafts and an HMAC key that names their slots (so the stored
// names do not show which case or pupil a draft is about). docs/decisions.md "encrypted drafts".

export interface DraftKeys {
  seal: CryptoKey;
  name: CryptoKey;
}

interface Held {
  userId: string;
  keys: Promise<DraftKeys | null>;
}

let held: Held | null = null;

const text = new TextEncoder();

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(value: string): Uint8Array<ArrayBuffer> {
  return fromBase64Url(value);
}

/** The two draft keys from the server's 32 bytes (base64url); both non-extractable. */
export async function importDraftKey(base64url: string): Promise<DraftKeys> {
  const raw = fromBase64Url(base64url);
  if (raw.length !== 32) throw new Error('a draft key has 32 bytes');
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
  raw.fill(0);
  const params = (info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: text.encode(info) });
  const [seal, name] = await Promise.all([
    crypto.subtle.deriveKey(params('samen draft seal v1'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    crypto.subtle.deriveKey(params('samen draft name v1'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
  ]);
  return { seal, name };
}

/**
 * The logged-in user's keys from now on. `load` asks the server; it is not asked again for
 * the same user (a membership switch keeps them). A key that cannot be had leaves the user
 * without drafts, never with plaintext ones.
 */
export function holdDraftKey(userId: string, load: () => Promise<string>) {
  if (held?.userId === userId) return;
  held = { userId, keys: load().then(importDraftKey).catch(() => null) };
}

/** At session expiry and logout: the keys leave memory; what was sealed stays sealed. */
export function forgetDraftKey() {
  held = null;
}

/** The held keys of this user (null when another user's, or none, are held). */
export function heldKeysOf(userId: string): { handle: object; keys: Promise<DraftKeys | null> } | null {
  return held && held.userId === userId ? { handle: held, keys: held.keys } : null;
}

/** Whether the keys behind `handle` are still the ones held (not forgotten meanwhile). */
export function stillHeld(handle: object): boolean {
  return held === handle;
}
