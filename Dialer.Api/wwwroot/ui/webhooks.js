// The campaign's webhook subscriptions, each with its last deliveries and a button to send one again.
import { api, el, fmt, notify, t, tn } from './app.js';

const SHOWN = 10;

export function webhooksSection(section, campaignId) {
  const list = el('div', { id: 'webhook-list', 'aria-live': 'polite' });
  section.replaceChildren(
    el('h2', { id: 'webhooks-title' }, t('webhooks.title')),
    el('p', { class: 'muted' }, t('webhooks.intro'), ' ',
      el('button', { type: 'button', id: 'webhooks-refresh', onclick: () => refresh() }, t('webhooks.refresh'))),
    list);

  async function refresh() {
    try {
      const subscriptions = await api(`/api/webhooks?campaignId=${campaignId}`);
      if (subscriptions.length === 0) {
        list.replaceChildren(el('p', { class: 'muted' }, t('webhooks.none')));
        return;
      }
      list.replaceChildren(...await Promise.all(subscriptions.map(subscriptionCard)));
    } catch (err) { list.replaceChildren(el('div', { class: 'alert error', role: 'alert' }, err.message)); }
  }

  async function subscriptionCard(s) {
    const page = await api(`/api/webhooks/${s.id}/deliveries?pageSize=${SHOWN}`);
    const rows = page.items.map(d => el('tr', { 'data-delivery': d.id },
      el('td', { class: 'num' }, String(d.id)), el('td', {}, d.event), el('td', {}, fmt.time(d.createdAt)),
      el('td', {}, el('span', { class: `badge ${d.state.toLowerCase()}` }, d.state)),
      el('td', { class: 'num' }, String(d.attempts)), el('td', {}, lastAttempt(d)),
      el('td', {}, el('button', { type: 'button', class: 'replay', onclick: e => replay(e, s, d) }, t('webhooks.replay')))));
    return el('section', { class: 'webhook', 'data-subscription': s.id },
      el('h3', {}, s.description || s.url),
      el('p', { class: 'muted' }, el('code', {}, s.url),
        ` · ${s.events.join(', ')} · ${tn('webhooks.deliveries', page.total)}`),
      rows.length === 0 ? el('p', { class: 'muted' }, t('webhooks.nothingSent'))
        : el('table', {},
          el('caption', { class: 'visually-hidden' }, t('webhooks.caption', { url: s.url })),
          el('thead', {}, el('tr', {}, ...['#', t('webhooks.column.event'), t('webhooks.column.created'), t('webhooks.column.state'),
            t('webhooks.column.attempts'), t('webhooks.column.lastAttempt'), ''].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, rows)));
  }

  function lastAttempt(d) {
    const a = d.lastAttempts[0];
    if (!a) return '—';
    return t('webhooks.attemptAt', { result: a.statusCode ?? a.error ?? t('webhooks.noAnswer'), at: fmt.time(a.at) })
      + (d.state === 'Pending' && d.nextAttemptAt ? t('webhooks.next', { at: fmt.time(d.nextAttemptAt) }) : '');
  }

  async function replay(e, s, d) {
    e.target.disabled = true;
    try {
      const again = await api(`/api/webhooks/${s.id}/deliveries/${d.id}/replay`, { method: 'POST' });
      notify(t('webhooks.replayed', { id: d.id, again: again.id }));
      await refresh();
    } catch (err) { notify(err.message, 'error'); e.target.disabled = false; }
  }

  refresh();
  return { refresh };
}
