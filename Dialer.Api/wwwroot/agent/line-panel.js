// The line's card: its state, the drop and its Reconnect, the choice of browser phone / phone number / SIP address with
// the sound check, and Connect or Hang up line. Built once and updated in place, so typing and a running test survive.
import { el, t } from '/ui/app.js';
import { soundCheck } from './sound-check.js';

const KINDS = ['browser', 'phone', 'sip']; // agent.line.kind.<kind>.label and .hint
const ADDRESS = { phone: { type: 'tel' }, sip: { type: 'text' } }; // agent.line.address.<kind>.label and .hint

export function linePanelView(line) {
  const { phone, shown, labels, say } = line;
  const $ = {};
  const pill = $.pill = el('span', { id: 'line-state', class: 'line-pill none' }, labels.none);
  const detail = el('span', { id: 'line-detail', class: 'muted' });
  const reason = el('span', { id: 'line-reason' });
  const dropped = el('div', { id: 'line-dropped', class: 'alert error line-dropped', hidden: true },
    el('p', {}, el('strong', {}, t('agent.line.dropped')), ' ', reason, ' ', t('agent.line.noCallsUntilBack')),
    el('button', { type: 'button', id: 'reconnect', class: 'primary', onclick: () => line.onReconnect() }, t('agent.line.reconnect')));

  const kinds = el('fieldset', { class: 'line-kinds' }, el('legend', {}, t('agent.line.how')),
    KINDS.map(k => el('label', { class: 'choice' },
      el('input', { type: 'radio', name: 'line-kind', value: k, checked: k === 'browser' }), t(`agent.line.kind.${k}.label`),
      el('span', { class: 'muted small-inline' }, ` (${t(`agent.line.kind.${k}.hint`)})`))));
  const addressLabel = el('label', { for: 'line-address' });
  const address = el('input', { id: 'line-address', autocomplete: 'tel', 'aria-describedby': 'line-address-hint line-address-error' });
  const addressHint = el('span', { class: 'hint', id: 'line-address-hint' });
  const addressError = el('p', { class: 'field-error', id: 'line-address-error', role: 'alert' });
  const addressField = el('div', { class: 'field', id: 'address-field', hidden: true }, addressLabel, address, addressHint, addressError);
  address.addEventListener('input', () => { address.removeAttribute('aria-invalid'); addressError.textContent = ''; });

  const sound = soundCheck({ onChoose: id => phone?.chooseInput(id), onSpeaker: async () => { await phone?.start(); await phone?.testSpeaker(); }, say });
  const phoneStatus = el('p', { id: 'phone-status', class: 'small muted' });
  const browserPart = el('div', { id: 'browser-part' }, phoneStatus, sound.node);
  const formError = el('p', { class: 'field-error', id: 'line-error', role: 'alert' });
  const connect = el('button', { type: 'submit', class: 'primary', id: 'connect-line' }, t('agent.line.connect'));
  const form = el('form', { id: 'line-form', 'aria-labelledby': 'line-title' }, kinds, addressField, browserPart, formError, el('p', {}, connect));
  const kind = () => form.querySelector('input[name=line-kind]:checked')?.value ?? 'browser';
  form.addEventListener('change', e => { if (e.target.name === 'line-kind') update(); });
  form.addEventListener('submit', e => { e.preventDefault(); line.onConnect(kind(), address.value.trim()); });

  const hangUp = el('button', { type: 'button', id: 'hangup-line', class: 'danger', onclick: () => line.onHangUp() }, t('agent.line.hangUp'));
  const unmute = el('button', { type: 'button', id: 'unmute-line', onclick: () => line.onUnmute() }, t('agent.line.unmute'));
  const live = el('div', { class: 'row line-live' }, hangUp, unmute);

  const node = el('section', { id: 'line', class: 'card line-panel', 'aria-labelledby': 'line-title' },
    el('div', { class: 'line-head' }, el('h2', { id: 'line-title' }, t('agent.line.title')), pill, detail), dropped, form, live);

  function update() {
    const now = shown();
    pill.textContent = labels[now.state] ?? now.state;
    pill.className = `line-pill ${now.state}`;
    const how = KINDS.includes(now.kind) ? t(`agent.line.via.${now.kind}`) : '';
    detail.textContent = now.state === 'none' ? t('agent.line.connectToTakeCalls')
      : `${how}${now.address ? ` · ${now.address}` : ''}${line.muted ? ` · ${t('agent.line.muted')}` : ''}`;
    dropped.hidden = now.state !== 'dropped';
    reason.textContent = now.reason ? `${now.reason}.`.replace(/\.\.$/, '.') : '';
    const up = ['open', 'connecting'].includes(now.state);
    form.hidden = up;
    live.hidden = !up;
    unmute.hidden = !line.muted;
    const chosen = kind();
    addressField.hidden = chosen === 'browser';
    if (ADDRESS[chosen]) {
      addressLabel.textContent = t(`agent.line.address.${chosen}.label`); addressHint.textContent = t(`agent.line.address.${chosen}.hint`);
      address.type = ADDRESS[chosen].type; address.autocomplete = chosen === 'phone' ? 'tel' : 'off';
    }
    browserPart.hidden = chosen !== 'browser';
    phoneStatus.textContent = !phone ? t('agent.phone.notLoaded')
      : t(`agent.phone.${phone.state}`, { error: phone.error })
        + (phone.state === 'ready' && phone.error ? ` ${t('agent.phone.lastProblem', { error: phone.error })}` : '');
    if (phone) sound.setInputs(phone.inputDevices(), phone.inputDevice);
    const offline = line.agentState === 'offline';
    connect.disabled = offline;
    connect.title = offline ? t('agent.line.logInFirst') : '';
    if (up) sound.stopTest();
  }

  return {
    node, update,
    kind, address: () => address.value.trim(),
    clearErrors() { formError.textContent = ''; addressError.textContent = ''; address.removeAttribute('aria-invalid'); },
    /** Shows an error beside the field it names ('address'), or under the form. */
    error(field, message) {
      if (field === 'address') { addressError.textContent = message; address.setAttribute('aria-invalid', 'true'); address.focus(); }
      else { formError.textContent = message; }
      if (form.hidden) say(message);
    },
  };
}
