import { it } from 'vitest';
import { openAdaptiveCardsDom } from './adaptiveCardsDom';
import { sampleViews } from '../../cards/sampleViews';
import { renderView } from '../../cards/renderCard';
it('probe', async () => {
  const { AC, close } = await openAdaptiveCardsDom();
  for (const s of sampleViews()) {
    const json = renderView(s.view);
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig({ actions: { maxActions: 6 } } as never);
    const ctx = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(json, ctx);
    const ev = []; for (let i = 0; i < ctx.eventCount; i++) ev.push(ctx.getEventAt(i).message);
    const v = card.validateProperties();
    const vv = v.validationEvents.map(e => e.message);
    const el = card.render();
    const evx = ev.filter(m => !m.includes("lang")); if (evx.length || vv.length) console.log(s.name, s.lang, evx, vv);
    if (s.lang==='en' && s.name.startsWith('entitlement {membership: gold}')) console.log(el?.outerHTML.slice(0, 1500), card.lang);
  }
  await close();
});
