// The campaign builder: the settings form, then (once saved) contacts, the pre-launch check and the history.
import { api, ApiError, el, fmt, notify, startPage, canEdit, t, has } from './app.js';
import { fill, read, showErrors, clearErrors } from './campaign-form.js';
import { actionButtons } from './lifecycle.js';
import { contactsSection } from './contacts-upload.js';
import { prelaunchSection } from './prelaunch.js';
import { speechControls } from './speech.js';
import { webhooksSection } from './webhooks.js';
import { messageAudioSection } from './message-audio.js';
import { sectionsEditor, fieldsEditor, scriptPreview } from './script-editor.js';

startPage('campaignEdit.title', async (main, user) => {
  const form = main.querySelector('#campaign-form');
  const title = main.querySelector('#page-title'), badge = main.querySelector('#status');
  let id = new URLSearchParams(location.search).get('id');
  let campaign = null, etag = null, sectionsShown = false;
  // the script's own editors go in before the form is first filled: the form reads and fills them like its fields
  main.querySelector('#script-editor-slot').replaceWith(sectionsEditor(), fieldsEditor());
  main.querySelector('#script-preview-slot').replaceWith(scriptPreview(() => id, () => {
    const { script, scriptSections, screenPop } = read(form);
    return { script, scriptSections, screenPop };
  }));

  async function load() {
    const response = await api(`/api/campaigns/${id}`, { raw: true });
    etag = response.headers.get('ETag');
    campaign = await response.json();
    render();
  }

  function render() {
    title.textContent = campaign.name;
    document.title = `${campaign.name} · Dialer`;
    badge.hidden = false;
    badge.className = `badge ${campaign.status}`;
    badge.textContent = t(`campaign.status.${campaign.status}`);
    const why = main.querySelector('#pause-reason'); // the dialer paused it by itself: what to fix before resuming
    why.textContent = campaign.pauseReason ?? '';
    why.hidden = !campaign.pauseReason;
    fill(form, campaign.settings);
    syncVoices();
    const locked = !canEdit(user) || campaign.status === 'running' || campaign.status === 'completed';
    form.querySelectorAll('fieldset').forEach(f => f.disabled = locked);
    form.querySelector('#save').disabled = locked;
    form.querySelector('#save').textContent = t('campaignEdit.form.saveChanges');
    form.querySelector('#save-note').textContent = locked
      ? t(campaign.status === 'running' ? 'campaignEdit.form.lockedRunning' : 'campaignEdit.form.lockedCompleted')
      : '';
    if (canEdit(user)) main.querySelector('#lifecycle').replaceChildren(...actionButtons(campaign, onAction, err => notify(err.message, 'error')));
    if (!sectionsShown) showSections();
  }

  async function onAction(action, result) {
    if (action === 'clone') { location.href = `/campaigns/edit?id=${result.id}`; return; }
    if (action === 'delete') { location.href = '/campaigns'; return; }
    notify(t('campaignEdit.nowStatus', { status: t(`campaign.status.${result.status}`) }));
    await load();
    history.refresh();
  }

  let history = { refresh() {} };
  function showSections() {
    sectionsShown = true;
    main.querySelector('#after-create').hidden = false;
    if (canEdit(user)) contactsSection(main.querySelector('#contacts'), id, () => prelaunch.refresh());
    else main.querySelector('#contacts').remove();
    const prelaunch = prelaunchSection(main.querySelector('#prelaunch'), id, campaign.settings);
    messageAudioSection(main.querySelector('#message-audio'), id, canEdit(user));
    if (canEdit(user)) webhooksSection(main.querySelector('#webhooks'), id);
    else main.querySelector('#webhooks').remove();
    history = historySection(main.querySelector('#history'), id);
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const settings = read(form);
    const save = form.querySelector('#save');
    save.disabled = true;
    try {
      if (id) {
        const response = await api(`/api/campaigns/${id}`, { method: 'PUT', body: settings, headers: etag ? { 'If-Match': etag } : {}, raw: true });
        etag = response.headers.get('ETag');
        campaign = await response.json();
        clearErrors(form);
        notify(t('campaignEdit.form.saved'));
        render();
        history.refresh();
      } else {
        campaign = await api('/api/campaigns', { method: 'POST', body: settings });
        id = campaign.id;
        window.history.replaceState(null, '', `/campaigns/edit?id=${id}`);
        clearErrors(form);
        notify(t('campaignEdit.form.created'));
        await load();
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.problem.errors) showErrors(form, err.errors);
      else notify(err.message, 'error');
    } finally {
      save.disabled = campaign?.status === 'running' || campaign?.status === 'completed';
    }
  });

  let syncVoices = () => {};
  try {
    syncVoices = await speechControls(form);
    if (id) await load();
    else { fill(form, await api('/api/campaigns/defaults')); syncVoices(); }
  } catch (err) { notify(err.message, 'error'); }
  form.inert = false;
  form.removeAttribute('aria-busy');
  if (!id) form.querySelector('#f-name').focus();
}, { roles: ['Admin', 'Marketer', 'Manager'] });

function historySection(section, id) {
  const list = el('ol', { class: 'history' });
  section.replaceChildren(
    el('h2', { id: 'history-title' }, t('campaignEdit.history.title')),
    el('p', { class: 'muted' }, t('campaignEdit.history.intro'), ' ',
      el('a', { href: '#', onclick: e => download(e, 'json') }, 'JSON'), t('ui.or'), el('a', { href: '#', onclick: e => download(e, 'yaml') }, 'YAML'), '.'),
    list);
  async function download(e, format) {
    e.preventDefault();
    const response = await api(`/api/campaigns/${id}/document?format=${format}`, { raw: true });
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: `campaign-${id}.${format}` });
    link.click();
    URL.revokeObjectURL(link.href);
  }
  async function refresh() {
    const changes = await api(`/api/campaigns/${id}/changes`);
    list.replaceChildren(...changes.map(c => el('li', {},
      el('strong', {}, has(`campaignEdit.history.action.${c.action}`) ? t(`campaignEdit.history.action.${c.action}`) : c.action), ' ', t('campaignEdit.history.byAt', { by: c.by, at: fmt.time(c.at) }),
      c.note ? ` (${c.note})` : '',
      c.action === 'created' || c.action === 'cloned' || c.fields.length === 0 ? null
        : el('ul', {}, c.fields.map(f => el('li', {}, el('code', {}, f.path), `: ${JSON.stringify(f.old ?? null)} → ${JSON.stringify(f.new ?? null)}`))))));
  }
  refresh();
  return { refresh };
}
