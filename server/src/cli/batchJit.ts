// V8's optimizing compiler, set for a CLI run over many scenarios. Profiled (node --cpu-prof, --trace-opt) on
// `simulate --format json` over 2,000 scenarios, most of the run's CPU was not evaluation but V8 optimizing the
// per-scenario functions with TurboFan (on background threads, each function with the whole evaluation inlined), and
// the run ended before the optimized code paid that back. So for simulate and test: no inlining (functions are still
// optimized, each on its own), and optimization only for code that stays hot about four times longer than V8's
// default budget (67,584). Measured in CPU time (bench/README.md, docs/benchmarks.md): 2,000 scenarios over three
// small policy files or ReadOnlyAccess about 25–30% less; 20,000 scenarios the same to about 4% more. The flags change
// how code is compiled, never what it computes (the golden outputs and the CLI tests are byte for byte the same).
import { setFlagsFromString } from 'node:v8';

export function tuneJitForBatch(): void {
  setFlagsFromString('--no-turbo-inlining');
  setFlagsFromString('--interrupt-budget=250000');
}
