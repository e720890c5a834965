// The support level: its history (oldest first, from GET /api/cases/{id}) with who, when,
// from and to, and why; a move to a heavier level is marked as an escalation in words.
// Whoever manages the case changes the level with a reason (POST /api/cases/{id}/level).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Notice } from '../../components/common';
import { SimpleTable } from '../../components/SimpleTable';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../format/dates';
import { useCase } from './CaseContext';
import { LevelForm } from './LevelForm';
import { hiddenReason } from './labels';
import { useMe } from '../../session/session';
import { isFamily } from '../../screens/routes';

export function LevelSection() {
  const { t } = useTranslation();
  const { kase, people, reload } = useCase();
  const manage = kase.may.change_level;
  const [changing, setChanging] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const history = kase.level_history;
  const family = isFamily(useMe());
  const direction = (from: number | null | undefined, to: number | undefined) =>
    from == null ? t('caseEdit.level.opened') : (to ?? 0) > from ? t('caseEdit.level.escalation') : t('caseEdit.level.deescalation');

  return (
    <section aria-labelledby="case-level">
      <Heading2 id="case-level">{t('caseEdit.level.title')}</Heading2>
      <Paragraph>
        {t('caseEdit.level.current', { level: t(`levels.${kase.level}`, { defaultValue: `${kase.level}` }) })}{' '}
        {kase.escalations > 0 ? t('caseEdit.level.escalations', { count: kase.escalations }) : t('caseEdit.level.noEscalations')}
      </Paragraph>
      {saved && <Notice type="ok">{t('caseEdit.level.saved')}</Notice>}
      {history.length === 0 ? (
        <Paragraph>{t('caseEdit.level.noHistory')}</Paragraph>
      ) : (
        <SimpleTable
          caption={t('caseEdit.level.caption')}
          headers={[t('caseEdit.level.when'), t('caseEdit.level.change'), t('caseEdit.level.who'), t('caseEdit.level.why')]}
          rows={history.map((h, i) => ({
            key: `${h.changed_at}-${i}`,
            cells: [
              formatDateTime(h.changed_at, currentLanguage()),
              h.from_level == null
                ? `${t('caseEdit.level.opened')}: ${h.to_level}`
                : `${h.from_level} → ${h.to_level} (${direction(h.from_level, h.to_level)})`,
              h.changed_by_name ||
                (h.changed_by_membership_id && people.get(h.changed_by_membership_id)?.name) ||
                t('caseEdit.unknownPerson'),
              h.reason ?? hiddenReason(t, family),
            ],
          }))}
        />
      )}
      {manage && !changing && (
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => {
            setSaved(false);
            setReloaded(false);
            setChanging(true);
          }}
        >
          {t('caseEdit.level.open')}
        </Button>
      )}
      {manage && changing && (
        <LevelForm
          key={kase.version}
          reloaded={reloaded}
          onCancel={() => setChanging(false)}
          onSaved={() => {
            setChanging(false);
            setSaved(true);
          }}
          onReload={async () => {
            await reload(true);
            setReloaded(true);
          }}
        />
      )}
    </section>
  );
}
