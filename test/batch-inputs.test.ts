/**
 * Input hygiene of a batch: a file that cannot be read is that file's error and
 * the rest convert; special files and symlink loops in folders are skipped with
 * a note (never read, so a FIFO never hangs the run); no symlink planted inside
 * `--out` makes a write land outside it. Progress is drawn only on a terminal.
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {runCli} from './helpers/cli.js'
import {createProgress} from '../pipeline/batch/progress.js'

const TEXT = '中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意。\n二、双方重申。\n一九九四年三月七日于北京\n'
let dir: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'diptext-inputs-'))
})

afterEach(() => rmSync(dir, {recursive: true, force: true}))

describe('input hygiene', () => {
  it('skips FIFOs and symlink loops in folders with a note, reports a broken symlink as its file, and converts the rest', async () => {
    mkdirSync(path.join(dir, 'in', 'sub'), {recursive: true})
    writeFileSync(path.join(dir, 'in', 'a.txt'), TEXT)
    execFileSync('mkfifo', [path.join(dir, 'in', 'pipe.txt')])
    symlinkSync(path.join(dir, 'in', 'missing.txt'), path.join(dir, 'in', 'broken.txt'))
    symlinkSync('self.txt', path.join(dir, 'in', 'self.txt'))
    symlinkSync('..', path.join(dir, 'in', 'sub', 'up'))
    const run = await runCli(['in', '--out', 'out', '--formats', 'json', '--no-cache', '--verbose'], {cwd: dir})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/in\/broken\.txt\n.*Cannot read file: no such file \(a broken symlink\?\)/)
    expect(run.stderr).toMatch(/in\/pipe\.txt\n.*Skipped: a special file \(FIFO, device or socket\)/)
    expect(run.stderr).toMatch(/in\/self\.txt\n.*Skipped: a symlink loop/)
    expect(run.stderr).toMatch(/in\/sub\/up\n.*Skipped: a symlink loop \(this folder is already being read\)/)
    expect(readdirSync(path.join(dir, 'out', 'json'))).toEqual(['1994-03-07_cn-az_jointStatement.json'])
  })

  it('reports a FIFO named on the command line as that file, without waiting on it', async () => {
    writeFileSync(path.join(dir, 'a.txt'), TEXT)
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')])
    const run = await runCli(['pipe.txt', 'a.txt', '--out', 'out', '--formats', 'json', '--no-cache'], {cwd: dir})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/pipe\.txt\n.*Cannot read file: is a FIFO, not a file.*unreadable-input/)
    expect(readdirSync(path.join(dir, 'out', 'json'))).toHaveLength(1)
  })

  it('never writes through a symlink planted inside --out', async () => {
    writeFileSync(path.join(dir, 'a.txt'), TEXT)
    mkdirSync(path.join(dir, 'out'))
    mkdirSync(path.join(dir, 'elsewhere'))
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'out', 'json'))
    const run = await runCli(['a.txt', '--out', 'out', '--formats', 'json,md', '--no-cache'], {cwd: dir})
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Refusing to write outside the output folder')
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([])
    expect(readdirSync(path.join(dir, 'out', 'md'))).toHaveLength(1)
  })
})

describe('progress', () => {
  it('draws done/total, rate and ETA in place on a terminal, and clears the line at the end', () => {
    let written = ''
    let clock = 0
    const progress = createProgress({write: (chunk: string) => (written += chunk)}, () => clock)
    progress.update('write', 0, 100)
    clock = 2000
    progress.update('write', 50, 100)
    progress.clear()
    expect(written).toContain('\r\u001B[2Kwriting 50/100 document(s)  25/s  ETA 0:02')
    expect(written.endsWith('\r\u001B[2K')).toBe(true)
  })

  it('prints nothing when standard error is not a terminal, or with --quiet', async () => {
    writeFileSync(path.join(dir, 'a.txt'), TEXT)
    const plain = await runCli(['a.txt', '--out', 'out', '--formats', 'json', '--no-cache'], {cwd: dir})
    expect(plain.stderr).not.toContain('\r')
    const quiet = await runCli(['a.txt', '--out', 'out2', '--formats', 'json', '--no-cache', '--quiet'], {cwd: dir, stderrIsTTY: true})
    expect(quiet.stderr).toBe('')
    const tty = await runCli(['a.txt', '--out', 'out3', '--formats', 'json', '--no-cache'], {cwd: dir, stderrIsTTY: true})
    expect(tty.stderr).toContain('\r\u001B[2Kwriting 1/1 document(s)')
    expect(existsSync(path.join(dir, 'out3', 'manifest.json'))).toBe(true)
  })
})
