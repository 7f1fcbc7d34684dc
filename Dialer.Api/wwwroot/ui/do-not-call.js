// Do-not-call management: search, add one or many, remove with a reason, upload a list.
import { api, el, fmt, notify, startPage, canEdit, t, tn } from './app.js';
import { dropZone, progressBar, uploadFile } from './upload.js';
import { stat } from './contacts-upload.js';

startPage('ui.nav.doNotCall', async (main, user) => {
  const rows = main.querySelector('#dnc-rows'), count = main.querySelector('#search-count');
  const searchBox = main.querySelector('#search');
  if (!canEdit(user)) main.querySelectorAll('.editor-only').forEach(s => s.remove());

  async function search() {
    const q = searchBox.value.trim();
    const page = await api(`/api/do-not-call?pageSize=100${q ? `&search=${encodeURIComponent(q)}` : ''}`);
    count.textContent = page.total === 0 ? t('doNotCall.search.none')
      : page.total > page.items.length ? tn('doNotCall.search.countNewest', page.total, { shown: page.items.length })
        : tn('doNotCall.search.count', page.total);
    rows.replaceChildren(...page.items.map(entry => el('tr', { 'data-phone': entry.phone },
      el('td', {}, entry.phone), el('td', {}, t(entry.campaignId ? 'doNotCall.scope.one' : 'doNotCall.scope.every')),
      el('td', {}, entry.reason ?? ''), el('td', {}, fmt.time(entry.addedAt)), el('td', {}, entry.addedBy ?? ''),
      el('td', {}, user?.role === 'Admin' ? el('button', { type: 'button', class: 'small danger', 'aria-label': t('doNotCall.remove.label', { phone: entry.phone }),
        onclick: () => remove(entry) }, t('doNotCall.remove.button')) : null))));
  }

  function remove(entry) {
    const reason = el('input', { id: 'remove-reason', required: true });
    const error = el('p', { class: 'field-error', role: 'alert' });
    const dialog = el('dialog', { 'aria-labelledby': 'remove-title' },
      el('form', { method: 'dialog', novalidate: true },
        el('h2', { id: 'remove-title' }, t('doNotCall.remove.title', { phone: entry.phone })),
        el('p', { class: 'muted' }, t('doNotCall.remove.text')),
        el('div', { class: 'field' }, el('label', { for: 'remove-reason' }, t('doNotCall.remove.why')), reason, error),
        el('div', { class: 'row' },
          el('button', { type: 'submit', class: 'danger', value: 'remove' }, t('doNotCall.remove.button')),
          el('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, t('ui.cancel')))));
    dialog.querySelector('form').addEventListener('submit', async e => {
      e.preventDefault();
      if (!reason.value.trim()) { error.textContent = t('doNotCall.remove.sayWhy'); reason.focus(); return; }
      try {
        await api('/api/do-not-call/removals',
          { method: 'POST', body: { phone: entry.phone, campaignId: entry.campaignId, reason: reason.value.trim() } });
        dialog.close(); dialog.remove();
        notify(t('doNotCall.remove.done', { phone: entry.phone }));
        await search();
      } catch (err) { error.textContent = err.message; }
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  main.querySelector('#search-form').addEventListener('submit', e => { e.preventDefault(); search().catch(err => notify(err.message, 'error')); });

  main.querySelector('#add-form')?.addEventListener('submit', async e => {
    e.preventDefault();
    const numbers = main.querySelector('#add-numbers').value.split(/[\n,;]+/).map(s => s.trim()).filter(Boolean);
    const reason = main.querySelector('#add-reason').value.trim() || null;
    try {
      const r = await api('/api/do-not-call', { method: 'POST', body: { numbers, reason } });
      main.querySelector('#add-result').replaceChildren(el('div', { class: r.rejected.length ? 'alert warn' : 'alert ok', role: 'status' },
        t('doNotCall.add.result', { added: fmt.int(r.added), listed: fmt.int(r.alreadyListed), suppressed: fmt.int(r.contactsSuppressed) }),
        r.rejected.length ? el('ul', {}, r.rejected.map(x => el('li', {}, `“${numbers[x.index]}”: ${x.reason}`))) : null));
      main.querySelector('#add-numbers').value = '';
      await search();
    } catch (err) { notify(err.errors ? Object.values(err.errors).flat().join(' ') : err.message, 'error'); }
  });

  const uploadZone = main.querySelector('#upload-zone');
  if (uploadZone) {
    const progress = progressBar(t('upload.progress'));
    progress.element.hidden = true;
    const result = main.querySelector('#upload-result');
    uploadZone.replaceChildren(dropZone('dnc-file', t('doNotCall.upload.zone'), async file => {
      progress.element.hidden = false;
      const reason = main.querySelector('#upload-reason').value.trim();
      try {
        const r = await uploadFile(`/api/do-not-call/upload${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`, file, progress);
        progress.words.textContent = t('upload.done');
        result.replaceChildren(el('div', { class: 'stats' }, stat(t('doNotCall.upload.added'), r.added, 'good'),
          stat(t('doNotCall.upload.alreadyListed'), r.alreadyListed),
          stat(t('doNotCall.upload.suppressed'), r.contactsSuppressed), stat(t('contacts.report.rejected'), r.rejectedCount, r.rejectedCount ? 'bad' : '')),
          r.rejected.length ? el('ul', {}, r.rejected.slice(0, 100).map(x => el('li', {}, t('doNotCall.upload.line', { line: x.line, reason: x.reason })))) : '');
        await search();
      } catch (err) { result.replaceChildren(el('div', { class: 'alert error', role: 'alert' }, err.message)); }
    }), progress.element);
  }

  await search();
}, { roles: ['Admin', 'Marketer', 'Manager'] });
