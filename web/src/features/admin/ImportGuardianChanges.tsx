// What an import does to guardians (the dry run shows it before anything is written): how
// many are added, ended and changed, and the first of them by line. Guardians are matched by
// the school system's guardian number, else by name with e-mail or phone; an ended guardian
// loses access to the child, so the school sees who before confirming.
import { useTranslation } from 'react-i18next';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Schemas } from '../../api/client';
import { Facts } from '../../components/Facts';
import { SimpleTable } from '../../components/SimpleTable';

type Changes = Schemas['ImportGuardianChanges'];

export function ImportGuardianChanges({ changes, dryRun }: { changes: Changes; dryRun: boolean }) {
  const { t } = useTranslation();
  const k = 'import.guardians';
  return (
    <>
      <Heading3>{t(`${k}.title`)}</Heading3>
      <Facts
        items={[
          [t(`${k}.added`), changes.added],
          [t(`${k}.ended`), changes.ended],
          [t(`${k}.changed`), changes.changed],
        ]}
      />
      {changes.ended > 0 && <Paragraph>{dryRun ? t(`${k}.endedWarning`) : t(`${k}.endedDone`)}</Paragraph>}
      {changes.changes.length > 0 && (
        <SimpleTable
          caption={t(`${k}.caption`)}
          headers={[t('import.line'), t(`${k}.pupil`), t(`${k}.name`), t(`${k}.change`)]}
          rows={changes.changes.map((c, i) => ({
            key: `${c.line}-${i}`,
            cells: [c.line, c.pupil_number, c.name, t(`${k}.kind.${c.change}`)],
          }))}
        />
      )}
      {changes.changes_truncated && <Paragraph small>{t(`${k}.truncated`)}</Paragraph>}
    </>
  );
}
