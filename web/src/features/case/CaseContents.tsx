// The case workspace's index: one step to each part. The part stays in the address
// (#case-team), so a reload or a shared link opens the same part; following a link moves
// the focus to the part's heading, for keyboard and screen-reader users as for the eye.
import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '@utrecht/component-library-react';

/** Moves to a part: scrolls it into view and gives its heading the focus. */
export function goToPart(id: string) {
  const target = document.getElementById(id);
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView?.({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}

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

  // Opened with a part in the address: go there once the case is on screen.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) goToPart(id);
  }, []);

  function follow(event: MouseEvent<HTMLAnchorElement>, id: string) {
    if (!goToPart(id)) return;
    event.preventDefault();
    history.replaceState(history.state, '', `#${id}`);
  }

  return (
    <nav aria-label={t('caseEdit.contents')} className="samen-case__index">
      <ul>
        {parts.map(([id, label]) => (
          <li key={id}>
            <Link href={`#${id}`} onClick={(e: MouseEvent<HTMLAnchorElement>) => follow(e, id)}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
