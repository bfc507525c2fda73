// Runs @claude-flow/aidefence over the exported payloads.
// usage: node scan.mjs EXPORT_DIR
// writes EXPORT_DIR/results-aidefence.tsv (id, threat, pii) and speed-aidefence.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkThreats } from '@claude-flow/aidefence';

const dir = process.argv[2];
const items = readFileSync(join(dir, 'payloads.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0)
  .map((l) => JSON.parse(l));

const out = [];
for (const item of items) {
  let threat = false;
  let pii = false;
  for (const part of item.parts) {
    const r = checkThreats(part);
    threat ||= r.threats.length > 0;
    pii ||= Boolean(r.piiFound);
  }
  out.push(`${item.id}\t${threat ? 1 : 0}\t${pii ? 1 : 0}`);
}
writeFileSync(join(dir, 'results-aidefence.tsv'), out.join('\n') + '\n');

// Throughput on the corpus lines (short payloads, benign and attack mixed):
// repeat passes for at least two seconds, single thread.
const corpus = items.filter((i) => !i.id.startsWith('crs:')).map((i) => i.parts[0]);
let n = 0;
const t0 = process.hrtime.bigint();
let elapsed = 0;
let sink = 0;
while (elapsed < 2.0) {
  for (const p of corpus) {
    sink += checkThreats(p).threats.length;
    n++;
  }
  elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
}
const speed = { peer: 'aidefence', payloads: n, seconds: elapsed, per_second: n / elapsed, sink };
writeFileSync(join(dir, 'speed-aidefence.json'), JSON.stringify(speed) + '\n');
console.error(JSON.stringify(speed));
