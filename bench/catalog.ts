// Catalog benchmark (issue 3 targets). Run: npm run bench:catalog
// Prints absolute numbers and ratios to baselines measured in the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../server/src/core/catalog/catalog';
import { fileCatalogSource } from '../server/src/node/catalogFiles';

const dir = join(__dirname, '..', 'server', 'data');
const leanFile = join(dir, 'iam-catalog.json');
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const time = (fn: () => void) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / 1e6; };
const gc = (globalThis as { gc?: () => void }).gc;

function loadTimes(n: number) {
  const first = time(() => new Catalog(fileCatalogSource(dir)));
  const load: number[] = [], parse: number[] = [], read: number[] = [];
  for (let i = 0; i < n; i++) {
    read.push(time(() => readFileSync(leanFile, 'utf8')));
    parse.push(time(() => JSON.parse(readFileSync(leanFile, 'utf8'))));
    load.push(time(() => new Catalog(fileCatalogSource(dir))));
  }
  return { first, load: median(load), parse: median(parse), read: median(read) };
}

function heapOfCatalog(touchAll: boolean): number {
  if (!gc) return NaN;
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const c = new Catalog(fileCatalogSource(dir));
  if (touchAll) for (const a of c.expandActions('*')) c.action(a);
  gc(); gc();
  const after = process.memoryUsage().heapUsed;
  if (!c.hasAction('s3:GetObject')) throw new Error('catalog broken');
  return (after - before) / 1024 / 1024;
}

function perOp(fn: () => unknown, n: number): number {
  for (let i = 0; i < Math.min(n, 1000); i++) fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - t) / n; // ns
}

const loads = loadTimes(25);
const heap = heapOfCatalog(false);
const heapAll = heapOfCatalog(true);
const c = new Catalog(fileCatalogSource(dir));
const expandFirst = time(() => c.expandActions('s3:*')) * 1000;
const expandS3 = perOp(() => c.expandActions('s3:*'), 2000) / 1000;
const expandGet = perOp(() => c.expandActions('ec2:Describe*'), 2000) / 1000;
const expandAll = perOp(() => c.expandActions('*:List*'), 50) / 1000;
const map = new Map<string, number>(c.expandActions('*').map((a, i) => [a.toLowerCase(), i]));
const lookup = perOp(() => c.action('s3:GetObject'), 200000);
const lookupOther = perOp(() => c.action('zocalo:UpdateUser'), 200000);
const mapBaseline = perOp(() => map.get('s3:GetObject'.toLowerCase()), 200000);
const descLoad = time(() => c.actionDescription('s3:GetObject'));

const row = (name: string, value: string, target: string, ratio = '') => `| ${name} | ${value} | ${target} | ${ratio} |`;
console.log(`catalog ${c.version.label}; node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| measure | value | target | ratio to baseline |');
console.log('|---|---|---|---|');
console.log(row('lean catalog load (read + parse + index), median of 25', `${loads.load.toFixed(1)} ms`, '≤ 30 ms', `${(loads.load / loads.parse).toFixed(2)}x JSON.parse of the same file (${loads.parse.toFixed(1)} ms)`));
console.log(row('first load in a fresh process', `${loads.first.toFixed(1)} ms`, '', `read alone ${loads.read.toFixed(1)} ms`));
console.log(row('catalog heap after load', Number.isNaN(heap) ? 'run with --expose-gc' : `${heap.toFixed(1)} MB`, '≤ 30 MB', ''));
console.log(row('catalog heap, every service parsed and every action looked up', Number.isNaN(heapAll) ? 'run with --expose-gc' : `${heapAll.toFixed(1)} MB`, '≤ 30 MB', ''));
console.log(row('expand s3:* (warm)', `${expandS3.toFixed(1)} µs`, '≤ 1 ms', `first call ${expandFirst.toFixed(0)} µs`));
console.log(row('expand ec2:Describe* (warm)', `${expandGet.toFixed(1)} µs`, '≤ 1 ms', ''));
console.log(row('expand *:List* (all services)', `${expandAll.toFixed(1)} µs`, '', ''));
console.log(row('exact lookup s3:GetObject', `${lookup.toFixed(0)} ns`, 'O(1)', `${(lookup / mapBaseline).toFixed(2)}x a bare Map.get (${mapBaseline.toFixed(0)} ns); zocalo:UpdateUser ${lookupOther.toFixed(0)} ns`));
console.log(row('descriptions side file, first use', `${descLoad.toFixed(1)} ms`, 'lazy', ''));
