// Pupils: search by name or number, filter by class; the list is the API's, page by page.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldTextbox,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call, type Pupil } from '../api/client';
import { AppLink } from '../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../components/common';
import { messageFor, valueOf } from '../components/forms';
import { pupilName } from '../format/names';
import { paths } from './routes';

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
  const [pupils, setPupils] = useState<Pupil[] | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setPupils(null);
    setError(undefined);
    call(
      api.GET('/api/pupils', {
        params: {
          query: {
            q: q || undefined,
            class: klass || undefined,
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          },
        },
      }),
    ).then(
      (list) => live && setPupils(list.pupils),
      (e) => live && setError(messageFor(t, e)),
    );
    return () => {
      live = false;
    };
  }, [q, klass, page, t]);

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
            {pupils.length === PAGE_SIZE && ` ${t('pupils.more')}`}
          </Paragraph>
          {pupils.length > 0 && (
            <Table className="samen-table">
              <TableCaption>{`${t('pupils.caption')} — ${t('pupils.page', { page })}`}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('pupils.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.number')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.class')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.mentor')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.view')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {pupils.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>
                      <AppLink href={paths.pupil(p.id)}>{pupilName(p)}</AppLink>
                    </TableCell>
                    <TableCell>{p.pupil_number}</TableCell>
                    <TableCell>{p.class}</TableCell>
                    <TableCell>{p.mentor_name ?? ''}</TableCell>
                    <TableCell>{p.view === 'full' ? t('pupils.viewFull') : t('pupils.viewDirectory')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {(page > 1 || pupils.length === PAGE_SIZE) && (
            <ButtonGroup>
              {page > 1 && (
                <Button appearance="secondary-action-button" type="button" onClick={() => go({ q, klas: klass, pagina: page - 1 })}>
                  {t('pupils.previous')}
                </Button>
              )}
              {pupils.length === PAGE_SIZE && (
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
