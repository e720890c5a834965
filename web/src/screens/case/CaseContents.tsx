// "On this page": in-page links to the parts of a long case page.
import { useTranslation } from 'react-i18next';
import { Link } from '@utrecht/component-library-react';

export function CaseContents({ writer, safety }: { writer: boolean; safety: boolean }) {
  const { t } = useTranslation();
  const parts: [string, string][] = [
    ['case-header', t('case.header')],
    ['case-team', t('case.team')],
    ...(safety ? ([['case-safety', t('safety.title')]] as [string, string][]) : []),
    ['case-goals', t('caseEdit.goals.title')],
    ['case-actions', t('caseEdit.actions.title')],
    ['case-level', t('caseEdit.level.title')],
    ...(writer ? ([['entry-form', t('entry.title')]] as [string, string][]) : []),
    ['case-chronology', t('case.chronology')],
  ];
  return (
    <nav aria-label={t('caseEdit.contents')} className="samen-contents">
      <ul>
        {parts.map(([id, label]) => (
          <li key={id}>
            <Link href={`#${id}`}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
