// The selected campaign's call recordings, newest first, a page at a time, each playable in the one player above the list.
import { getJson } from './api.js';
import { duration } from './format.js';
import { el, fmt } from '/ui/app.js';
import { playButton } from '/ui/recording-player.js';

const $ = id => document.getElementById(id);
const PAGE_SIZE = 20;
const STATUS = { inProgress: 'recording…', completed: 'kept', failed: 'failed', deleted: 'deleted' };
let campaignId = null, page = 1;

export async function showRecordings(id) {
  if (id !== campaignId) page = 1;
  campaignId = id;
  const result = await getJson(`/api/campaigns/${id}/recordings?page=${page}&pageSize=${PAGE_SIZE}`);
  if (id !== campaignId) return;
  const player = $('recording-player');
  $('recordings-count').textContent = result.total === 0 ? 'none' : `${result.total}`;
  $('recording-rows').replaceChildren(...(result.items.length === 0
    ? [el('tr', {}, el('td', { colspan: '6', class: 'muted' }, 'No recorded calls (the campaign records them when its settings say so).'))]
    : result.items.map(r => el('tr', { 'data-recording': r.id },
      el('td', {}, fmt.time(r.startedAt)),
      el('td', {}, r.agentName ?? '—'),
      el('td', { class: 'n' }, duration(r.durationSeconds)),
      el('td', { title: r.deletedAt ? `deleted ${fmt.time(r.deletedAt)}` : `kept until ${fmt.time(r.deleteAfter)}` }, STATUS[r.status] ?? r.status),
      el('td', {}, el('code', { title: r.attemptId }, r.attemptId.slice(-8))),
      el('td', {}, r.status === 'completed' ? playButton(r.id, { player, label: `Play the call of ${fmt.time(r.startedAt)}` }) : null)))));
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  $('recordings-page').textContent = `page ${page} of ${pages}`;
  $('recordings-prev').disabled = page <= 1;
  $('recordings-next').disabled = page >= pages;
}

export function wireRecordings() {
  $('recordings-prev').onclick = () => { page--; showRecordings(campaignId); };
  $('recordings-next').onclick = () => { page++; showRecordings(campaignId); };
}
