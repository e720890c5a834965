// The personal calendar link (GET/POST/DELETE /api/me/calendar-feed): the meetings one is
// expected at, in one's own calendar app. The server tells the link once, when it is made;
// after that this screen only knows that there is one. A new link replaces the old (for a
// link that leaked); withdrawing asks first, since every calendar using it stops updating.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, FormFieldTextbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { FormAlert, Loading } from '../../components/common';
import { Confirm } from '../../components/editing';
import { messageFor, useLoad } from '../../components/forms';
import { formatDateTime } from '../../format/dates';
import { currentLanguage } from '../../i18n';

const KEY = ['calendar-feed'];

export function CalendarLink() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(KEY, () => call(api.GET('/api/me/calendar-feed')));
  const [url, setUrl] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  function run(step: () => Promise<string | undefined>) {
    setBusy(true);
    setFailed(undefined);
    step()
      .then((made) => {
        setUrl(made);
        setConfirming(false);
        return reload();
      })
      .catch((e: unknown) => setFailed(messageFor(t, e)))
      .finally(() => setBusy(false));
  }
  const make = () => run(async () => (await call(api.POST('/api/me/calendar-feed'))).url);
  const withdraw = () => run(async () => (await call(api.DELETE('/api/me/calendar-feed')), undefined));

  return (
    <section aria-labelledby="calendar-link">
      <Heading2 id="calendar-link">{t('notifications.calendar.title')}</Heading2>
      <Paragraph>{t('notifications.calendar.intro')}</Paragraph>
      <FormAlert title={t('notifications.calendar.errorTitle')} message={error ?? failed} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <Paragraph role="status">
            {data.active && data.created_at
              ? t('notifications.calendar.active', { when: formatDateTime(data.created_at, currentLanguage()) })
              : t('notifications.calendar.inactive')}
          </Paragraph>
          {url && (
            <FormFieldTextbox
              label={t('notifications.calendar.url')}
              description={t('notifications.calendar.urlHint')}
              name="calendar-url"
              readOnly
              value={url}
              className="samen-wide-field"
            />
          )}
          {confirming ? (
            <Confirm question={t('notifications.calendar.withdrawQuestion')} confirm={t('notifications.calendar.withdrawConfirm')} busy={busy} onConfirm={withdraw} onCancel={() => setConfirming(false)} />
          ) : (
            <ButtonGroup>
              <Button appearance={data.active ? 'secondary-action-button' : 'primary-action-button'} type="button" busy={busy} disabled={busy} onClick={make}>
                {data.active ? t('notifications.calendar.replace') : t('notifications.calendar.make')}
              </Button>
              {data.active && (
                <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={() => setConfirming(true)}>
                  {t('notifications.calendar.withdraw')}
                </Button>
              )}
            </ButtonGroup>
          )}
        </>
      )}
    </section>
  );
}
