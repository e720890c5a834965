import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, ME, mockFetch, notificationsToHandler, renderApp } from '../../test/helpers';
import { App } from '../../App';
import type { NotificationList } from './notificationsQuery';

const LIST: NotificationList = {
  unread: 2,
  notifications: [
    { id: '3', kind: 'meeting_changed', link: '/overleg/5', created_at: '2026-12-03T09:15:00Z', read: false },
    { id: '2', kind: 'team_added', link: '/dossiers/7', created_at: '2026-12-02T13:00:00Z', read: false },
    { id: '1', kind: 'meeting_cancelled', link: '//elders.example/x', created_at: '2026-12-01T08:00:00Z', read: true },
  ],
};
const read = (list: NotificationList, ids: string[]): NotificationList => {
  const notifications = list.notifications.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n));
  return { notifications, unread: notifications.filter((n) => !n.read).length };
};
const SETTINGS = { email: 'immediate', mail_enabled: true, version: 0 };

function serve(settings: (body: { email: string; version: number }) => Response = (b) => json(200, { ...SETTINGS, ...b, version: b.version + 1 })) {
  notificationsToHandler();
  let list = LIST;
  let feed: { active: boolean; created_at: string | null } = { active: false, created_at: null };
  const calendar = (method: string) => {
    if (method === 'POST') {
      feed = { active: true, created_at: '2026-12-04T10:00:00Z' };
      return json(201, { ...feed, url: 'https://samen.lindeveld.example/api/calendar/geheim-1' });
    }
    if (method === 'DELETE') feed = { active: false, created_at: null };
    return json(200, feed);
  };
  return mockFetch(async (req) => {
    const path = new URL(req.url).pathname;
    if (path === '/api/notifications') return json(200, list);
    if (path === '/api/notifications/read-all') return json(200, (list = read(list, list.notifications.map((n) => n.id))));
    const one = /^\/api\/notifications\/(\d+)\/read$/.exec(path);
    if (one) return json(200, (list = read(list, [one[1]!])));
    if (path === '/api/me/notification-settings' && req.method === 'PUT') return settings(await req.json());
    if (path === '/api/me/notification-settings') return json(200, SETTINGS);
    if (path === '/api/me/calendar-feed') return calendar(req.method);
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
}

describe('notifications', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('counts the unread in the header and lists what happened, naming no one', async () => {
    serve();
    history.replaceState(null, '', '/meldingen');
    renderApp(<App />, { status: 'active', me: ME });
    expect(await screen.findByText('2 ongelezen meldingen')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meldingen, 2 ongelezen' })).toHaveAttribute('aria-current', 'page');
    const items = within(screen.getByRole('list', { name: 'Je meldingen, nieuwste eerst' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Een overleg waarvoor je bent uitgenodigd is gewijzigd',
      'Je bent toegevoegd aan het team van een dossier',
      'Een overleg waarvoor je was uitgenodigd is afgelast',
    ]);
    expect(within(items[0]!).getByText('nieuw')).toBeInTheDocument();
    expect(within(items[2]!).queryByText('nieuw')).toBeNull();
    // A link that is not a path of this app is not followed.
    expect(within(items[2]!).queryByRole('link')).toBeNull();
    expect(within(items[2]!).queryByRole('button', { name: /Gelezen/ })).toBeNull();
  });

  it('marks one read, then all, and the header count follows', async () => {
    const user = userEvent.setup();
    const { requests } = serve();
    history.replaceState(null, '', '/meldingen');
    renderApp(<App />, { status: 'active', me: ME });
    await user.click(await screen.findByRole('button', { name: 'Gelezen: Je bent toegevoegd aan het team van een dossier' }));
    expect(await screen.findByText('1 ongelezen melding')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meldingen, 1 ongelezen' })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/notifications/2/read')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Alles gelezen' }));
    expect(await screen.findByText('Alles is gelezen.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meldingen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Alles gelezen' })).toBeNull();
  });

  it('opening a notification marks it read and follows its link', async () => {
    const user = userEvent.setup();
    const { requests } = serve();
    history.replaceState(null, '', '/meldingen');
    renderApp(<App />, { status: 'active', me: ME });
    await user.click(await screen.findByRole('link', { name: 'Bekijken: Een overleg waarvoor je bent uitgenodigd is gewijzigd' }));
    await waitFor(() => expect(location.pathname).toBe('/overleg/5'));
    expect(requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/notifications/3/read')).toBe(true);
    expect(await screen.findByRole('link', { name: 'Meldingen, 1 ongelezen' })).toBeInTheDocument();
  });

  it('saves the e-mail choice with the version read, and a stale one offers to load again', async () => {
    const user = userEvent.setup();
    let conflicts = 1;
    const { requests } = serve((body) =>
      conflicts-- > 0
        ? json(409, { error: { code: 'version_conflict', message: 'stale' } })
        : json(200, { ...SETTINGS, ...body, version: body.version + 1 }),
    );
    history.replaceState(null, '', '/meldingen');
    renderApp(<App />, { status: 'active', me: ME });
    const group = await screen.findByRole('group', { name: 'Wanneer wil je een e-mail?' });
    expect(within(group).getByLabelText('Direct, bij elke melding')).toBeChecked();
    await user.click(within(group).getByLabelText('Eén keer per dag een overzicht'));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('button', { name: 'Opnieuw laden' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Opnieuw laden' }));
    await user.click(await screen.findByLabelText('Eén keer per dag een overzicht'));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Je keuze is opgeslagen.')).toBeInTheDocument();
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(await puts[1]!.json()).toEqual({ email: 'digest', version: 0 });
  });

  it('says so when the server sends no e-mail', async () => {
    notificationsToHandler();
    mockFetch((req) =>
      new URL(req.url).pathname === '/api/me/notification-settings'
        ? json(200, { ...SETTINGS, mail_enabled: false })
        : json(200, { notifications: [], unread: 0 }),
    );
    history.replaceState(null, '', '/meldingen');
    renderApp(<App />, { status: 'active', me: ME });
    expect(await screen.findByText('Je hebt nog geen meldingen.')).toBeInTheDocument();
    expect(await screen.findByText(/Deze server verstuurt \(nog\) geen e-mail/)).toBeInTheDocument();
  });

  it('makes a calendar link, shows it once, and withdraws it only after confirming', async () => {
    const user = userEvent.setup();
    const { requests } = serve();
    history.replaceState(null, '', '/meldingen');
    renderApp(<App />, { status: 'active', me: ME });
    expect(await screen.findByText('Je hebt nog geen agendalink.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Agendalink maken' }));
    expect(await screen.findByLabelText('Je agendalink')).toHaveValue('https://samen.lindeveld.example/api/calendar/geheim-1');
    expect(await screen.findByText(/Je hebt een agendalink sinds 4 december 2026/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Agendalink intrekken' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, intrekken' }));
    expect(await screen.findByText('Je hebt nog geen agendalink.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Je agendalink')).toBeNull();
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => new URL(r.url).pathname)).toEqual(['/api/me/calendar-feed']);
  });
});
