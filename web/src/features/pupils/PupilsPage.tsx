// Pupils: search by name or number, filter by class; the list is the API's, page by page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldTextbox,
  Paragraph,
} from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { SimpleTable } from '../../components/SimpleTable';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../../components/common';
import { useLoad, valueOf } from '../../components/forms';
import { pupilName } from '../../format/names';
import { paths } from '../../screens/routes';

const PAGE_SIZE = 50;

export function PupilsPage() {
  const { t } = useTranslation();
  const search = new URLSearchParams(useSearch());
  const q = search.get('q') ?? '';
  const klass = search.get('klas') ?? '';
  const page = Math.max(1, Number(search.get('pagina') ?? '1') || 1);
  const [, navigate] = useLocation();
  const [query, setQuery] = useState(q);
  const [classFilter, setClassFilter] = useState(klass);
  const { data, error } = useLoad(
    ['pupils', q, klass, page],
    () =>
      call(
        api.GET('/api/pupils', {
          params: { query: { q: q || undefined, class: klass || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
        }),
      ),
  );
  const pupils = data?.pupils ?? null;
  const more = data?.has_more ?? false;

  function go(next: { q: string; klas: string; pagina?: number }) {
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.klas) params.set('klas', next.klas);
    if (next.pagina && next.pagina > 1) params.set('pagina', String(next.pagina));
    const s = params.toString();
    navigate(s ? `${paths.pupils}?${s}` : paths.pupils);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    go({ q: query.trim(), klas: classFilter.trim() });
  }

  return (
    <>
      <PageTitle>{t('pupils.title')}</PageTitle>
      <form role="search" onSubmit={submit} className="samen-form samen-form--inline">
        <Fieldset>
          <FieldsetLegend>{t('pupils.searchLegend')}</FieldsetLegend>
          <div className="samen-form__row">
            <FormFieldTextbox
              label={t('pupils.query')}
              name="q"
              type="search"
              value={query}
              onChange={(e) => setQuery(valueOf(e))}
            />
            <FormFieldTextbox
              label={t('pupils.class')}
              description={t('pupils.classHint')}
              name="class"
              value={classFilter}
              onChange={(e) => setClassFilter(valueOf(e))}
            />
          </div>
          <Button appearance="primary-action-button" type="submit">
            {t('pupils.search')}
          </Button>
        </Fieldset>
      </form>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!pupils && !error && <Loading />}
      {pupils && (
        <section aria-labelledby="results-heading">
          <Paragraph id="results-heading" role="status">
            {pupils.length === 0 ? t('pupils.none') : t('pupils.results', { count: pupils.length })}
            {more && ` ${t('pupils.more')}`}
          </Paragraph>
          {pupils.length > 0 && (
            <SimpleTable
              caption={`${t('pupils.caption')} — ${t('pupils.page', { page })}`}
              headers={[t('pupils.name'), t('pupils.number'), t('pupils.class'), t('pupils.mentor'), t('pupils.view')]}
              rows={pupils.map((p) => ({
                key: p.id,
                cells: [
                  <AppLink href={paths.pupil(p.id)}>{pupilName(p)}</AppLink>,
                  p.pupil_number,
                  p.class,
                  p.mentor_name ?? '',
                  p.view === 'full' ? t('pupils.viewFull') : t('pupils.viewDirectory'),
                ],
              }))}
            />
          )}
          {(page > 1 || more) && (
            <ButtonGroup>
              {page > 1 && (
                <Button appearance="secondary-action-button" type="button" onClick={() => go({ q, klas: klass, pagina: page - 1 })}>
                  {t('pupils.previous')}
                </Button>
              )}
              {more && (
                <Button appearance="secondary-action-button" type="button" onClick={() => go({ q, klas: klass, pagina: page + 1 })}>
                  {t('pupils.next')}
                </Button>
              )}
            </ButtonGroup>
          )}
        </section>
      )}
    </>
  );
}
