// Plays a call recording for the manager's floor and the agent console. The audio needs the key (a header), which an
// <audio src> cannot send: it is fetched through the API and handed to the player as a blob.
import { api, el, t } from '/ui/app.js';

let playing = null; // { url, audio }: one recording at a time

/** A ▶ button that plays the recording in the given <audio> (or one of its own, put after it). */
export function playButton(recordingId, { player, label = t('recordings.play') } = {}) {
  const button = el('button', { type: 'button', class: 'quiet play', 'aria-label': label, title: label, 'data-recording': recordingId }, '▶');
  let own = null;
  button.addEventListener('click', async () => {
    const audio = player ?? (own ??= button.insertAdjacentElement('afterend', el('audio', { controls: true, class: 'recording' })));
    button.disabled = true;
    try {
      const blob = await (await api(`/api/recordings/${recordingId}/audio`, { raw: true })).blob();
      if (playing) { playing.audio.pause(); playing.audio.removeAttribute('src'); URL.revokeObjectURL(playing.url); }
      playing = { url: URL.createObjectURL(blob), audio };
      audio.src = playing.url;
      await audio.play().catch(() => {}); // a browser that blocks autoplay still shows the loaded player
    } catch (error) {
      button.replaceWith(el('span', { class: 'muted', role: 'status' }, error.status === 410 ? t('recordings.deleted') : t('recordings.cannotPlay', { message: error.message })));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
