/**
 * The batch engine through the built command line, as a user runs it: the same
 * bytes whatever `--jobs`, merged shards equal to one run, a cached rerun that
 * writes nothing and leaves the same bytes, the manifest and stale files, the
 * lock, and a 2,000-file batch killed with SIGKILL and rerun.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import path from 'node:path'
import {seedCopy} from '../bench/corpus.js'
import {root} from './helpers/seed.js'

const bin = path.join(root, 'dist', 'pipeline', 'cli', 'bin.js')
let work: string

/** `make test` builds first; run alone, this file rebuilds `dist/` when a source is newer. */
function ensureBuilt(): void {
  const built = existsSync(bin) ? statSync(bin).mtimeMs : 0
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, {withFileTypes: true}).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)))
  if (built < Math.max(newest(path.join(root, 'pipeline')), newest(path.join(root, 'bench')))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')], {stdio: 'inherit'})
  }
}

const ENV = {PATH: process.env['PATH'] ?? '', SOURCE_DATE_EPOCH: '1700000000'}

function cli(args: string[], cwd = work): {code: number; stderr: string} {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 * 2 ** 20})
  return {code: result.status ?? -1, stderr: result.stderr}
}

function cliAsync(args: string[], cwd = work): Promise<{code: number; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: ENV, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({code: code ?? -1, stderr}))
  })
}

/** Every file under `dir` (relative path → sha256), to compare two output folders byte for byte. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) visit(full)
      else files[path.relative(dir, full).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex')
    }
  }
  visit(dir)
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** A folder of `count` seed copies (three documents each, citing each other). */
function corpus(name: string, count: number): string {
  const dir = path.join(work, name)
  mkdirSync(dir, {recursive: true})
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `copy-${String(i).padStart(3, '0')}.txt`), seedCopy(i))
  return dir
}

beforeAll(() => {
  ensureBuilt()
  work = mkdtempSync(path.join(tmpdir(), 'diptext-batch-'))
})

afterAll(() => rmSync(work, {recursive: true, force: true}))

describe('batch engine', () => {
  it('writes byte-identical outputs with --jobs 1 and --jobs 2, every format, with a manifest of every file', () => {
    corpus('jobs', 4)
    const one = cli(['jobs', '--out', 'one', '--jobs', '1', '--no-cache'])
    const two = cli(['jobs', '--out', 'two', '--jobs', '2', '--no-cache'])
    expect(one.code, one.stderr).toBe(0)
    expect(two.code, two.stderr).toBe(0)
    const files = tree(path.join(work, 'one'))
    expect(tree(path.join(work, 'two'))).toEqual(files)
    expect(Object.keys(files).filter((f) => f.startsWith('pdf/'))).toHaveLength(12)
    expect(Object.keys(files)).toContain('html/index.html')

    const manifest = JSON.parse(readFileSync(path.join(work, 'one', 'manifest.json'), 'utf8'))
    expect(manifest.format).toBe('diptext-manifest/1')
    // Every file but the manifest itself is listed, with its real sha256 and size.
    const listed = manifest.files.map((f: {path: string}) => f.path)
    expect(listed).toEqual(Object.keys(files).filter((f) => f !== 'manifest.json'))
    for (const file of manifest.files) {
      expect(file.sha256).toBe(files[file.path])
      expect(file.size).toBe(statSync(path.join(work, 'one', file.path)).size)
    }
    const pdf = manifest.files.find((f: {format: string}) => f.format === 'pdf')
    expect(pdf.source).toMatch(/^jobs\/copy-\d{3}\.txt$/)
    expect(pdf.document).toMatch(/^\/akn\/cn\/statement\/jointStatement\//)
  })

  it('gives the same bytes when the trees of pass 1 wait on disk instead of in memory, and leaves no spill folder', () => {
    corpus('spill', 5)
    const args = ['spill', '--formats', 'json,md,akn', '--no-cache']
    const kept = cli([...args, '--out', 'kept', '--jobs', '1'])
    const spilled = spawnSync(process.execPath, [bin, ...args, '--out', 'spilled', '--jobs', '2'], {cwd: work, env: {...ENV, DIPTEXT_RETAIN_MIB: '0'}, encoding: 'utf8'})
    expect(kept.code, kept.stderr).toBe(0)
    expect(spilled.status, spilled.stderr).toBe(0)
    expect(tree(path.join(work, 'spilled'))).toEqual(tree(path.join(work, 'kept')))
    expect(readdirSync(path.join(work, 'spilled')).filter((name) => name.startsWith('.diptext'))).toEqual([])
    const wrong = spawnSync(process.execPath, [bin, ...args, '--out', 'wrong'], {cwd: work, env: {...ENV, DIPTEXT_RETAIN_MIB: 'lots'}, encoding: 'utf8'})
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain('DIPTEXT_RETAIN_MIB')
  })

  it('merges shards run as separate processes into the bytes of one run', async () => {
    corpus('shards', 9)
    const formats = ['--formats', 'json,md,akn,html', '--no-cache']
    expect(cli(['shards', '--out', 'single', ...formats]).code).toBe(0)
    const runs = await Promise.all([1, 2, 3].map((k) => cliAsync(['shards', '--out', `part-${k}`, '--shard', `${k}/3`, '--jobs', '1', ...formats])))
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    // Each shard wrote only its own documents.
    const counts = [1, 2, 3].map((k) => (existsSync(path.join(work, `part-${k}`, 'json')) ? readdirSync(path.join(work, `part-${k}`, 'json')).length : 0))
    expect(counts.reduce((a, b) => a + b)).toBe(27)
    expect(Math.max(...counts)).toBeLessThan(27)
    const merged = cli(['merge', 'part-1', 'part-2', 'part-3', '--out', 'merged'])
    expect(merged.code, merged.stderr).toBe(0)
    expect(tree(path.join(work, 'merged'))).toEqual(tree(path.join(work, 'single')))
    // A missing shard is a usage error, not a partial archive.
    const partial = cli(['merge', 'part-1', 'part-3', '--out', 'partial'])
    expect(partial.code).toBe(2)
    expect(partial.stderr).toContain('Missing shard(s) 2/3')
  })

  it('reruns from the cache: nothing rewritten, the same bytes; a changed file rewrites itself and the documents citing it', () => {
    const dir = path.join(work, 'cached')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'a-cites.txt'), '中华人民共和国和阿塞拜疆共和国联合声明\n一、双方重申一九九四年三月七日在北京签署的《中华人民共和国和阿塞拜疆共和国友好合作关系的联合声明》。\n二、双方同意。\n二〇〇五年三月十七日于北京\n')
    writeFileSync(path.join(dir, 'b-cited.txt'), '中华人民共和国和阿塞拜疆共和国友好合作关系的联合声明\n一、双方同意。\n二、双方重申。\n')
    const args = ['cached', '--out', 'cached-out', '--formats', 'json,md', '--cache', 'cache']
    const first = cli(args)
    expect(first.code, first.stderr).toBe(0)
    const before = tree(path.join(work, 'cached-out'))
    const times = Object.fromEntries(Object.keys(before).map((f) => [f, statSync(path.join(work, 'cached-out', f)).mtimeMs]))
    const again = cli(args)
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('2 unchanged, not rewritten')
    expect(tree(path.join(work, 'cached-out'))).toEqual(before)
    for (const file of Object.keys(before).filter((f) => f.startsWith('json/') || f.startsWith('md/'))) {
      expect(statSync(path.join(work, 'cached-out', file)).mtimeMs, file).toBe(times[file])
    }
    // The cited document now prints its own date: its Work URI changes, and so does the citing document's link.
    writeFileSync(path.join(dir, 'b-cited.txt'), '中华人民共和国和阿塞拜疆共和国友好合作关系的联合声明\n一、双方同意。\n二、双方重申。\n一九九五年一月一日于北京\n')
    const changed = cli(args)
    expect(changed.code).toBe(0)
    expect(changed.stderr).not.toContain('unchanged')
    expect(readFileSync(path.join(work, 'cached-out', 'md', '2005-03-17_cn-az_jointStatement.md'), 'utf8')).toContain('1995-01-01_cn-az_jointStatement.md')
    const fresh = cli(['cached', '--out', 'cached-fresh', '--formats', 'json,md', '--no-cache'])
    expect(fresh.code).toBe(0)
    expect(tree(path.join(work, 'cached-out'))).toEqual(tree(path.join(work, 'cached-fresh')))
  })

  it('gives each thread what its documents name: a cited document links back to the document its date came from', () => {
    const dir = path.join(work, 'named')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'a-cites.txt'), '中华人民共和国和阿塞拜疆共和国联合声明\n一、双方重申一九九四年三月七日在北京签署的《中华人民共和国和阿塞拜疆共和国友好合作关系的联合声明》。\n二、双方同意。\n二〇〇五年三月十七日于北京\n')
    writeFileSync(path.join(dir, 'b-cited.txt'), '中华人民共和国和阿塞拜疆共和国友好合作关系的联合声明\n一、双方同意。\n二、双方重申。\n')
    for (const jobs of ['1', '2']) {
      const run = cli(['named', '--out', `named-${jobs}`, '--formats', 'html,md', '--no-cache', '--jobs', jobs])
      expect(run.code, run.stderr).toBe(0)
      const cited = readFileSync(path.join(work, `named-${jobs}`, 'html', '1994-03-07_cn-az_jointStatement.html'), 'utf8')
      expect(cited).toContain('cited with this date by <a href="2005-03-17_cn-az_jointStatement.html" lang="zh-Hans">中华人民共和国和阿塞拜疆共和国联合声明</a>')
      const citing = readFileSync(path.join(work, `named-${jobs}`, 'md', '2005-03-17_cn-az_jointStatement.md'), 'utf8')
      expect(citing).toContain('](1994-03-07_cn-az_jointStatement.md "/akn/cn/statement/jointStatement/1994-03-07/cn-az")')
    }
  })

  it('removes files of an earlier run that this run did not produce, or keeps them as stale with --keep-stale', () => {
    corpus('stale', 1)
    expect(cli(['stale', '--out', 'stale-out', '--formats', 'json,md', '--no-cache']).code).toBe(0)
    writeFileSync(path.join(work, 'stale-out', 'notes.txt'), 'mine')
    expect(cli(['stale', '--out', 'stale-out', '--formats', 'json', '--no-cache', '--keep-stale']).code).toBe(0)
    let manifest = JSON.parse(readFileSync(path.join(work, 'stale-out', 'manifest.json'), 'utf8'))
    expect(manifest.files.filter((f: {stale?: boolean}) => f.stale).map((f: {path: string}) => f.path.split('/')[0])).toEqual(['md', 'md', 'md'])
    expect(readdirSync(path.join(work, 'stale-out', 'md'))).toHaveLength(3)
    expect(cli(['stale', '--out', 'stale-out', '--formats', 'json', '--no-cache']).code).toBe(0)
    manifest = JSON.parse(readFileSync(path.join(work, 'stale-out', 'manifest.json'), 'utf8'))
    expect(manifest.files.some((f: {format: string}) => f.format === 'md')).toBe(false)
    expect(readdirSync(path.join(work, 'stale-out', 'md'))).toEqual([])
    // A file no run listed is the user's: left alone.
    expect(readFileSync(path.join(work, 'stale-out', 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('reports a format that cannot be written for each document, writes and lists the other formats, and leaves no temporary file', () => {
    corpus('blocked', 2)
    mkdirSync(path.join(work, 'blocked-out'))
    // A file where the Markdown folder should be: every Markdown write fails.
    writeFileSync(path.join(work, 'blocked-out', 'md'), 'not a folder')
    const {code, stderr} = cli(['blocked', '--out', 'blocked-out', '--formats', 'json,md,akn', '--no-cache'])
    expect(code).toBe(1)
    expect(stderr.match(/Cannot write md for /g)).toHaveLength(6)
    const manifest = JSON.parse(readFileSync(path.join(work, 'blocked-out', 'manifest.json'), 'utf8'))
    const formats = manifest.files.map((f: {format: string}) => f.format)
    expect(formats.filter((f: string) => f === 'json')).toHaveLength(6)
    expect(formats.filter((f: string) => f === 'akn')).toHaveLength(6)
    expect(formats).not.toContain('md')
    expect(readdirSync(path.join(work, 'blocked-out', 'json'))).toHaveLength(6)
    expect(Object.keys(tree(path.join(work, 'blocked-out'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('refuses a second run into the same --out while the first holds the lock, and takes over a lock left by a dead run', () => {
    corpus('locked', 1)
    mkdirSync(path.join(work, 'locked-out'))
    const lock = path.join(work, 'locked-out', '.diptext.lock')
    writeFileSync(lock, JSON.stringify({pid: process.pid, host: hostname()}))
    const refused = cli(['locked', '--out', 'locked-out', '--formats', 'json', '--no-cache'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`Another diptext run (process ${process.pid}) is writing to \`locked-out\``)
    expect(existsSync(path.join(work, 'locked-out', 'json'))).toBe(false)
    // A process id that no longer runs: the lock is stale.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout
    writeFileSync(lock, JSON.stringify({pid: Number(dead), host: hostname()}))
    const taken = cli(['locked', '--out', 'locked-out', '--formats', 'json', '--no-cache'])
    expect(taken.code, taken.stderr).toBe(0)
    expect(existsSync(lock)).toBe(false)
  })

  it('reruns a 2,000-file batch killed with SIGKILL into a complete out/ with no temporary or stale files', async () => {
    const dir = path.join(work, 'killed')
    mkdirSync(dir)
    const numerals = '〇一二三四五六七八九'
    for (let i = 0; i < 2000; i++) {
      const year = String(1000 + i).split('').map((d) => numerals[Number(d)]).join('')
      writeFileSync(path.join(dir, `n-${String(i).padStart(4, '0')}.txt`), `中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意第${i}项。\n二、双方重申。\n${year}年三月七日于北京\n`)
    }
    const args = ['killed', '--out', 'killed-out', '--formats', 'json,md', '--cache', 'killed-cache']
    const child = spawn(process.execPath, [bin, ...args], {cwd: work, env: ENV, stdio: 'ignore'})
    // Kill it in the middle of writing.
    const json = path.join(work, 'killed-out', 'json')
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(json) && readdirSync(json).length >= 200) {
          clearInterval(poll)
          resolve()
        }
      }, 20)
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.on('close', resolve))
    expect(readdirSync(json).length).toBeLessThan(2000)
    // A temporary file as a killed writer leaves it.
    writeFileSync(path.join(json, '.diptext-99999-0-1.tmp'), 'half')

    const rerun = cli(args)
    expect(rerun.code, rerun.stderr.slice(0, 2000)).toBe(0)
    const out = path.join(work, 'killed-out')
    const files = tree(out)
    expect(Object.keys(files).filter((f) => /(^|\/)\.diptext/.test(f))).toEqual([])
    expect(Object.keys(files).filter((f) => f.startsWith('json/'))).toHaveLength(2000)
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))
    expect(manifest.files.map((f: {path: string}) => f.path)).toEqual(Object.keys(files).filter((f) => f !== 'manifest.json'))
    // The same bytes as a run that was never interrupted.
    expect(cli(['killed', '--out', 'killed-clean', '--formats', 'json,md', '--no-cache']).code).toBe(0)
    expect(files).toEqual(tree(path.join(work, 'killed-clean')))
  })
})
