// V8's optimizing compiler, tuned for a CLI run over many scenarios. Profiled (node --cpu-prof, --trace-opt) on
// `simulate --format json` over 2,000 scenarios, TurboFan spent more CPU compiling the per-scenario functions (each
// with the whole evaluation inlined) than the optimized code saved before the process ended. Without inlining the
// functions are still optimized, each on its own: 2,000 scenarios over three small policy files took about 25% less
// CPU, 20,000 scenarios and ReadOnlyAccess less too (docs/benchmarks.md, bench/README.md). The flag only changes how
// code is compiled, never what it computes.
import { setFlagsFromString } from 'node:v8';

export function tuneJitForBatch(): void {
  setFlagsFromString('--no-turbo-inlining');
}
