// The campaign list: status, progress, contact and conversion rates, and what each status allows.
import { api, el, fmt, notify, startPage, canEdit, t } from './app.js';
import { actionButtons } from './lifecycle.js';

startPage('ui.nav.campaigns', async (main, user) => {
  if (!canEdit(user)) main.querySelector('#new-campaign').remove();
  const rows = main.querySelector('#campaign-rows');

  async function load() {
    try {
      const page = await api('/api/campaigns?pageSize=100');
      if (page.items.length === 0) {
        rows.replaceChildren(el('tr', {}, el('td', { colspan: 6 }, t('campaigns.list.none'), ' ',
          canEdit(user) ? el('a', { href: '/campaigns/edit' }, t('campaigns.list.createFirst')) : null)));
        return;
      }
      const summaries = await Promise.all(page.items.map(c => api(`/api/campaigns/${c.id}/summary`).catch(() => null)));
      rows.replaceChildren(...page.items.map((c, i) => row(c, summaries[i])));
    } catch (err) {
      notify(err.message, 'error');
    }
  }

  function row(c, summary) {
    const done = c.contacts.done + c.contacts.suppressed, left = c.contacts.pending + c.contacts.dialing;
    const total = Math.max(c.contacts.total, 1);
    // the Api's ratios (docs/figures.md), shown only once there is something to divide by
    const contactRate = summary && summary.dials ? summary.liveAnswerPerDial : null;
    const conversionRate = summary && summary.bridged ? summary.conversionPerConnect : null;
    const onDone = (action, result) => {
      if (action === 'clone') { location.href = `/campaigns/edit?id=${result.id}`; return; }
      notify(action === 'delete' ? t('campaigns.list.deleted', { name: c.name })
        : t('campaigns.list.nowStatus', { name: c.name, status: t(`campaign.status.${result.status}`) }));
      load();
    };
    return el('tr', { 'data-campaign': c.id },
      el('td', {}, el('a', { href: `/campaigns/edit?id=${c.id}` }, c.name), el('br'), el('small', { class: 'muted' }, t(`campaign.mode.${c.settings.mode}`))),
      el('td', {}, el('span', { class: `badge ${c.status}`, title: c.pauseReason }, t(`campaign.status.${c.status}`))),
      el('td', { class: 'progress-cell' },
        el('progress', { max: total, value: done, 'aria-label': t('campaigns.list.progressLabel', { name: c.name, done, total: c.contacts.total }) }),
        el('small', {}, t('campaigns.list.progress', { done: fmt.int(done), left: fmt.int(left) }))),
      el('td', { class: 'num' }, fmt.pct(contactRate)),
      el('td', { class: 'num' }, fmt.pct(conversionRate)),
      el('td', {}, canEdit(user) ? el('div', { class: 'row' }, actionButtons(c, onDone, err => notify(err.message, 'error'))) : null));
  }

  await load();
});
