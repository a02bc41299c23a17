import { readFileSync } from 'node:fs';
import { CsvScanner } from '/work/main/src/core/csvScanner';
import { LogBuilder } from '/work/main/src/core/builder';
const text = readFileSync('/tmp/1m.csv', 'utf8');
const m = { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost', quantity: 'quantity' };
const idx: Record<string, number> = { order: 0, customer: 1, time: 2, item: 3, quantity: 4, amount: 5, cost: 6 };
for (let k = 0; k < 3; k++) {
let t = performance.now(); let n = 0;
new CsvScanner({ delimiter: ',', quote: '"' }, () => { n++; }).push(text, true);
const scan = performance.now() - t;
t = performance.now();
const b = new LogBuilder<string[]>(m, (cells, f) => cells[[1,2,3,0,5,6,4,-1][f]], m);
let row = 0;
new CsvScanner({ delimiter: ',', quote: '"' }, (cells) => { if (row++ > 0) b.add(cells, row); }).push(text, true);
const add = performance.now() - t;
t = performance.now();
b.finish();
console.log('scan', scan.toFixed(0), 'scan+add', add.toFixed(0), 'finish', (performance.now() - t).toFixed(0));
}
