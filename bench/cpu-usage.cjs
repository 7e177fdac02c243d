// Runs a Node script (node bench/cpu-usage.cjs SCRIPT ARGS…) as if started with `node SCRIPT ARGS…`, and at exit
// writes its CPU time (user and system, microseconds, all threads) and peak RSS (KB) as JSON to file descriptor 3.
// /usr/bin/time reports CPU in 10 ms steps, too coarse for a run of 2,000 scenarios that takes 50-100 ms.
const { writeSync } = require('node:fs');
const { resolve } = require('node:path');
const script = resolve(process.argv[2]);
process.argv.splice(1, 2, script);
process.on('exit', () => {
  const cpu = process.cpuUsage();
  writeSync(3, JSON.stringify({ userUs: cpu.user, systemUs: cpu.system, maxRssKb: process.resourceUsage().maxRSS }));
});
require(script);
