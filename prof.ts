import { classifier } from './src/nlu/classifier';
import { matchPortalMessage } from './src/nlu/portalMessageMatcher';
import { features } from './src/nlu/features';
import { readUtterances } from './src/nlu/utterances';
const dev = readUtterances('dev'); const c = classifier(); c.classify('warm up');
for (const [name, f] of [['classify', (t: string) => c.classify(t)], ['portal', (t: string) => matchPortalMessage(t)], ['features', (t: string) => features(t, 'en')]] as const) {
  const t0 = performance.now(); for (let r = 0; r < 3; r++) for (const u of dev) f(u.text); console.log(name, ((performance.now() - t0) / (3 * dev.length) * 1000).toFixed(0), 'µs/q');
}
