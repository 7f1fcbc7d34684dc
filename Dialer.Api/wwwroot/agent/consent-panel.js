// The consent behind the call, on the customer's card: the kind it is made under, the rule needing it (or none), the
// records held (source, when given, until when, the words or where they are kept), and the customer's withdrawal.
import { api, el, fmt, notify, t } from '/ui/app.js';

const kindName = kind => t(`agent.consent.kind.${kind}`);

function record(r) {
  const facts = el('dl', { class: 'facts' });
  const add = (term, value) => facts.append(el('dt', {}, term), el('dd', {}, value));
  add(t('agent.consent.kindLabel'), kindName(r.kind));
  add(t('agent.consent.source'), r.source);
  add(t('agent.consent.givenAt'), el('time', { datetime: r.givenAt }, fmt.time(r.givenAt)));
  add(t('agent.consent.validUntil'), r.validUntil ? el('time', { datetime: r.validUntil }, fmt.time(r.validUntil)) : t('agent.consent.untilWithdrawn'));
  if (r.text) add(t('agent.consent.text'), el('q', {}, r.text));
  if (r.reference) add(t('agent.consent.reference'), r.reference);
  return el('li', { class: 'consent-record' }, facts);
}

/**
 * @param call the call ({ attemptId, consent: { kind, requiredBy, held, records, withdrawnAt } })
 * @param canWithdraw the customer is on the line or the call is in wrap-up: the agent may record a withdrawal
 */
export function consentPanel(call, { canWithdraw, say, refresh }) {
  const c = call.consent;
  const rule = c.requiredBy
    ? el('p', { id: 'consent-rule' }, t('agent.consent.required', { kind: kindName(c.kind), rule: c.requiredBy }))
    : el('p', { id: 'consent-rule', class: 'muted' }, t('agent.consent.noneRequired'));
  const state = c.held ? el('ul', { class: 'consent-records' }, c.records.map(record))
    : c.withdrawnAt ? el('p', { class: 'alert warn', id: 'consent-withdrawn' }, t('agent.consent.withdrawnAt', { at: fmt.time(c.withdrawnAt) }))
      : el('p', { class: 'muted' }, t('agent.consent.noneHeld'));
  let withdraw = null;
  if (canWithdraw && c.held) {
    withdraw = el('button', { type: 'button', id: 'consent-withdraw', class: 'danger' }, t('agent.consent.withdraw'));
    withdraw.addEventListener('click', async () => {
      withdraw.disabled = true;
      try {
        await api(`/api/agent-console/calls/${call.attemptId}/consent-withdrawal`, { method: 'POST', body: {} });
        say(t('agent.consent.withdrawnSaid'));
        notify(t('agent.consent.withdrawnSaid'));
        await refresh();
      } catch (err) { notify(err.message, 'error'); withdraw.disabled = false; }
    });
  }
  return el('section', { class: 'consent', 'aria-labelledby': 'customer-consent' },
    el('h3', { id: 'customer-consent' }, t('agent.consent.title')), rule, state,
    withdraw ? el('p', {}, withdraw, ' ', el('span', { class: 'muted' }, t('agent.consent.withdrawHint'))) : null);
}
