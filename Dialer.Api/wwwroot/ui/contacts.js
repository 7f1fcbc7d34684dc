// A campaign's contacts: search, filter and page through them; edit or delete one (a marketer fixing a number).
import { api, el, notify, startPage, canEdit, t, tn } from './app.js';

const PAGE_SIZE = 50;

startPage('contactsPage.page.contacts', async (main, user) => {
  const id = new URLSearchParams(location.search).get('id');
  const rows = main.querySelector('#contact-rows'), count = main.querySelector('#search-count');
  const next = main.querySelector('#next'), previous = main.querySelector('#previous');
  main.querySelector('#back').href = `/campaigns/edit?id=${encodeURIComponent(id)}`;
  const campaign = await api(`/api/campaigns/${id}`);
  main.querySelector('#page-title').textContent = t('contactsPage.page.titleOf', { name: campaign.name });
  const afters = [null]; // the key each page starts after: the last is the page shown

  function query() {
    const q = new URLSearchParams({ pageSize: PAGE_SIZE });
    const value = sel => main.querySelector(sel).value.trim();
    for (const [name, sel] of [['q', '#q'], ['status', '#status'], ['lastOutcome', '#last-outcome'],
      ['disposition', '#disposition'], ['attemptsAtLeast', '#attempts-min'], ['column', '#column'], ['value', '#value']])
      if (value(sel)) q.set(name, value(sel));
    if (afters.at(-1) != null) q.set('after', afters.at(-1));
    return q;
  }

  async function search() {
    try {
      const page = await api(`/api/campaigns/${id}/contacts?${query()}`);
      count.textContent = page.total === 0 ? t('contactsPage.search.none') : tn('contactsPage.search.count', page.total);
      rows.replaceChildren(...page.items.map(row));
      next.disabled = page.nextAfter == null;
      previous.disabled = afters.length < 2;
      next.onclick = () => { afters.push(page.nextAfter); search(); };
    } catch (err) { showError(err); }
  }
  previous.addEventListener('click', () => { afters.pop(); search(); });

  /** A contact's numbers (home, mobile, work), each with where it stands; the one dialed now marked. */
  function numbers(c) {
    if (!c.numbers) return null;
    return el('ul', { class: 'numbers' }, c.numbers.map(n => el('li', {},
      `${t(`numbers.kind.${n.kind}`)}: ${n.phone} · `,
      n.current ? el('strong', {}, t('numbers.current')) : t(`numbers.status.${n.status}`))));
  }

  function row(c) {
    return el('tr', { 'data-contact': c.id },
      el('td', {}, c.phone, numbers(c)), el('td', {}, c.name ?? ''), el('td', {}, t(`contactsPage.status.${c.status}`)),
      el('td', { class: 'num' }, String(c.attempts)), el('td', {}, c.lastOutcome ?? ''), el('td', {}, c.disposition ?? ''),
      el('td', {}, canEdit(user) ? el('span', { class: 'row' },
        el('button', { type: 'button', class: 'small', 'aria-label': t('contactsPage.edit.label', { phone: c.phone }), onclick: () => edit(c) }, t('contactsPage.edit.button')),
        el('button', { type: 'button', class: 'small danger', 'aria-label': t('contactsPage.delete.label', { phone: c.phone }), onclick: () => remove(c) }, t('contactsPage.delete.button'))) : null));
  }

  function showError(err) {
    main.querySelector('#messages').replaceChildren(el('div', { class: 'alert error', role: 'alert' },
      err.status === 409 ? t('contactsPage.conflict', { reason: err.message }) : err.message));
  }

  function field(name, label, value, attrs = {}) {
    return el('div', { class: 'field', 'data-field': name }, el('label', { for: `edit-${name}` }, label),
      el(attrs.rows ? 'textarea' : 'input', { id: `edit-${name}`, ...attrs }, attrs.rows ? value : null),
      el('p', { class: 'field-error', role: 'alert' }));
  }

  function edit(c) {
    const lines = Object.entries(c.customFields ?? {}).map(([k, v]) => `${k}: ${v}`).join('\n');
    const problem = el('div', { id: 'edit-problem' });
    const dialog = el('dialog', { 'aria-labelledby': 'edit-title' }, el('form', { method: 'dialog', novalidate: true },
      el('h2', { id: 'edit-title' }, t('contactsPage.edit.title', { phone: c.phone })), problem,
      field('phone', t('contactsPage.edit.phone'), null, { value: c.phone, maxlength: 40 }),
      field('name', t('contactsPage.edit.name'), null, { value: c.name ?? '', maxlength: 200 }),
      field('customFields', t('contactsPage.edit.customFields'), lines, { rows: 4 }),
      el('p', { class: 'hint' }, t('contactsPage.edit.customFieldsHint')),
      el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary' }, t('contactsPage.edit.save')),
        el('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, t('ui.cancel')))));
    dialog.querySelector('form').addEventListener('submit', async e => {
      e.preventDefault();
      const value = name => dialog.querySelector(`#edit-${name}`).value;
      const customFields = Object.fromEntries(value('customFields').split('\n').filter(l => l.includes(':'))
        .map(l => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
      const body = { name: value('name').trim(), customFields };
      if (value('phone').trim() !== c.phone) body.phone = value('phone').trim();
      dialog.querySelectorAll('.field-error').forEach(p => { p.textContent = ''; });
      try {
        const r = await api(`/api/campaigns/${id}/contacts/${c.id}`, { method: 'PATCH', body });
        dialog.close(); dialog.remove();
        notify(r.replacedContactId ? t('contactsPage.edit.replaced', { phone: r.contact.phone }) : t('contactsPage.edit.saved'));
        await search();
      } catch (err) {
        for (const [name, messages] of Object.entries(err.errors))
          dialog.querySelector(`[data-field="${name}"] .field-error`)?.replaceChildren(messages.join(' '));
        if (!Object.keys(err.errors).length) problem.replaceChildren(el('div', { class: 'alert error', role: 'alert' },
          err.status === 409 ? t('contactsPage.conflict', { reason: err.message }) : err.message));
      }
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  async function remove(c) {
    if (!confirm(t('contactsPage.delete.confirm', { phone: c.phone }))) return;
    try {
      const r = await api(`/api/campaigns/${id}/contacts/${c.id}`, { method: 'DELETE' });
      notify(t(r.deleted ? 'contactsPage.delete.deleted' : 'contactsPage.delete.retired', { phone: c.phone }));
      await search();
    } catch (err) { showError(err); }
  }

  main.querySelector('#search-form').addEventListener('submit', e => {
    e.preventDefault();
    afters.length = 1;
    main.querySelector('#messages').replaceChildren();
    search();
  });
  await search();
}, { roles: ['Admin', 'Marketer', 'Manager'] });
