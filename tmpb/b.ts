import { TransactionLog } from '/work/main/src/index';
const m = { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost', quantity: 'quantity' };
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  const log = TransactionLog.fromCSV('/tmp/1m.csv', m);
  console.log('csv ms', (performance.now() - t).toFixed(0), log.rowCount, (process.resourceUsage().maxRSS / 1024).toFixed(0), 'MB');
}
