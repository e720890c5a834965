// What the consent screens share: the state of a grant as people read it (the API's status,
// plus "awaiting a signature" while a party the age band needs is missing), the parties a
// grant names, the calls to sign and withdraw, and the messages for their error codes.
import type { TFunction } from 'i18next';
import { api, call, ApiError, type Schemas } from '../../api/client';
import { messageFor } from '../../components/forms';

export type Grant = Schemas['ConsentGrant'];
export type Party = Schemas['ConsentWithdrawalParty'];
export type GrantState = Grant['status'] | 'awaiting';
export type Guardian = Schemas['Guardian'];

export type ConsentRequest = Schemas['ConsentRequest'];

/** The API's status (`pending`: awaiting confirmation), but a grant in force (or to come) that lacks a party is "awaiting". */
export function grantState(g: Grant): GrantState {
  if ((g.status === 'active' || g.status === 'future') && g.missing_parties.length > 0) return 'awaiting';
  return g.status;
}

/** The status badge: the theme's "active" for a grant in force, neutral otherwise (the text says which). */
export const badgeFor = (state: GrantState) => (state === 'active' ? 'active' : 'neutral');

/** Can still be withdrawn: not withdrawn nor ended. */
export function inForce(g: Grant) {
  return g.status === 'active' || g.status === 'future' || g.status === 'pending';
}

/** The parties who gave the grant (later signatures included), as `by` values. */
export function partiesOf(g: Grant): Party[] {
  const guardians = new Set([...(g.given_by.guardian_ids ?? []), ...g.later_signatures.flatMap((s) => (s.guardian_id ? [s.guardian_id] : []))]);
  const pupil = Boolean(g.given_by.pupil) || g.later_signatures.some((s) => s.pupil);
  return [...[...guardians].map((guardian_id) => ({ guardian_id })), ...(pupil ? [{ pupil: true as const }] : [])];
}

export function isParty(g: Grant, party: Party) {
  return partiesOf(g).some((p) => (party.pupil ? p.pupil : p.guardian_id === party.guardian_id));
}

/** Who may still sign: the missing pupil, or any guardian with authority who is not a party. */
export function signers(g: Grant, guardians: readonly Guardian[]): Party[] {
  if (!inForce(g)) return [];
  const out: Party[] = [];
  if (g.missing_parties.includes('guardian'))
    for (const guardian of guardians)
      if (guardian.parental_authority && !isParty(g, { guardian_id: guardian.id })) out.push({ guardian_id: guardian.id });
  if (g.missing_parties.includes('pupil')) out.push({ pupil: true });
  return out;
}

export const partyKey = (p: Party) => (p.pupil ? 'pupil' : `guardian-${p.guardian_id}`);

export function signGrant(g: Grant, by: Party) {
  return call(api.POST('/api/consents/{id}/sign', { params: { path: { id: g.id } }, body: { by, version: g.version } }));
}

export function withdrawGrant(g: Grant, by: Party) {
  return call(api.POST('/api/consents/{id}/withdraw', { params: { path: { id: g.id } }, body: { by } }));
}

export function confirmGrant(g: Grant) {
  return call(api.POST('/api/consents/{id}/confirm', { params: { path: { id: g.id } }, body: { version: g.version } }));
}

export function answerRequest(r: ConsentRequest, by: Party, agree: boolean) {
  return call(api.POST('/api/consent-requests/{id}/answer', { params: { path: { id: r.id } }, body: { by, agree } }));
}

export function withdrawRequest(r: ConsentRequest) {
  return call(api.POST('/api/consent-requests/{id}/withdraw', { params: { path: { id: r.id } } }));
}

/** The UI text for a failed sign or withdraw: the consent codes, then the shared ones. */
export function consentErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && ['already_withdrawn', 'already_signed', 'grant_expired', 'already_confirmed', 'request_closed'].includes(error.code))
    return t(`consent.errors.${error.code}`, { defaultValue: error.message });
  return messageFor(t, error);
}

export const isConflict = (error: unknown) =>
  error instanceof ApiError && ['version_conflict', 'already_withdrawn', 'already_signed', 'already_confirmed', 'request_closed'].includes(error.code);
