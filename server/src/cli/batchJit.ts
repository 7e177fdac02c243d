// V8's optimizing compiler, set for a CLI run over many scenarios. Profiled (node --cpu-prof, --trace-opt) on
// `simulate --format json` over 2,000 scenarios, most of the run's CPU was not evaluation but V8 optimizing the
// per-scenario functions with TurboFan (on background threads, each function with the whole evaluation inlined), and
// the run ended before the optimized code paid that back. So for simulate and test: no inlining (functions are still
// optimized, each on its own), and optimization only for code that stays hot about nine times longer than V8's
// default budget (67,584). Measured in CPU time (bench/README.md, docs/benchmarks.md): 2,000 scenarios over three
// small policy files or ReadOnlyAccess about 25–30% less; 20,000 scenarios the same to about 4% more. Once the
// per-scenario path had lost its for…of loops and repeated work, a budget of 600,000 instead of 250,000 took a further
// 15% off 2,000 scenarios (31.9 → 27.6 µs each) for 1–2% more on 20,000. The flags change how code is compiled,
// never what it computes (the golden outputs and the CLI tests are byte for byte the same).
import { setFlagsFromString } from 'node:v8';

/**
 * The flags for the V8 that runs us. V8 prints "Error: unrecognized flag" on stderr for a flag it does not know, and
 * `--interrupt-budget` exists only up to V8 11 (Node 20); V8 12 and 13 (Node 22, 24) tier up by invocation counts
 * instead, which were not measured, so there only inlining is turned off.
 */
export function batchJitFlags(v8Version: string): string[] {
  const major = Number(/^(\d+)\./.exec(v8Version)?.[1] ?? NaN);
  if (!(major >= 11 && major <= 13)) return [];
  return major === 11 ? ['--no-turbo-inlining', '--interrupt-budget=600000'] : ['--no-turbo-inlining'];
}

export function tuneJitForBatch(): void {
  for (const flag of batchJitFlags(process.versions.v8)) setFlagsFromString(flag);
}
