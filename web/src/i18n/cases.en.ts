import type { Messages } from './messages';

// English for cases.nl.ts (same keys; the type makes the compiler check it).
export const casesEn: Messages['cases'] = {
  nav: 'Cases',
  title: 'My cases',
  intro: 'The cases you may open: those you lead, where you sit at the table, or of your school as care coordinator.',
  status: 'Which cases',
  statusOpen: 'Open',
  statusClosed: 'Closed',
  statusAll: 'All',
  caption: 'Cases',
  pupil: 'Pupil',
  level: 'Level',
  state: 'Status',
  categories: 'Subjects',
  reviewDate: 'Review',
  opened: 'Opened',
  overdue: '{{date}} — passed',
  none: 'There are no cases you may see.',
  count_one: '{{count}} case',
  count_other: '{{count}} cases',
  unknownPupil: 'pupil {{id}}',
};
