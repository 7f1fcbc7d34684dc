// The sound check before a shift: the chosen microphone's level (getUserMedia into an AnalyserNode) and a test
// sound on the speakers (the SDK's own), so a muted headset is found before the first customer, not during.
import { el, t } from '/ui/app.js';

/** A level meter on the microphone `deviceId` (null: the default); resolves to a stop function. */
export async function listen(deviceId, meter) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frame = 0, loudest = 0;
  const draw = () => {
    analyser.getFloatTimeDomainData(samples);
    const rms = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
    const level = Math.min(100, Math.round(rms * 300)); // speech at a headset mic sits around a third of full scale
    loudest = Math.max(loudest, level);
    meter.value = level;
    meter.setAttribute('aria-valuetext', t('agent.sound.percent', { level }));
    frame = requestAnimationFrame(draw);
  };
  draw();
  return () => {
    cancelAnimationFrame(frame);
    stream.getTracks().forEach(t => t.stop());
    context.close();
    return loudest;
  };
}

/**
 * The sound check: microphone choice, a meter while listening, and a speaker test. Built once and kept, so a list of
 * microphones that changes (names appear once the microphone is allowed) never stops a test in progress.
 * @param {{ onChoose: (id: string) => void, onSpeaker: () => Promise<void>, say: (text: string) => void }} phone
 */
export function soundCheck({ onChoose, onSpeaker, say }) {
  const select = el('select', { id: 'microphone' });
  select.addEventListener('change', () => { if (select.value) onChoose(select.value); });
  const meter = el('meter', { id: 'mic-level', min: 0, max: 100, low: 8, high: 85, optimum: 40, value: 0 });
  const result = el('p', { class: 'small', id: 'sound-result', role: 'status' });
  let stop = null;
  const micButton = el('button', { type: 'button', id: 'mic-test', 'aria-pressed': 'false' }, t('agent.sound.testMic'));
  micButton.addEventListener('click', async () => {
    if (stop) {
      const loudest = stop(); stop = null;
      micButton.textContent = t('agent.sound.testMic'); micButton.setAttribute('aria-pressed', 'false');
      result.textContent = t(loudest >= 8 ? 'agent.sound.works' : 'agent.sound.heardNothing');
      say(result.textContent);
      return;
    }
    try {
      stop = await listen(select.value || null, meter);
      micButton.textContent = t('agent.sound.stopTest'); micButton.setAttribute('aria-pressed', 'true');
      result.textContent = t('agent.sound.sayWords');
    } catch (err) {
      result.textContent = t('agent.sound.noMic', { message: err.message });
      say(result.textContent);
    }
  });
  const speaker = el('button', { type: 'button', id: 'speaker-test' }, t('agent.sound.playTest'));
  speaker.addEventListener('click', async () => {
    try { await onSpeaker(); result.textContent = t('agent.sound.didYouHear'); }
    catch (err) { result.textContent = t('agent.sound.didNotPlay', { message: err.message }); }
  });
  const node = el('div', { class: 'sound-check', role: 'group', 'aria-labelledby': 'sound-check-title' },
    el('h3', { id: 'sound-check-title' }, t('agent.sound.title')),
    el('div', { class: 'field' }, el('label', { for: 'microphone' }, t('agent.sound.microphone')), select),
    el('div', { class: 'field' }, el('label', { for: 'mic-level' }, t('agent.sound.level')), meter),
    el('div', { class: 'row' }, micButton, speaker), result);

  /** Shows the microphones on offer, keeping the choice and any test running. */
  function setInputs(inputs, chosen) {
    const key = JSON.stringify([inputs, chosen]);
    if (select.dataset.key === key) return;
    select.dataset.key = key;
    select.replaceChildren(...(inputs.length ? inputs.map(d => el('option', { value: d.id, selected: d.id === chosen }, d.label))
      : [el('option', { value: '' }, t('agent.sound.defaultMic'))]));
  }
  const stopTest = () => { if (stop) micButton.click(); };
  return { node, setInputs, stopTest };
}
