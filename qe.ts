import { createClassifier } from './src/nlu/classifier';
import { loadNluModel } from './src/nlu/modelStore';
import { readUtterances } from './src/nlu/utterances';
const c = createClassifier(loadNluModel());
const dev = readUtterances('dev');
const byLang: Record<string, {n:number, ok:number, lid:number}> = {};
let ins=0, insOk=0, insRej=0, oos=0, oosOk=0;
const conf: Record<string, number> = {};
for (const u of dev) {
  const r = c.classify(u.text);
  const b = byLang[u.lang] ??= {n:0, ok:0, lid:0};
  b.n++; if (r.intent===u.intent) b.ok++; if (r.lang===u.lang) b.lid++;
  if (u.intent==='out_of_scope') { oos++; if (r.intent==='out_of_scope') oosOk++; else conf[`OOS->${r.intent}`]=(conf[`OOS->${r.intent}`]??0)+1; }
  else { ins++; if (r.intent===u.intent) insOk++; else conf[`${u.intent}->${r.intent}`]=(conf[`${u.intent}->${r.intent}`]??0)+1; if (r.intent==='out_of_scope') insRej++; }
  if (r.lang!==u.lang && process.argv.includes('-l')) console.log('LID', u.lang, r.lang, u.text);
  if (r.intent!==u.intent && process.argv.includes('-v')) console.log(u.lang, u.intent, '->', r.intent, r.confidence, '|', u.text);
}
console.log(byLang);
console.log('in-scope acc', (insOk/ins).toFixed(3), 'rejected', (insRej/ins).toFixed(3), 'oos recall', (oosOk/oos).toFixed(3));
console.log(Object.entries(conf).sort((a,b)=>b[1]-a[1]).slice(0,25));
