// The selected campaign's caller IDs in their own local day: calls, answer rate, cap and rest; a manager clears a rest.
import { api, getJson } from './api.js';
import { n, pct, el } from './format.js';

const $ = id => document.getElementById(id);

export async function showCallerIds(campaignId) {
  const view = await getJson(`/api/campaigns/${campaignId}/caller-ids`);
  $('caller-ids-pool').textContent = `pool answer rate ${view.poolAnswerRate == null ? '—' : pct(view.poolAnswerRate)}`
    + (view.dailyCap ? ` · cap ${n(view.dailyCap)} calls a day` : '');
  $('caller-id-rows').replaceChildren(...view.numbers.map(number => row(campaignId, number)));
}

function row(campaignId, c) {
  const state = c.rested ? 'resting' : c.capped ? 'at cap' : c.restDue ? 'rests at its next call' : 'calling';
  const actions = el('td');
  if (c.rested) {
    const clear = el('button', { class: 'quiet', type: 'button' }, 'Clear rest');
    clear.onclick = async () => {
      clear.disabled = true;
      try {
        await api(`/api/campaigns/${campaignId}/caller-ids/rest-clearances`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ number: c.number }),
        });
      } catch (error) { alert(`Could not clear the rest: ${error.message}`); }
      await showCallerIds(campaignId);
    };
    actions.append(clear);
  }
  const tr = el('tr', { 'data-number': c.number },
    el('td', {}, c.number, c.isDefault ? el('small', {}, ' default') : ''),
    el('td', { class: 'n' }, n(c.calls)), el('td', { class: 'n' }, n(c.answers)),
    el('td', { class: 'n' }, c.answerRate == null ? '—' : pct(c.answerRate)),
    el('td', { class: `state ${c.rested ? 'rested' : ''}` }, state), actions);
  return tr;
}
