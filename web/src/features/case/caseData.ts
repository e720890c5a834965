// What the case page knows about a case beyond the record itself: the pupil's name, the
// organisations' names (for the seats at the table) and the people around it by membership and by user (for owners, level changes, the author filter).
import { api, call, type Case, type Me, type Role, type Schemas } from '../../api/client';

export type Goal = Schemas['Goal'];
export type CaseAction = Schemas['Action'];
export type TeamMember = Schemas['TeamMember'];
export type Organisation = Schemas['Organisation'];

export interface CaseView {
  kase: Case;
  pupil: string | null;
  /** Organisation id → name; empty for the family, who may not list organisations. */
  organisations: Map<string, string>;
  /** The active ones, by name: where new seats come from. */
  activeOrganisations: Organisation[];
}

export async function loadCaseView(id: string, me: Me): Promise<CaseView> {
  const kase = await call(api.GET('/api/cases/{id}', { params: { path: { id } } }));
  const organisations = !me.may.list_organisations
    ? []
    : await call(api.GET('/api/organisations')).then((o) => o.organisations, () => [] as Organisation[]);
  // The seats name their organisations too: the family, who may not list organisations,
  // still reads who sits at the table.
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  for (const m of [...kase.team, ...(kase.lead ? [kase.lead] : [])])
    if (m.organisation_id && m.organisation_name && !names.has(m.organisation_id)) names.set(m.organisation_id, m.organisation_name);
  return {
    kase,
    pupil: kase.pupil_name || null,
    organisations: names,
    activeOrganisations: organisations.filter((o) => o.active),
  };
}

export interface Person {
  membership_id: string;
  user_id?: string | null;
  name: string;
  role?: Role;
  organisation_id?: string;
}

/** The people at the table now: the lead first, then every seat not ended (no doubles). */
export function atTable(kase: Case): Person[] {
  const people: Person[] = [];
  const seen = new Set<string>();
  const add = (p: Omit<Partial<Person>, 'name'> & { name?: string | null }) => {
    if (!p.membership_id || seen.has(p.membership_id)) return;
    seen.add(p.membership_id);
    people.push({ ...p, membership_id: p.membership_id, name: p.name || p.membership_id });
  };
  if (kase.lead) add(kase.lead);
  for (const seat of kase.team) if (!seat.removed_at) add(seat);
  return people;
}

/** Everyone the case names, seats ended included, by membership id (and the viewer). */
export function peopleByMembership(kase: Case, me: Me): Map<string, Person> {
  const map = new Map<string, Person>();
  const m = me.active_membership;
  map.set(m.id, { membership_id: m.id, user_id: me.user.id, name: me.user.name, role: m.role, organisation_id: m.organisation_id });
  for (const seat of kase.team) {
    if (seat.membership_id) map.set(seat.membership_id, { ...seat, membership_id: seat.membership_id, name: seat.name ?? '' });
  }
  if (kase.lead?.membership_id) map.set(kase.lead.membership_id, { ...kase.lead, membership_id: kase.lead.membership_id, name: kase.lead.name ?? '' });
  return map;
}

/** The same people by user id (a user may hold several memberships; the name is the same). */
export function namesByUser(people: Map<string, Person>): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of people.values()) if (p.user_id && p.name) map.set(p.user_id, p.name);
  return map;
}
