#!/usr/bin/env node
/**
 * The `diptext` executable. It only runs `main`, so it works however it is
 * invoked (the `.bin` symlink, `npx`, a global install, `node dist/…/bin.js`);
 * `main.ts` stays importable without side effects.
 */
import './heap.js'
import process from 'node:process'
import {main} from './main.js'

// `diptext -t md page.txt | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`diptext: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  }
)
