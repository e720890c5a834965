import type { Pupil } from '../api/client';

/** "Sem de Vries": given name, prefix, family name. */
export function pupilName(p: Pick<Pupil, 'given_name' | 'name_prefix' | 'family_name'>): string {
  return [p.given_name, p.name_prefix, p.family_name].filter(Boolean).join(' ');
}
