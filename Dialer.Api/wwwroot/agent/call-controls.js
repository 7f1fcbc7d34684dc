// During a call: mute, hold, hang up the customer (the agent's line stays open), a keypad that has the engine play
// digits to the customer, and transfers (transfer.js). All of it goes through the API, whatever the line is; mute
// also acts at once in the browser.
import { api, el, notify, t } from '/ui/app.js';
import { transferControls } from './transfer.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const keyName = k => (k === '*' ? t('agent.keypad.star') : k === '#' ? t('agent.keypad.pound') : k);
const held = new Set(); // attempt ids on hold: the panel is redrawn as the call moves, the hold stays shown

/** @param {{ attemptId: string }} call @param {{ muted: boolean, mute: (m: boolean) => Promise<unknown> }} line */
export function callControls(call, line, say, refresh) {
  const path = `/api/agent-console/calls/${call.attemptId}`;
  const post = (what, body) => api(`${path}/${what}`, { method: 'POST', body }).catch(err => { notify(err.message, 'error'); throw err; });
  const toggle = (button, on) => { button.setAttribute('aria-pressed', String(on)); };

  const mute = el('button', { type: 'button', id: 'mute', 'aria-pressed': String(line.muted), 'aria-keyshortcuts': 'M' }, t('agent.controls.mute'), el('kbd', { 'aria-hidden': 'true' }, 'M'));
  mute.addEventListener('click', async () => {
    const next = !line.muted;
    toggle(mute, next);
    say(t(next ? 'agent.controls.muted' : 'agent.controls.unmuted'));
    await line.mute(next).catch(err => notify(err.message, 'error'));
  });

  const hold = el('button', { type: 'button', id: 'hold', 'aria-pressed': String(held.has(call.attemptId)) }, t('agent.controls.hold'));
  hold.addEventListener('click', async () => {
    const next = !held.has(call.attemptId);
    await post('hold', { hold: next }).then(() => {
      if (next) held.add(call.attemptId); else held.delete(call.attemptId);
      toggle(hold, next);
      say(t(next ? 'agent.controls.onHold' : 'agent.controls.backFromHold'));
    }, () => {});
  });

  const hangUp = el('button', { type: 'button', id: 'hangup-call', class: 'danger' }, t('agent.controls.hangUp'));
  hangUp.addEventListener('click', () => post('hangup').then(() => say(t('agent.controls.hungUp')), () => {}));

  const sent = el('output', { id: 'digits-sent', 'aria-live': 'polite' });
  const keypad = el('details', { class: 'keypad', id: 'keypad' }, el('summary', {}, t('agent.keypad.title')),
    el('div', { class: 'keys', role: 'group', 'aria-label': t('agent.keypad.label') },
      KEYS.map(k => el('button', { type: 'button', 'data-digit': k, 'aria-label': t('agent.keypad.send', { key: keyName(k) }),
        onclick: () => post('digits', { digits: k }).then(() => { sent.textContent = t('agent.keypad.sent', { digits: (sent.dataset.all = (sent.dataset.all ?? '') + k) }); }, () => {}) }, k))),
    sent);

  return el('section', { class: 'call-controls', 'aria-label': t('agent.controls.label') }, el('div', { class: 'row' }, mute, hold, hangUp), keypad,
    transferControls(call, say, refresh));
}
