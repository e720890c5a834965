// Plain words for the family portal: who the family member is in a grant (the guardian
// record the API marks as this login), and who a grant's recipients are, in the words of the
// people the family meets at the table ("de gezinswerker van Buurtteam Lindeveld").
import type { TFunction } from 'i18next';
import type { Case, ChronologyEntry, Pupil } from '../../api/client';
import type { Grant, Party } from '../consent/consents';

/** The guardian record of this login: the one the API marks `is_you`; null when none is. */
export function myGuardianId(pupil: Pupil): string | null {
  return (pupil.guardians ?? []).find((g) => g.is_you)?.id ?? null;
}

/** "a, b en c". */
export function joinWords(t: TFunction, words: readonly string[]) {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')}${t('familyPortal.consents.and')}${words.at(-1)}`;
}

export interface Table {
  /** Organisation id → name, as the family meets them in the entries shared with them. */
  organisations: Map<string, string>;
  /** Organisation id → the roles of the people of that organisation at the table. */
  roles: Map<string, string[]>;
}

/** What the family knows of the organisations around its cases: those at the table, and the authors of what was shared. */
export function tableOf(cases: readonly Case[], entries: readonly ChronologyEntry[]): Table {
  const organisations = new Map<string, string>();
  for (const e of entries) if (e.author.organisation) organisations.set(e.author.organisation_id, e.author.organisation);
  const roles = new Map<string, string[]>();
  for (const c of cases) {
    const seats = [...c.team.filter((m) => !m.removed_at), ...(c.lead ? [c.lead] : [])];
    for (const m of seats) {
      if (m.organisation_id && m.organisation_name) organisations.set(m.organisation_id, m.organisation_name);
      if (!m.organisation_id || !m.role) continue;
      const list = roles.get(m.organisation_id) ?? [];
      if (!list.includes(m.role)) list.push(m.role);
      roles.set(m.organisation_id, list);
    }
  }
  return { organisations, roles };
}

/** The grant's recipients in plain words. */
export function recipientWords(t: TFunction, g: Grant, table: Table, self: boolean) {
  const k = 'familyPortal.consents';
  const role = (r: string) => t(`roles.${r}`, { defaultValue: r });
  const words: string[] = [];
  for (const id of g.recipients.organisation_ids ?? []) {
    const organisation = table.organisations.get(id);
    const roles = table.roles.get(id) ?? [];
    if (organisation && roles.length) words.push(t(`${k}.roleAt`, { role: joinWords(t, roles.map(role)), organisation }));
    else if (organisation) words.push(t(`${k}.staffOf`, { organisation }));
    else if (roles.length) words.push(t(`${k}.role`, { role: joinWords(t, roles.map(role)) }));
    else words.push(t(`${k}.anOrganisation`));
  }
  for (const r of g.recipients.roles ?? []) words.push(t(`${k}.role`, { role: role(r) }));
  if (g.recipients.guardians) words.push(t(self ? `${k}.yourParents` : `${k}.parents`));
  return joinWords(t, words);
}

export function subjectWords(t: TFunction, g: Grant) {
  return joinWords(t, g.categories.map((c) => t(`categories.${c}`).toLowerCase()));
}

/** This login as a party to grants: the pupil, or the guardian record (null: not known yet). */
export function myParty(self: boolean, guardianId: string | null): Party | null {
  if (self) return { pupil: true };
  return guardianId ? { guardian_id: guardianId } : null;
}
