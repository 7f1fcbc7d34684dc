// During a call: transfer the customer. Cold to a number or to another agent of the campaign (the call is then theirs or
// the number's, and this agent's line stays open), warm (consult while the customer holds, then join or hand over) or
// three-way. The server keeps the transfers on the call (me.call.transfers); this panel only shows and asks.
import { api, el, notify, t } from '/ui/app.js';

const KINDS = ['cold', 'warm', 'threeWay']; // agent.transfer.kind.<kind>

/** @param {{ attemptId: string, transfers?: { id: string, state: string, kind: string, toNumber?: string }[] }} call */
export function transferControls(call, say, refresh) {
  const path = `/api/agent-console/calls/${call.attemptId}/transfers`;
  const open = (call.transfers ?? []).find(t => t.state === 'consulting' || t.state === 'joined');
  const done = message => () => { say(message); return refresh(); };
  const failed = err => { notify(err.message, 'error'); };

  if (open) {
    const who = open.toNumber ?? t('agent.transfer.thirdParty');
    const act = (what, body, message) => api(`${path}/${open.id}${what}`, body === undefined ? { method: 'DELETE' } : { method: 'POST', body })
      .then(done(message), failed);
    return el('div', { class: 'transfer', id: 'transfer', role: 'group', 'aria-label': t('agent.transfer.underWay') },
      el('p', {}, t(open.state === 'consulting' ? 'agent.transfer.consulting' : 'agent.transfer.threeWayWith', { who })),
      el('div', { class: 'row' },
        open.state === 'consulting'
          ? el('button', { type: 'button', id: 'transfer-join', onclick: () => act('/complete', { action: 'join' }, t('agent.transfer.joined')) }, t('agent.transfer.join'))
          : null,
        el('button', { type: 'button', id: 'transfer-hand-over', onclick: () => act('/complete', { action: 'handOver' }, t('agent.transfer.handedOver')) }, t('agent.transfer.handOver')),
        el('button', { type: 'button', id: 'transfer-cancel', class: 'danger', onclick: () => act('', undefined, t('agent.transfer.dropped')) },
          t(open.state === 'consulting' ? 'agent.transfer.cancelConsult' : 'agent.transfer.dropThirdParty'))));
  }

  const error = el('p', { class: 'field-error', id: 'transfer-error', role: 'alert' });
  const number = el('input', { id: 'transfer-number', type: 'tel', inputmode: 'tel', maxlength: 16, placeholder: '+14155550100', autocomplete: 'off' });
  const kind = el('select', { id: 'transfer-kind' }, KINDS.map(value => el('option', { value }, t(`agent.transfer.kind.${value}`))));
  const agents = el('select', { id: 'transfer-agent' }, el('option', { value: '' }, t('ui.loading')));
  const start = (to, transferKind) => {
    error.textContent = '';
    return api(path, { method: 'POST', body: { kind: transferKind, to } })
      .then(done(t(transferKind === 'warm' ? 'agent.transfer.callingWarm' : transferKind === 'threeWay' ? 'agent.transfer.callingThreeWay' : 'agent.transfer.transferred')),
        err => { error.textContent = Object.values(err.errors).flat().join(' ') || err.message; });
  };
  const form = el('details', { class: 'transfer', id: 'transfer' }, el('summary', {}, t('agent.transfer.title')),
    el('div', { class: 'field' }, el('label', { for: 'transfer-number' }, t('agent.transfer.number')), number),
    el('div', { class: 'row' }, kind,
      el('button', { type: 'button', id: 'transfer-to-number', onclick: () => start({ number: number.value.trim() }, kind.value) }, t('agent.transfer.callNumber'))),
    el('div', { class: 'field' }, el('label', { for: 'transfer-agent' }, t('agent.transfer.orAgent')), agents),
    el('div', { class: 'row' },
      el('button', { type: 'button', id: 'transfer-to-agent', onclick: () => agents.value ? start({ agentId: agents.value }, 'cold') : (error.textContent = t('agent.transfer.chooseAgent')) }, t('agent.transfer.toAgent'))),
    error);
  form.addEventListener('toggle', () => {
    if (!form.open) return;
    api(`/api/agent-console/calls/${call.attemptId}/transfer-targets`).then(list => agents.replaceChildren(list.length === 0
      ? el('option', { value: '' }, t('agent.transfer.noneFree'))
      : el('option', { value: '' }, t('agent.transfer.choose')), ...list.map(a => el('option', { value: a.id }, a.name))), failed);
  });
  return form;
}
