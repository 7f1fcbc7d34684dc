// The call in progress and its wrap-up: where it stands, the script, and the disposition form.
import { el, t } from '/ui/app.js';
import { scriptPanel, scriptFields, readFields, screenPop } from './script-panel.js';

const PHASES = ['reserved', 'onCall', 'wrapUp']; // agent.call.<phase>.title and .hint

export const callPhase = agentState => PHASES.includes(agentState) ? agentState : 'onCall';

export function callPanel(call, agentState, { onDispose, controls = null }) {
  const phase = callPhase(agentState);
  const [title, hint] = [t(`agent.call.${phase}.title`), t(`agent.call.${phase}.hint`)];
  const choices = el('fieldset', { class: 'choices' },
    el('legend', {}, t('agent.call.howDidItGo')),
    call.dispositions.map((d, i) => el('label', { class: 'choice' },
      el('input', { type: 'radio', name: 'disposition', value: d, required: true }),
      el('kbd', { 'aria-hidden': 'true' }, String(i + 1)), ' ', d.replaceAll('-', ' '))));
  const callback = el('div', { class: 'field', id: 'callback-field', hidden: true },
    el('label', { for: 'callback-at' }, t('agent.call.callbackAt')), el('input', { id: 'callback-at', type: 'datetime-local' }));
  const notes = el('div', { class: 'field' }, el('label', { for: 'notes' }, t('agent.call.notes')), el('textarea', { id: 'notes', maxlength: 2000, rows: 3 }));
  const error = el('p', { class: 'field-error', id: 'disposition-error', role: 'alert' });
  const fields = call.script?.fields ?? [];
  const form = el('form', { id: 'disposition', 'aria-labelledby': 'call-title' }, choices, scriptFields(fields, call.attemptId), callback, notes, error,
    el('p', {}, el('button', { type: 'submit', class: 'primary', 'aria-keyshortcuts': 'Enter' }, t('agent.call.save'), el('kbd', { 'aria-hidden': 'true' }, 'Enter'))));
  form.addEventListener('change', () => { callback.hidden = form.disposition.value !== 'callback'; });
  form.addEventListener('submit', e => {
    e.preventDefault();
    const at = form.querySelector('#callback-at').value;
    onDispose({ disposition: form.disposition.value || null, notes: form.querySelector('#notes').value.trim() || null,
      callbackAt: at ? new Date(at).toISOString() : null, fields: readFields(form, fields) }, error);
  });
  if (call.disposition) form.replaceChildren(el('p', { class: 'alert ok' }, t('agent.call.saved', { disposition: call.disposition })));

  return el('section', { class: `card call-panel phase-${callPhase(agentState)}`, 'aria-labelledby': 'call-title' },
    el('div', { class: 'call-head' },
      el('h2', { id: 'call-title' }, title),
      el('span', { class: 'call-timer', id: 'call-timer', 'data-since': call.bridgedAt ?? '', 'data-until': call.endedAt ?? '',
        'data-deadline': call.wrapUpDeadline ?? '' })),
    el('p', { class: 'muted' }, hint),
    controls,
    screenPop(call.script?.screenPop, { attemptId: call.attemptId, connected: agentState === 'onCall' }),
    scriptPanel(call.script),
    form);
}

const mmss = ms => { const s = Math.max(0, Math.round(ms / 1000)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };

export function tickCall(root) {
  const timer = root.querySelector('#call-timer');
  if (!timer) return;
  const { since, until, deadline } = timer.dataset;
  const parts = [];
  if (since) parts.push(t('agent.call.talked', { time: mmss((until ? Date.parse(until) : Date.now()) - Date.parse(since)) }));
  if (deadline) parts.push(t('agent.call.wrapUpEndsIn', { time: mmss(Date.parse(deadline) - Date.now()) }));
  timer.textContent = parts.join(' · ');
}
