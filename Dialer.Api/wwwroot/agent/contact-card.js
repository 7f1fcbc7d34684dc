// The customer as the agent sees them, before the call (preview) and during it (screen pop): one component for both.
import { el, fmt, t, locale } from '/ui/app.js';
import { playButton } from '/ui/recording-player.js';

/** +14155550123 -> +1 415 555 0123; other numbers as they are. */
export const phone = p => /^\+1\d{10}$/.test(p ?? '') ? `+1 ${p.slice(2, 5)} ${p.slice(5, 8)} ${p.slice(8)}` : (p ?? '');

/** The preview card's number comes masked but for its last four digits (********0123): the engine dials it. */
const isMasked = p => (p ?? '').includes('*');
const phoneLine = p => isMasked(p)
  ? el('span', { title: t('agent.contact.masked') },
    `••• ••• ${p.slice(-4)}`)
  : el('a', { href: `tel:${p}` }, phone(p));

const clock = zone => new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** Keeps every [data-zone] element showing the time there now. */
export function tickClocks(root) {
  for (const node of root.querySelectorAll('[data-zone]')) {
    try { node.textContent = clock(node.dataset.zone).format(new Date()); } catch { node.textContent = '—'; }
  }
}

/**
 * @param c preview card ({ name, phone, localTimes, attempts, maxAttempts, lastOutcome, ... }) or the call's contact
 * @param heading the card's title ("Next contact", "On the line")
 */
export function contactCard(c, { heading, campaignName, id = 'contact' } = {}) {
  const facts = el('dl', { class: 'facts' });
  const add = (term, ...value) => facts.append(el('dt', {}, term), el('dd', {}, ...value));
  for (const z of c.localTimes ?? []) {
    add(t('agent.contact.localTime'), el('strong', { 'data-zone': z.zone, class: 'clock' }, '—'), ' ', el('span', { class: 'muted' }, `${z.zone.replace('_', ' ')}${z.zoneName ? ` · ${z.zoneName}` : ''}`));
  }
  if (c.maxAttempts != null) add(t('agent.contact.attempts'), t('agent.contact.attemptsOf', { attempts: c.attempts, max: c.maxAttempts }));
  if (c.lastOutcome) add(t('agent.contact.lastOutcome'), el('span', { class: 'badge' }, c.lastOutcome), c.lastAttemptAt ? ` ${fmt.time(c.lastAttemptAt)}` : '');
  if (c.disposition) add(t('agent.contact.lastDisposition'), c.disposition);
  if (c.callbackAt) add(t('agent.contact.callbackAskedFor'), fmt.time(c.callbackAt));
  if (c.skipCount) add(t('agent.contact.skippedBefore'), `${c.skipCount}×${c.lastSkipReason ? ` · “${c.lastSkipReason}”` : ''}`);

  const fields = Object.entries(c.customFields ?? {});
  const notes = fields.length === 0 ? null : el('section', { class: 'fields', 'aria-labelledby': `${id}-fields` },
    el('h3', { id: `${id}-fields` }, t('agent.contact.fromList')),
    el('dl', { class: 'facts' }, fields.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))])));

  const history = (c.history ?? []).length === 0 ? el('p', { class: 'muted' }, t('agent.contact.noEarlierCalls'))
    : el('ol', { class: 'history' }, c.history.map(h => el('li', {},
      el('time', { datetime: h.at }, fmt.time(h.at)), ' ', el('span', { class: 'badge' }, h.outcome ?? t('agent.contact.inProgress')),
      h.disposition ? el('span', {}, ` · ${h.disposition}`) : null,
      // only the agent's own calls come with their recording
      h.recordingId ? playButton(h.recordingId, { label: t('agent.contact.playYourCall', { at: fmt.time(h.at) }) }) : null)));

  const card = el('section', { class: 'card contact-card', 'aria-labelledby': `${id}-name` },
    el('p', { class: 'eyebrow' }, heading, campaignName ? el('span', { class: 'muted' }, ` · ${campaignName}`) : null),
    el('h2', { id: `${id}-name`, class: 'contact-name' }, c.name || t('agent.contact.noName')),
    el('p', { class: 'contact-phone' }, phoneLine(c.phone),
      // which of the customer's numbers the call reached
      c.phoneKind ? el('span', { class: 'badge' }, ` ${t(`numbers.kind.${c.phoneKind}`)}`) : null),
    facts, notes,
    el('section', { 'aria-labelledby': `${id}-history` }, el('h3', { id: `${id}-history` }, t('agent.contact.earlierCalls')), history));
  tickClocks(card);
  return card;
}
