/** Runs the command line in-process with its own standard streams, environment and working folder. */
import {main} from '../../pipeline/cli/main.js'

export interface Run {
  code: number
  stdout: Buffer
  stderr: string
}

export async function runCli(argv: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv; stdin?: Uint8Array; stdoutIsTTY?: boolean; stderrIsTTY?: boolean} = {}): Promise<Run> {
  const out: Buffer[] = []
  let stderr = ''
  const code = await main(argv, {
    stdout: {write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)), isTTY: options.stdoutIsTTY ?? false},
    stderr: {write: (chunk: string) => (stderr += chunk), isTTY: options.stderrIsTTY ?? false},
    stdin: async () => options.stdin ?? new Uint8Array(),
    // No SOURCE_DATE_EPOCH, NO_COLOR or FORCE_COLOR from the machine unless a test sets them.
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd()
  })
  return {code, stdout: Buffer.concat(out), stderr}
}
