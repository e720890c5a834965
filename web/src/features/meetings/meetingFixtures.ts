// The meeting the component tests of this feature render: one named item, one anonymous.
import type { Schemas } from '../../api/client';

type Why = Schemas['AgendaItem']['attendees'][number]['why'];

export const attendee = (membership_id: string, name: string, role: string, why: Why) => ({
  membership_id,
  name,
  role,
  organisation_name: role === 'family_worker' ? 'Buurtteam Lindeveld-Oost' : 'Het Baken College',
  why,
});

export const MEETING: Schemas['Meeting'] = {
  id: '5',
  series_id: '1',
  school_id: '3',
  kind: 'case_consultation',
  title: 'Zorgoverleg Het Baken',
  starts_at: '2026-12-08T07:30:00Z',
  duration_minutes: 90,
  place: 'Lokaal 1.12',
  video_link: 'https://video.example/zorgoverleg',
  status: 'planned',
  chair_membership_id: '12',
  version: 1,
  sees_every_item: false,
  may: { plan: false, record_minutes: false, close_minutes: false },
  items: [
    {
      id: '21',
      case_id: '7',
      reason: 'review_due',
      reasons: ['review_due', 'overdue_actions', 'put_forward'],
      named: true,
      pupil: { id: '40', name: 'Sanne Bakker', class: '2A' },
      categories: ['attendance', 'home'],
      starts_at: null,
      put_forward: { question: 'Is een huisbezoek nodig?', membership_id: '14', at: '2026-12-03T09:00:00Z' },
      attendees: [
        attendee('13', 'Mirjam Maatschappelijk Werk', 'school_care_worker', 'lead'),
        attendee('11', 'Tom Gezinswerker', 'family_worker', 'case_team'),
        attendee('14', 'Joost de Mentor', 'mentor', 'put_forward'),
      ],
    },
    {
      id: '22',
      reason: 'review_due',
      reasons: ['review_due'],
      named: false,
      anonymous_reason: 'no_legal_basis',
      categories: ['behaviour', 'home'],
      starts_at: null,
      attendees: [attendee('11', 'Tom Gezinswerker', 'family_worker', 'case_team')],
    },
  ],
};
