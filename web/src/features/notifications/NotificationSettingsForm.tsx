// The user's choice of e-mail about their notifications: at once, a daily digest, or none.
// The settings carry a version (0 before the first choice); saving a stale one is refused
// with 409, and the form offers to load the choice made meanwhile.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { RadioGroup } from '../../components/ChoiceGroup';
import { FormAlert, Loading, Notice } from '../../components/common';
import { EditAlert, ReloadedNotice, SaveCancel, useEditForm } from '../../components/editing';
import { useLoad } from '../../components/forms';

type Settings = Schemas['NotificationSettings'];
type EmailChoice = Settings['email'];

const settingsKey = ['notification-settings'];
const FIELDS = ['email'] as const;
const CHOICES: readonly EmailChoice[] = ['immediate', 'digest', 'none'];

function SettingsForm({ settings, reloaded, onReload }: { settings: Settings; reloaded: boolean; onReload(): Promise<void> }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const { formRef, busy, errors, conflict, submit, clear } = useEditForm(FIELDS);
  const [email, setEmail] = useState<EmailChoice>(settings.email);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent) {
    setSaved(false);
    void submit(event, {}, async () => {
      const next = await call(api.PUT('/api/me/notification-settings', { body: { email, version: settings.version } }));
      queries.setQueryData(settingsKey, next);
      setSaved(true);
    });
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="notification-settings">
      <ReloadedNotice shown={reloaded} />
      {!settings.mail_enabled && <Notice>{t('notifications.settings.mailDisabled')}</Notice>}
      <Paragraph>{t('notifications.settings.hint')}</Paragraph>
      <EditAlert title={t('notifications.settings.errorTitle')} message={errors.form} conflict={conflict} onReload={onReload} />
      <RadioGroup
        legend={t('notifications.settings.legend')}
        name="email"
        choices={CHOICES.map((value) => ({ value, label: t(`notifications.settings.${value}`) }))}
        value={email}
        error={errors.fields.email}
        onChange={(value) => {
          setEmail(value);
          setSaved(false);
        }}
      />
      {saved && <Notice type="ok">{t('notifications.settings.saved')}</Notice>}
      <SaveCancel
        busy={busy}
        label={t('notifications.settings.save')}
        onCancel={() => {
          setEmail(settings.email);
          setSaved(false);
          clear();
        }}
      />
    </form>
  );
}

export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(settingsKey, () => call(api.GET('/api/me/notification-settings')));
  const [reloads, setReloads] = useState(0);
  return (
    <section aria-labelledby="notification-settings">
      <Heading2 id="notification-settings">{t('notifications.settings.title')}</Heading2>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!data && !error && <Loading />}
      {data && (
        <SettingsForm
          // Loaded again after a conflict, the form opens afresh on the choice read; after its
          // own save it stays (with the new version, and its "saved").
          key={reloads}
          settings={data}
          reloaded={reloads > 0}
          onReload={async () => {
            await reload();
            setReloads((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
