/**
 * One measured command-line run in this process (worker threads included in
 * its CPU time and peak memory): `node batch-run.js <cwd> <args…>` prints
 * `{ms, cpuMs, maxRssMiB, code}` as JSON.
 */
// As the `diptext` executable does, before anything is allocated.
import '../pipeline/cli/heap.js'
import process from 'node:process'
import {main} from '../pipeline/cli/main.js'

const [cwd = '.', ...args] = process.argv.slice(2)
const started = performance.now()
const sink = {write: () => true}
main(args, {cwd, stdout: sink, stderr: {write: (chunk: string) => (process.env['BENCH_VERBOSE'] ? process.stderr.write(chunk) : true)}, env: {...process.env}}).then((code) => {
  const ms = performance.now() - started
  const usage = process.resourceUsage()
  process.stdout.write(JSON.stringify({code, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMiB: usage.maxRSS / 1024}) + '\n')
})
