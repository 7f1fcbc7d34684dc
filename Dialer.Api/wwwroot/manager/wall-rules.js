// What the wall shows for a state, and when an agent counts as stuck. Pure but for its words, from the catalogue.
import { t, format } from '/ui/app.js';

export const STATES = ['OnCall', 'WrapUp', 'Reserved', 'Available', 'Break', 'Offline'];

/** "Ada is …" */
const doing = Object.fromEntries(STATES.map(s => [s, t(`floor.wall.doing.${s}`)]));

const label = Object.fromEntries(STATES.map(s => [s, t(`floor.wall.state.${s}`)]));

const two = v => String(Math.floor(v)).padStart(2, '0');
export const clock = {
  label,
  doing,
  elapsed(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return s < 3600 ? `${two(s / 60)}:${two(s % 60)}` : `${Math.floor(s / 3600)}:${two(s / 60 % 60)}:${two(s % 60)}`;
  },
  hm(seconds) {
    const m = Math.floor(Math.max(0, seconds) / 60);
    return m < 60 ? t('ui.unit.minutes', { n: m }) : t('floor.wall.hoursMinutes', { h: Math.floor(m / 60), m: two(m % 60) });
  },
};

/**
 * Why the agent looks stuck (a sentence for the flag and its tooltip), or null. The Api decides from when the agent
 * counts as stuck in its state (a.stuck, the one rule the healer also keeps); the page only reads its clock against it.
 */
export function stuckOf(a, now) {
  const s = a.stuck;
  if (!s || now <= Date.parse(s.from)) return null;
  const inState = (now - Date.parse(a.since)) / 1000;
  switch (s.kind) {
    case 'console': return t('floor.wall.stuck.console', { time: clock.elapsed((now - Date.parse(a.consoleDisconnectedAt)) / 1000) });
    case 'reserved': return t('floor.wall.stuck.reserved', { seconds: s.limitSeconds });
    case 'wrap-up': return t('floor.wall.stuck.wrapUp', { seconds: s.limitSeconds });
    default: return a.usualTalkSeconds ? t('floor.wall.stuck.longer', { times: format.number(inState / a.usualTalkSeconds) })
      : t('floor.wall.stuck.over', { time: clock.hm(s.limitSeconds) });
  }
}
