// The line's card: its state, the drop and its Reconnect, the choice of browser phone / phone number / SIP address with
// the sound check, and Connect or Hang up line. Built once and updated in place, so typing and a running test survive.
import { el } from '/ui/app.js';
import { soundCheck } from './sound-check.js';

const KINDS = [
  { kind: 'browser', label: 'Browser phone', hint: 'your headset on this computer' },
  { kind: 'phone', label: 'My phone number', hint: 'we call your phone' },
  { kind: 'sip', label: 'SIP address', hint: 'we call your softphone or desk phone' },
];
const ADDRESS = {
  phone: { label: 'Your phone number', type: 'tel', hint: 'In international format, e.g. +14155550123. We call it when you connect.' },
  sip: { label: 'SIP address', type: 'text', hint: 'For example sip:alice@example.com. We call it when you connect.' },
};

export function linePanelView(line) {
  const { phone, shown, labels, say } = line;
  const $ = {};
  const pill = $.pill = el('span', { id: 'line-state', class: 'line-pill none' }, labels.none);
  const detail = el('span', { id: 'line-detail', class: 'muted' });
  const reason = el('span', { id: 'line-reason' });
  const dropped = el('div', { id: 'line-dropped', class: 'alert error line-dropped', hidden: true },
    el('p', {}, el('strong', {}, 'Your line dropped. '), reason, ' You get no calls until it is back.'),
    el('button', { type: 'button', id: 'reconnect', class: 'primary', onclick: () => line.onReconnect() }, 'Reconnect'));

  const kinds = el('fieldset', { class: 'line-kinds' }, el('legend', {}, 'How you take calls'),
    KINDS.map(k => el('label', { class: 'choice' },
      el('input', { type: 'radio', name: 'line-kind', value: k.kind, checked: k.kind === 'browser' }), k.label, el('span', { class: 'muted small-inline' }, ` (${k.hint})`))));
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
  const connect = el('button', { type: 'submit', class: 'primary', id: 'connect-line' }, 'Connect line');
  const form = el('form', { id: 'line-form', 'aria-labelledby': 'line-title' }, kinds, addressField, browserPart, formError, el('p', {}, connect));
  const kind = () => form.querySelector('input[name=line-kind]:checked')?.value ?? 'browser';
  form.addEventListener('change', e => { if (e.target.name === 'line-kind') update(); });
  form.addEventListener('submit', e => { e.preventDefault(); line.onConnect(kind(), address.value.trim()); });

  const hangUp = el('button', { type: 'button', id: 'hangup-line', class: 'danger', onclick: () => line.onHangUp() }, 'Hang up line');
  const unmute = el('button', { type: 'button', id: 'unmute-line', onclick: () => line.onUnmute() }, 'Unmute');
  const live = el('div', { class: 'row line-live' }, hangUp, unmute);

  const node = el('section', { id: 'line', class: 'card line-panel', 'aria-labelledby': 'line-title' },
    el('div', { class: 'line-head' }, el('h2', { id: 'line-title' }, 'Your line'), pill, detail), dropped, form, live);

  function update() {
    const now = shown();
    pill.textContent = labels[now.state] ?? now.state;
    pill.className = `line-pill ${now.state}`;
    const how = now.kind === 'browser' ? 'browser phone' : now.kind === 'phone' ? 'your phone' : now.kind === 'sip' ? 'SIP' : '';
    detail.textContent = now.state === 'none' ? 'Connect your line to take calls.' : `${how}${now.address ? ` · ${now.address}` : ''}${line.muted ? ' · muted' : ''}`;
    dropped.hidden = now.state !== 'dropped';
    reason.textContent = now.reason ? `${now.reason}.`.replace(/\.\.$/, '.') : '';
    const up = ['open', 'connecting'].includes(now.state);
    form.hidden = up;
    live.hidden = !up;
    unmute.hidden = !line.muted;
    const chosen = kind();
    addressField.hidden = chosen === 'browser';
    if (ADDRESS[chosen]) {
      addressLabel.textContent = ADDRESS[chosen].label; addressHint.textContent = ADDRESS[chosen].hint;
      address.type = ADDRESS[chosen].type; address.autocomplete = chosen === 'phone' ? 'tel' : 'off';
    }
    browserPart.hidden = chosen !== 'browser';
    phoneStatus.textContent = !phone ? 'The browser phone did not load: use your phone number instead.'
      : { off: 'The browser phone starts when you connect or test the sound.', starting: 'Starting the browser phone…',
          ready: 'The browser phone is ready.', failed: `The browser phone failed: ${phone.error}` }[phone.state]
        + (phone.state === 'ready' && phone.error ? ` Last problem: ${phone.error}` : '');
    if (phone) sound.setInputs(phone.inputDevices(), phone.inputDevice);
    const offline = line.agentState === 'offline';
    connect.disabled = offline;
    connect.title = offline ? 'Log in first.' : '';
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
