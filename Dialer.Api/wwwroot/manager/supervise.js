// Supervising an agent's live call: any [data-action="supervise"][data-agent-id] button on the page opens a dialog
// to listen, whisper, barge or leave. Delegated on document, so buttons rendered later (the agent wall) work too.
import { session } from './api.js';
import { t, translate } from '/ui/app.js';

const phoneKey = 'dialerSupervisorPhone';
const modeName = mode => t(`floor.supervise.mode.${mode}`);
const live = new Map(); // agentId -> the live supervision session this page started
let dialog, opener, agent;

document.addEventListener('click', e => {
  const button = e.target.closest('[data-action="supervise"][data-agent-id]');
  if (!button) return;
  e.preventDefault();
  open(button);
});

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'X-Api-Key': session.key ?? '', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(json?.detail ?? json?.title ?? `${response.status} ${response.statusText}`), { status: response.status, errors: json?.errors ?? {} });
  return json;
}

function build() {
  dialog = document.createElement('dialog');
  dialog.id = 'supervise';
  dialog.setAttribute('aria-labelledby', 'supervise-title');
  dialog.setAttribute('aria-describedby', 'supervise-mode');
  dialog.innerHTML = `
    <h2 id="supervise-title" data-i18n="floor.supervise.title"></h2>
    <p id="supervise-mode" aria-live="polite"><span data-i18n="floor.supervise.currentMode"></span>
      <span class="badge" data-field="mode" data-i18n="floor.supervise.notJoined"></span></p>
    <div class="field">
      <label for="supervise-to" data-i18n="floor.supervise.yourPhone"></label>
      <input id="supervise-to" name="to" autocomplete="tel" aria-describedby="supervise-to-hint supervise-to-error">
      <span class="hint" id="supervise-to-hint" data-i18n="floor.supervise.phoneHint"></span>
      <p class="field-error" id="supervise-to-error" hidden></p>
    </div>
    <div class="modes" role="group" data-i18n-attr="aria-label:floor.supervise.modeGroup">
      <button type="button" data-mode="listen" aria-pressed="false" data-i18n="floor.supervise.listen"></button>
      <button type="button" data-mode="whisper" aria-pressed="false" data-i18n="floor.supervise.whisper"></button>
      <button type="button" data-mode="barge" aria-pressed="false" data-i18n="floor.supervise.barge"></button>
      <button type="button" class="danger" data-leave disabled data-i18n="floor.supervise.leave"></button>
    </div>
    <div class="alert error" role="alert" data-field="error" hidden></div>
    <div class="actions"><span class="muted" data-field="busy" aria-live="polite"></span>
      <button type="button" data-close data-i18n="floor.supervise.close"></button></div>`;
  translate(dialog);
  document.body.append(dialog);
  dialog.querySelector('#supervise-to').value = localStorage.getItem(phoneKey) ?? '';
  dialog.addEventListener('click', e => {
    const mode = e.target.closest('[data-mode]')?.dataset.mode;
    if (mode) choose(mode);
    else if (e.target.closest('[data-leave]')) leave();
    else if (e.target.closest('[data-close]')) dialog.close();
  });
  dialog.addEventListener('keydown', trapFocus);
  // the wall re-renders its rows, so the button that opened the dialog may have been replaced meanwhile
  dialog.addEventListener('close', () => (opener?.isConnected ? opener : document.querySelector(`[data-action="supervise"][data-agent-id="${agent.id}"]`))?.focus());
}

/** showModal makes the page behind inert; this keeps Tab cycling inside the dialog rather than leaving for the browser's chrome. */
function trapFocus(e) {
  if (e.key !== 'Tab') return;
  const focusable = [...dialog.querySelectorAll('button:not([disabled]), input')].filter(el => !el.closest('[hidden]'));
  const [first, last] = [focusable[0], focusable.at(-1)];
  if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
}

async function open(button) {
  dialog ?? build();
  opener = button;
  agent = { id: button.dataset.agentId, name: nameOf(button) };
  dialog.querySelector('#supervise-title').textContent = t('floor.supervise.titleFor', { name: agent.name });
  showError('');
  render();
  dialog.showModal();
  (dialog.querySelector('#supervise-to').value ? dialog.querySelector('[data-mode="listen"]') : dialog.querySelector('#supervise-to')).focus();
  try {
    const to = dialog.querySelector('#supervise-to').value.trim();
    const mine = (await call('GET', `/api/agents/${agent.id}/supervision`)).find(s => !s.endedAt && (live.get(agent.id)?.id === s.id || s.to === to));
    mine ? live.set(agent.id, mine) : live.delete(agent.id);
    render();
  } catch (error) {
    showError(error.message);
  }
}

/** The button's data-agent-name, else the name shown in its row of the agent wall. */
function nameOf(button) {
  return button.dataset.agentName || button.closest('[data-agent]')?.querySelector('.who b')?.textContent?.trim() || t('floor.supervise.theAgent');
}

async function choose(mode) {
  const current = live.get(agent.id);
  const input = dialog.querySelector('#supervise-to');
  const to = input.value.trim();
  if (!current && !to) return showError('', t('floor.supervise.phoneFirst'));
  await busy(t('floor.supervise.joining', { mode: t(`floor.supervise.${mode}`) }), async () => {
    const view = current
      ? await call('PATCH', `/api/agents/${agent.id}/supervision/${current.id}`, { mode })
      : await call('POST', `/api/agents/${agent.id}/supervision`, { mode, to });
    localStorage.setItem(phoneKey, to || current.to);
    live.set(agent.id, view);
  });
}

async function leave() {
  const current = live.get(agent.id);
  if (!current) return;
  await busy(t('floor.supervise.leaving'), async () => {
    await call('DELETE', `/api/agents/${agent.id}/supervision/${current.id}`);
    live.delete(agent.id);
  });
}

async function busy(what, work) {
  const buttons = [...dialog.querySelectorAll('[data-mode], [data-leave]')];
  buttons.forEach(b => { b.disabled = true; });
  dialog.querySelector('[data-field="busy"]').textContent = what;
  showError('');
  try {
    await work();
  } catch (error) {
    if (error.status === 409) live.delete(agent.id); // the call ended, or the leg did: nothing to switch any more
    showError(error.message, error.errors?.to?.join(' '));
  } finally {
    dialog.querySelector('[data-field="busy"]').textContent = '';
    render();
  }
}

function render() {
  const current = live.get(agent.id);
  dialog.querySelector('[data-field="mode"]').textContent = current ? modeName(current.mode) : t('floor.supervise.notJoined');
  dialog.querySelector('[data-field="mode"]').className = `badge ${current ? 'running' : ''}`;
  dialog.querySelectorAll('[data-mode]').forEach(b => {
    const on = current?.mode === b.dataset.mode;
    b.disabled = false;
    b.setAttribute('aria-pressed', String(on));
  });
  dialog.querySelector('[data-leave]').disabled = !current;
  dialog.querySelector('#supervise-to').disabled = !!current;
}

function showError(message, fieldMessage = '') {
  const box = dialog.querySelector('[data-field="error"]');
  box.textContent = message;
  box.hidden = !message;
  const input = dialog.querySelector('#supervise-to');
  const error = dialog.querySelector('#supervise-to-error');
  error.textContent = fieldMessage;
  error.hidden = !fieldMessage;
  input.closest('.field').classList.toggle('invalid', !!fieldMessage);
  input.setAttribute('aria-invalid', String(!!fieldMessage));
  if (fieldMessage) input.focus();
}
