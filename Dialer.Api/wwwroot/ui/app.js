// The shell every page shares: sign-in with an API key, the header and navigation by role, and calls to the API.
import { t, format, languageSwitch } from './i18n.js';
export { t, tn, has, format, locale, translate } from './i18n.js';
const KEY = 'dialer.apiKey', USER = 'dialer.user';

// The one list of pages (labels are catalogue keys); a page appears in the navigation of the roles that may use it.
export const PAGES = [
  { href: '/campaigns', label: 'ui.nav.campaigns', roles: ['Admin', 'Marketer', 'Manager'] },
  { href: '/do-not-call', label: 'ui.nav.doNotCall', roles: ['Admin', 'Marketer', 'Manager'] },
  { href: '/manager/', label: 'ui.nav.floor', roles: ['Admin', 'Manager'] },
  { href: '/agent', label: 'ui.nav.agentConsole', roles: ['Agent'] },
  { href: '/scalar', label: 'ui.nav.apiReference', roles: ['Admin', 'Marketer', 'Manager'] },
];

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  get user() { return JSON.parse(sessionStorage.getItem(USER) ?? 'null'); },
  // key null: signed in through single sign-on, the page's calls carry its cookie
  signIn(key, user) {
    if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
    sessionStorage.setItem(USER, JSON.stringify(user));
  },
  signOut() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(USER); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? t('ui.error.serverAnswered', { status }));
    this.status = status; this.problem = problem ?? {};
  }
  get errors() { return this.problem.errors ?? {}; }
}

/** Calls the API with the signed-in key; JSON in and out; throws ApiError with the problem details. */
export async function api(path, { method = 'GET', body, headers = {}, raw = false } = {}) {
  const init = { method, headers: { ...keyHeader(), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Blob || body instanceof FormData ? body : JSON.stringify(body);
    if (!(body instanceof FormData) && !init.headers['Content-Type']) init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, init);
  if (response.status === 401) { session.signOut(); location.reload(); }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

function keyHeader() { return session.key ? { 'X-Api-Key': session.key } : {}; }

/** Builds an element: el('td', { class: 'num' }, 'text', child). */
/** A one-time ticket for a SignalR hub: the WebSocket's URL carries it, never the key (POST /api/hub-tickets). */
export async function hubTicket() {
  const response = await fetch('/api/hub-tickets', { method: 'POST', headers: keyHeader() });
  if (!response.ok) throw new ApiError(response.status, { title: t('ui.error.noHubTicket') });
  return (await response.json()).ticket;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value == null) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child != null) node.append(child);
  return node;
}

/** Numbers and times in the page's language (ui/i18n.js). */
export const fmt = {
  int: format.int,
  pct: format.pct,
  time: format.dateTime,
  hours: h => h == null ? '—' : h < 1 ? t('ui.unit.minutes', { n: format.int(h * 60) }) : t('ui.unit.hours', { n: format.number(h) }),
};

/** Announces a message in the page's live region (and shows it). */
export function notify(message, kind = 'ok') {
  const region = document.getElementById('messages');
  region.replaceChildren(el('div', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message));
  if (kind !== 'error') setTimeout(() => region.replaceChildren(), 6000);
}

function header(user) {
  const here = location.pathname.replace(/\/$/, '');
  const mine = PAGES.filter(p => p.roles.includes(user.role));
  const links = mine.map(p =>
    el('li', {}, el('a', { href: p.href, 'aria-current': here.startsWith(p.href.replace(/\/$/, '')) ? 'page' : false }, t(p.label))));
  const signOut = el('button', { type: 'button', class: 'small', onclick: () => { session.signOut(); location.reload(); } }, t('ui.header.signOut'));
  return el('header', { class: 'app-header' },
    el('a', { class: 'brand', href: mine[0]?.href ?? '/' }, 'Dialer'),
    el('nav', { 'aria-label': t('ui.header.mainNavigation') }, el('ul', {}, links)),
    el('div', { class: 'who' }, el('span', {}, `${user.name} · ${t(`ui.role.${user.role.toLowerCase()}`)}`), languageSwitch(), signOut));
}

function loginScreen(main, onSignedIn) {
  const input = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'api-key-hint' });
  const error = el('p', { class: 'field-error', id: 'login-error', role: 'alert' });
  const form = el('form', { class: 'card login', 'aria-labelledby': 'login-title' },
    el('h1', { id: 'login-title' }, t('ui.login.title')),
    el('div', { class: 'field' }, el('label', { for: 'api-key' }, t('ui.login.apiKey')), input,
      el('span', { class: 'hint', id: 'api-key-hint' }, t('ui.login.hint'))),
    error, el('p', { class: 'row' }, el('button', { class: 'primary', type: 'submit' }, t('ui.login.signIn')), languageSwitch()));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const response = await fetch('/api/users/me', { headers: { 'X-Api-Key': input.value.trim() } });
    if (!response.ok) { error.textContent = t('ui.login.unknownKey'); input.focus(); return; }
    session.signIn(input.value.trim(), await response.json());
    onSignedIn();
  });
  main.replaceChildren(form);
  input.focus();
}

/** Starts a page: signs in first when needed, draws the shell, then runs the page with its <main>. The title is a
 * catalogue key. */
export function startPage(title, run, { roles } = {}) {
  document.title = `${t(title)} · Dialer`;
  const main = document.querySelector('main');
  const template = main.innerHTML;
  const go = async () => {
    if (!session.user) {
      // a page behind single sign-on is signed in already: its cookie answers for it
      const sso = document.cookie.includes('dialer.sso=1') ? await fetch('/api/users/me').catch(() => null) : null;
      if (sso?.ok) session.signIn(null, await sso.json());
    }
    const user = session.user;
    if (!user) return loginScreen(main, go);
    document.querySelector('.app-header')?.remove();
    document.body.prepend(header(user));
    main.innerHTML = template;
    // pages name their roles, or the navigation's list does: a key of another role is told where to go instead of seeing 403s
    const allowed = roles ?? PAGES.find(p => location.pathname.startsWith(p.href))?.roles;
    if (allowed && !allowed.includes(user.role)) {
      const home = PAGES.find(p => p.roles.includes(user.role));
      const roleNames = allowed.map(r => t(`ui.role.${r.toLowerCase()}`)).join(t('ui.or'));
      main.replaceChildren(el('div', { class: 'alert error', role: 'alert' }, t('ui.wrongRole.text', { roles: roleNames }), ' ',
        home ? el('a', { href: home.href }, t('ui.wrongRole.goTo', { page: t(home.label) })) : null));
      return;
    }
    run(main, user);
  };
  go();
}

export const canEdit = user => ['Admin', 'Marketer'].includes(user?.role);
