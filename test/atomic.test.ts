/**
 * Output safety (`pipeline/batch/write.ts`): no stem, slug or title can place a
 * file outside `--out`, and an interrupted write never leaves a truncated
 * target or a temporary file behind.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {outputPath, writeAtomic, writeBatch} from '../pipeline/batch/write.js'
import {convert} from '../pipeline/batch/convert.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {writers} from '../pipeline/write/registry.js'
import {root, seedBytes, seedPath} from './helpers/seed.js'

// `rename` and `writeFile` pass through to the real ones unless a test makes them fail.
const faults = vi.hoisted(() => ({rename: null as Error | null, writeFileHalf: null as Error | null}))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    default: real,
    rename: async (from: string, to: string) => {
      if (faults.rename) throw faults.rename
      return real.rename(from, to)
    },
    writeFile: async (file: string, data: Uint8Array | string, ...rest: unknown[]) => {
      if (faults.writeFileHalf) {
        // Simulate a disk that fills up mid-write: half the bytes land, then an error.
        const bytes = typeof data === 'string' ? Buffer.from(data) : data
        await real.writeFile(file, bytes.subarray(0, bytes.byteLength >> 1))
        throw faults.writeFileHalf
      }
      return (real.writeFile as (...args: unknown[]) => Promise<void>)(file, data, ...rest)
    }
  }
})

let dir: string
let out: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'diptext-atomic-'))
  out = path.join(dir, 'out')
  faults.rename = null
  faults.writeFileHalf = null
})

afterEach(() => {
  faults.rename = null
  faults.writeFileHalf = null
  rmSync(dir, {recursive: true, force: true})
})

/** Is `target` strictly inside `folder` (not the folder itself, not beside it)? */
function inside(folder: string, target: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(target))
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** Every file under `folder`, relative, recursively. */
function listAll(folder: string): string[] {
  if (!existsSync(folder)) return []
  return (readdirSync(folder, {recursive: true}) as string[]).filter((f) => statSync(path.join(folder, f)).isFile()).sort()
}

const HOSTILE_STEMS = [
  '../../etc/passwd',
  '/abs',
  '/etc/passwd',
  '..',
  '.',
  '',
  '...',
  'a/../../b',
  'a/../../../../../../../../tmp/evil',
  '..\\..\\windows\\system32',
  'C:\\Windows\\evil',
  'C:evil',
  '\\\\server\\share\\evil',
  'nul\u0000byte',
  '\u0000',
  '../\u0000../x',
  'CON',
  'NUL',
  'aux.txt',
  'a<b>c:d"e|f?g*h',
  '.hidden',
  '..hidden',
  '~/evil',
  '$HOME/evil',
  '%2e%2e%2fevil',
  '..%2f..%2fevil',
  '\u2024\u2024/evil', // one-dot leaders
  '\uff0e\uff0e/evil', // full-width full stops
  'ａ／ｂ', // full-width solidus
  '\u202e1fdp.exe', // right-to-left override
  '中华人民共和国/../../x',
  'x'.repeat(10_000),
  '../'.repeat(5000) + 'evil'
]

describe('outputPath: no name leaves --out', () => {
  it.each(HOSTILE_STEMS.map((s) => [JSON.stringify(s).slice(0, 60), s]))('stem %s', (_label, stem) => {
    for (const writer of writers.values()) {
      const target = outputPath(out, writer.directory, stem, writer.extension)
      expect(inside(out, target), target).toBe(true)
      expect(inside(path.join(out, writer.directory), target), target).toBe(true)
      expect(path.basename(target)).not.toMatch(/^\./)
      expect(target).not.toContain('\u0000')
      expect(path.basename(target)).toMatch(/^[A-Za-z0-9_.-]+$/)
      expect(target.endsWith(writer.extension)).toBe(true)
    }
  })

  it('refuses a directory that climbs out', () => {
    expect(() => outputPath(out, '../elsewhere', 'a', '.json')).toThrow(/outside the output folder/)
    expect(() => outputPath(out, '/etc', 'passwd', '')).toThrow(/outside the output folder/)
    expect(() => outputPath(out, '..', 'a', '.json')).toThrow(/outside the output folder/)
  })

  it('refuses an extension that climbs out', () => {
    for (const extension of ['/../../evil', '/../../../../../../../../tmp/evil']) {
      let target: string | null = null
      try {
        target = outputPath(out, 'json', 'a', extension)
      } catch {
        continue
      }
      expect(inside(out, target), target).toBe(true)
    }
  })

  it('works with --out given relatively, with trailing separators and dots', () => {
    const relative = path.relative(process.cwd(), out)
    for (const o of [relative, out + path.sep, out + path.sep + '.', path.join(out, 'x', '..')]) {
      const target = outputPath(o, 'json', '../../evil', '.json')
      expect(inside(out, target), `${o} → ${target}`).toBe(true)
    }
  })

  it('accepts the file system root as --out (everything is inside `/`)', () => {
    // `root + path.sep` is `//` when root is `/`, so every target is refused.
    expect(outputPath(path.parse(out).root, 'json', 'a', '.json')).toBe(path.join(path.parse(out).root, 'json', 'a.json'))
  })

  it('writes the hostile stems inside --out, nowhere else', async () => {
    const before = listAll(dir)
    for (const stem of HOSTILE_STEMS) {
      const target = outputPath(out, 'json', stem, '.json')
      try {
        await writeAtomic(target, '{}\n')
      } catch (error) {
        // A name the file system cannot hold may fail, but cleanly and inside --out.
        expect(String(error)).toMatch(/ENAMETOOLONG/)
      }
    }
    const after = listAll(dir).filter((f) => !before.includes(f))
    for (const file of after) expect(inside(out, path.join(dir, file)), file).toBe(true)
    expect(after.filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('writes a name as long as the file system allows (the temporary name must fit too)', async () => {
    // 250 + `.json` = 255 bytes, NAME_MAX on ext4/xfs/tmpfs: a legal file name.
    const target = outputPath(out, 'json', 'a'.repeat(250), '.json')
    expect(path.basename(target)).toHaveLength(255)
    await writeAtomic(target, '{}\n')
    expect(readFileSync(target, 'utf8')).toBe('{}\n')
  })

  it('keeps a very long stem writable (truncated or refused with a clear error, never a raw ENAMETOOLONG)', async () => {
    const target = outputPath(out, 'json', 'x'.repeat(10_000), '.json')
    await writeAtomic(target, '{}\n')
    expect(existsSync(target)).toBe(true)
    expect(listAll(out).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('writeBatch: crafted slugs and titles stay inside --out', () => {
  it('a document whose slug is mutated to escape is written inside --out', async () => {
    const {documents} = await convert([{path: seedPath, bytes: seedBytes}])
    const slugs = ['../../../escaped', '/tmp/escaped-abs', '..', 'a/../../b', 'nul\u0000x', 'x'.repeat(300)]
    documents.forEach((doc, i) => {
      doc.meta.slug = slugs[i % slugs.length]!
    })
    const extra = structuredClone(documents.slice(0, 3))
    extra.forEach((doc, i) => {
      doc.meta.slug = slugs[(i + 3) % slugs.length]!
      doc.meta.id = doc.meta.id + '-extra'
    })
    const all = [...documents, ...extra]
    const context = createWriteContext(all)
    const report = await writeBatch(all, {out, formats: ['json', 'md', 'akn'], context})
    for (const file of report.written) expect(inside(out, file), file).toBe(true)
    // Everything on disk is under out/, and nothing else appeared next to it.
    expect(readdirSync(dir)).toEqual(['out'])
    for (const file of listAll(out)) expect(file).not.toMatch(/\.tmp$/)
    expect(existsSync(path.join(path.dirname(dir), 'escaped'))).toBe(false)
    expect(existsSync('/tmp/escaped-abs.json')).toBe(false)
    // No document was silently lost: each one is written, or its failure reported.
    expect(report.written.length + report.failures.length).toBe(all.length * 3 + 1)
  })

  it('an input whose title is a path gives a slug made of safe characters', async () => {
    const text = '../../../../tmp/evil/中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意。\n二、双方重申。\n二〇〇五年三月十七日于北京\n'
    const {documents} = await convert([{path: '../../../../tmp/evil.txt', bytes: Buffer.from(text)}])
    expect(documents.length).toBeGreaterThan(0)
    for (const doc of documents) expect(doc.meta.slug).toMatch(/^[A-Za-z0-9_-]+$/)
    const report = await writeBatch(documents, {out, formats: ['json', 'md'], context: createWriteContext(documents)})
    expect(report.failures).toEqual([])
    for (const file of report.written) expect(inside(out, file), file).toBe(true)
    expect(readdirSync(dir)).toEqual(['out'])
  })
})

describe('writeAtomic: an interrupted write leaves the previous target intact', () => {
  const previous = '{"previous": true}\n'

  it('rename fails: the target keeps its old bytes and the temporary file is gone', async () => {
    const target = path.join(out, 'json', 'doc.json')
    await writeAtomic(target, previous)
    faults.rename = Object.assign(new Error('EIO: simulated rename failure'), {code: 'EIO'})
    await expect(writeAtomic(target, Buffer.alloc(8 * 2 ** 20, 0x41))).rejects.toThrow(/simulated rename failure/)
    expect(readFileSync(target, 'utf8')).toBe(previous)
    expect(readdirSync(path.dirname(target))).toEqual(['doc.json'])
  })

  it('the disk fills up mid-write: the target keeps its old bytes and the partial temporary file is removed', async () => {
    const target = path.join(out, 'json', 'doc.json')
    await writeAtomic(target, previous)
    faults.writeFileHalf = Object.assign(new Error('ENOSPC: simulated full disk'), {code: 'ENOSPC'})
    await expect(writeAtomic(target, Buffer.alloc(8 * 2 ** 20, 0x42))).rejects.toThrow(/simulated full disk/)
    expect(readFileSync(target, 'utf8')).toBe(previous)
    expect(readdirSync(path.dirname(target))).toEqual(['doc.json'])
  })

  it('a first write that fails leaves no target at all', async () => {
    const target = path.join(out, 'md', 'new.md')
    faults.rename = new Error('simulated')
    await expect(writeAtomic(target, 'text')).rejects.toThrow('simulated')
    expect(readdirSync(path.dirname(target))).toEqual([])
  })

  it('writeBatch: a failing rename is reported per document and leaves the earlier outputs intact', async () => {
    const {documents} = await convert([{path: seedPath, bytes: seedBytes}])
    const context = createWriteContext(documents)
    const first = await writeBatch(documents, {out, formats: ['json'], context})
    expect(first.failures).toEqual([])
    const snapshot = new Map(listAll(out).map((f) => [f, readFileSync(path.join(out, f))]))
    faults.rename = new Error('simulated rename failure')
    const second: Awaited<ReturnType<typeof writeBatch>> | Error = await writeBatch(documents, {out, formats: ['json'], context}).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error))
    )
    // Either the batch reports every failure, or it throws (index.json) — in both cases nothing is truncated.
    if (!(second instanceof Error)) expect(second.failures).toHaveLength(documents.length)
    expect(new Map(listAll(out).map((f) => [f, readFileSync(path.join(out, f))]))).toEqual(snapshot)
  })

  it('a process killed in the middle of a large write leaves the old target whole', async () => {
    const target = path.join(out, 'pdf', 'big.pdf')
    await writeAtomic(target, previous)
    const script = path.join(dir, 'writer.mts')
    const size = 256 * 2 ** 20
    writeFileSync(
      script,
      [
        `import {writeAtomic} from ${JSON.stringify(pathToFileURL(path.join(root, 'pipeline', 'batch', 'write.ts')).href)}`,
        `const bytes = Buffer.alloc(${size}, 0x43)`,
        `process.stdout.write('writing\\n')`,
        `await writeAtomic(${JSON.stringify(target)}, bytes)`,
        `process.stdout.write('done\\n')`
      ].join('\n')
    )
    const child = spawn(process.execPath, ['--import', 'tsx', script], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Kill it as soon as the temporary file has started to grow.
    const killed = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (!stdout.includes('writing')) return
        const poll = setInterval(() => {
          const partial = readdirSync(path.dirname(target)).find((f) => f.endsWith('.tmp'))
          if (partial && statSync(path.join(path.dirname(target), partial)).size > 0) {
            clearInterval(poll)
            resolve(child.kill('SIGKILL'))
          } else if (stdout.includes('done')) {
            clearInterval(poll)
            resolve(false)
          }
        }, 1)
      })
      child.on('exit', () => resolve(false))
    })
    await exited
    expect(stderr).toBe('')
    const now = readFileSync(target)
    if (killed) {
      expect(now.toString('utf8')).toBe(previous)
    } else {
      // The write won the race: then the new content is complete.
      expect(now.byteLength).toBe(size)
    }
    // The target is never a prefix of the new bytes.
    expect(now.byteLength === size || now.toString('utf8') === previous).toBe(true)
  }, 60_000)
})
