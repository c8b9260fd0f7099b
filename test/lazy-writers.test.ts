/**
 * A writer's modules load the first time a document is written in its format:
 * a JSON run through the command line never loads the PDF engine, its fonts,
 * or the other writers. Observed with a module-load hook in a child process.
 */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {root} from './helpers/seed.js'

const bin = path.join(root, 'dist', 'pipeline', 'cli', 'bin.js')

/** The URLs of every module the command loads. */
function modulesLoaded(args: string[]): string[] {
  const work = mkdtempSync(path.join(tmpdir(), 'diptext-lazy-'))
  try {
    writeFileSync(path.join(work, 'hooks.mjs'), "import {appendFileSync} from 'node:fs'\nexport async function load(url, context, next) {\n  appendFileSync(process.env.LOAD_LOG, url + '\\n')\n  return next(url, context)\n}\n")
    writeFileSync(path.join(work, 'register.mjs'), "import {register} from 'node:module'\nregister(new URL('./hooks.mjs', import.meta.url))\n")
    writeFileSync(path.join(work, 'page.txt'), '中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意。\n二〇〇五年三月十七日于北京\n')
    const log = path.join(work, 'loaded.txt')
    writeFileSync(log, '')
    const run = spawnSync(process.execPath, ['--import', './register.mjs', bin, 'page.txt', ...args, '--no-cache'], {cwd: work, env: {PATH: process.env['PATH'] ?? '', LOAD_LOG: log}, encoding: 'utf8'})
    expect(run.status, run.stderr).toBe(0)
    return readFileSync(log, 'utf8').split('\n').filter(Boolean)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

describe('writers load when first used', () => {
  it('a JSON run loads the JSON writer and none of the others, nor pdfkit or fontkit', () => {
    const loaded = modulesLoaded(['--out', 'out', '--formats', 'json'])
    expect(loaded.some((url) => url.includes('/write/json/'))).toBe(true)
    for (const other of ['/write/pdf/', '/write/akn/', '/write/markdown/', '/write/html/', '/node_modules/pdfkit/', '/node_modules/fontkit/']) {
      expect(loaded.filter((url) => url.includes(other)), other).toEqual([])
    }
  })

  it('a PDF run loads the PDF writer and the writers whose bytes it embeds', () => {
    const loaded = modulesLoaded(['--out', 'out', '--formats', 'pdf'])
    for (const used of ['/write/pdf/', '/write/akn/', '/write/json/', '/node_modules/pdfkit/']) expect(loaded.some((url) => url.includes(used)), used).toBe(true)
    expect(loaded.filter((url) => url.includes('/write/markdown/'))).toEqual([])
  })
})
