// During a call: transfer the customer. Cold to a number or to another agent of the campaign (the call is then theirs or
// the number's, and this agent's line stays open), warm (consult while the customer holds, then join or hand over) or
// three-way. The server keeps the transfers on the call (me.call.transfers); this panel only shows and asks.
import { api, el, notify } from '/ui/app.js';

const KINDS = [['cold', 'Cold: hand the customer over'], ['warm', 'Warm: talk to them first'], ['threeWay', 'Three-way: all together']];

/** @param {{ attemptId: string, transfers?: { id: string, state: string, kind: string, toNumber?: string }[] }} call */
export function transferControls(call, say, refresh) {
  const path = `/api/agent-console/calls/${call.attemptId}/transfers`;
  const open = (call.transfers ?? []).find(t => t.state === 'consulting' || t.state === 'joined');
  const done = message => () => { say(message); return refresh(); };
  const failed = err => { notify(err.message, 'error'); };

  if (open) {
    const who = open.toNumber ?? 'the third party';
    const act = (what, body, message) => api(`${path}/${open.id}${what}`, body === undefined ? { method: 'DELETE' } : { method: 'POST', body })
      .then(done(message), failed);
    return el('div', { class: 'transfer', id: 'transfer', role: 'group', 'aria-label': 'Transfer under way' },
      el('p', {}, open.state === 'consulting' ? `Consulting ${who}; the customer holds.` : `Three-way with ${who}.`),
      el('div', { class: 'row' },
        open.state === 'consulting'
          ? el('button', { type: 'button', id: 'transfer-join', onclick: () => act('/complete', { action: 'join' }, 'All three of you talk now.') }, 'Join all three')
          : null,
        el('button', { type: 'button', id: 'transfer-hand-over', onclick: () => act('/complete', { action: 'handOver' }, 'Handed over: the customer talks with them now.') }, 'Hand over'),
        el('button', { type: 'button', id: 'transfer-cancel', class: 'danger', onclick: () => act('', undefined, 'The third party is off the call.') },
          open.state === 'consulting' ? 'Cancel consult' : 'Drop third party')));
  }

  const error = el('p', { class: 'field-error', id: 'transfer-error', role: 'alert' });
  const number = el('input', { id: 'transfer-number', type: 'tel', inputmode: 'tel', maxlength: 16, placeholder: '+14155550100', autocomplete: 'off' });
  const kind = el('select', { id: 'transfer-kind' }, KINDS.map(([value, label]) => el('option', { value }, label)));
  const agents = el('select', { id: 'transfer-agent' }, el('option', { value: '' }, 'Loading…'));
  const start = (to, transferKind) => {
    error.textContent = '';
    return api(path, { method: 'POST', body: { kind: transferKind, to } })
      .then(done(transferKind === 'warm' ? 'Calling them; the customer holds on music.' : transferKind === 'threeWay' ? 'Calling them into the call.' : 'Transferred.'),
        err => { error.textContent = Object.values(err.errors).flat().join(' ') || err.message; });
  };
  const form = el('details', { class: 'transfer', id: 'transfer' }, el('summary', {}, 'Transfer'),
    el('div', { class: 'field' }, el('label', { for: 'transfer-number' }, 'Number (E.164)'), number),
    el('div', { class: 'row' }, kind,
      el('button', { type: 'button', id: 'transfer-to-number', onclick: () => start({ number: number.value.trim() }, kind.value) }, 'Call number')),
    el('div', { class: 'field' }, el('label', { for: 'transfer-agent' }, 'Or another agent (cold)'), agents),
    el('div', { class: 'row' },
      el('button', { type: 'button', id: 'transfer-to-agent', onclick: () => agents.value ? start({ agentId: agents.value }, 'cold') : (error.textContent = 'Choose an agent.') }, 'Transfer to agent')),
    error);
  form.addEventListener('toggle', () => {
    if (!form.open) return;
    api(`/api/agent-console/calls/${call.attemptId}/transfer-targets`).then(list => agents.replaceChildren(list.length === 0
      ? el('option', { value: '' }, 'No agent is free now')
      : el('option', { value: '' }, 'Choose…'), ...list.map(a => el('option', { value: a.id }, a.name))), failed);
  });
  return form;
}
