import { readFileSync } from 'node:fs';
import { stem, tokenize } from './src/nlu/tokenize';
import { INTENTS } from './src/nlu/intents';
import { extractEntities } from './src/nlu/entities';
import { logits, softmax, trainSoftmax, compileSoftmax } from './src/nlu/softmaxModel';
const train = (['en','ru','pt','fr'] as const).flatMap((lang) => Object.entries(JSON.parse(readFileSync(`/tmp/snap/${lang}.json`,'utf8')) as Record<string,string[]>).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent, lang }))));
type Opt = { cw: number; bw: number; n: number[]; ent: boolean; minLen: number };
function feats(text: string, lang: any, o: Opt) {
  const tokens = tokenize(text); const stems = tokens.map((t) => stem(t, lang));
  const v = new Map<string, number>(); const add = (k: string, w: number) => v.set(k, Math.max(v.get(k) ?? 0, w));
  stems.forEach((s, i) => { add('w:'+s, 1); const nx = stems[i+1]; if (o.bw && nx!==undefined) add(`b:${s}_${nx}`, o.bw); });
  if (o.cw) for (const t of tokens) { if (t.length < o.minLen) continue; const p = `<${t}>`; for (const n of o.n) for (let i=0;i+n<=p.length;i++) add(`c${n}:`+p.slice(i,i+n), o.cw); }
  if (o.ent) for (const [k, val] of Object.entries(extractEntities(text))) { add('e:'+k, 0.7); add(`e:${k}=${val}`, 0.7); }
  let nn=0; for (const w of v.values()) nn+=w*w; nn=Math.sqrt(nn)||1; for (const [k,w] of v) v.set(k,w/nn); return v;
}
const variants: [string, Opt][] = [
  ['base', { cw: 0.35, bw: 0.7, n: [3], ent: false, minLen: 4 }],
  ['cw.2', { cw: 0.2, bw: 0.7, n: [3], ent: false, minLen: 4 }],
  ['cw.5', { cw: 0.5, bw: 0.7, n: [3], ent: false, minLen: 4 }],
  ['n34', { cw: 0.35, bw: 0.7, n: [3,4], ent: false, minLen: 4 }],
  ['nobi', { cw: 0.35, bw: 0, n: [3], ent: false, minLen: 4 }],
  ['ent', { cw: 0.35, bw: 0.7, n: [3], ent: true, minLen: 4 }],
  ['cw5nobi', { cw: 0.5, bw: 0, n: [3], ent: false, minLen: 4 }], ['cw5n34ent', { cw: 0.5, bw: 0.7, n: [3,4], ent: true, minLen: 4 }],
];
for (const [name, o] of variants) {
  const ex = train.map((u) => ({ vector: feats(u.text, u.lang, o), label: u.intent }));
  let ok=0, n=0, oos=0, oosOk=0;
  for (let f=0; f<5; f++) {
    const m = compileSoftmax(trainSoftmax(ex.filter((_,i)=>i%5!==f), INTENTS));
    ex.forEach((e,i)=>{ if(i%5===f){ n++; const p=softmax(logits(m,e.vector)); const top=INTENTS[p.indexOf(Math.max(...p))]; if (top===e.label) ok++; if (e.label==='out_of_scope'){oos++; if(top==='out_of_scope') oosOk++;} }});
  }
  console.log(name, (ok/n).toFixed(4), 'oos', (oosOk/oos).toFixed(3));
}
