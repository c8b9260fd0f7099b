/** The command line: batch conversion into a folder, exit codes, per-file reports, atomic output. */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {main} from '../pipeline/cli/main.js'
import {seedPath} from './helpers/seed.js'
import {findSchemaDir} from '../pipeline/validate/akn-schema.js'

let dir: string
let stderr: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'diptext-cli-'))
  stderr = ''
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk)
    return true
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, {recursive: true, force: true})
})

describe('cli', () => {
  it('converts a folder into json and md, with an index', async () => {
    const out = path.join(dir, 'out')
    expect(await main([path.dirname(seedPath), '--out', out, '--formats', 'json,md'])).toBe(0)
    expect(readdirSync(path.join(out, 'json')).sort()).toEqual([
      '1994-03-07_cn-az_jointStatement.json',
      '2005-03-17_cn-az_jointStatement.json',
      '2015-12-10_cn-az_jointStatement.json'
    ])
    expect(readdirSync(path.join(out, 'md'))).toHaveLength(3)
    const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'))
    expect(index.documents.map((d: {id: string}) => d.id)).toEqual([
      '/akn/cn/statement/jointStatement/1994-03-07/cn-az',
      '/akn/cn/statement/jointStatement/2005-03-17/cn-az',
      '/akn/cn/statement/jointStatement/2015-12-10/cn-az'
    ])
    expect(readdirSync(path.join(out, 'json')).some((f) => f.endsWith('.tmp'))).toBe(false)
  })

  it('reports a bad file, converts the others, and exits 1', async () => {
    const bad = path.join(dir, 'image.txt')
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
    const out = path.join(dir, 'out')
    expect(await main([bad, seedPath, '--out', out, '--formats', 'json'])).toBe(1)
    expect(stderr).toContain('image.txt')
    expect(stderr).toMatch(/binary/i)
    expect(readdirSync(path.join(out, 'json'))).toHaveLength(3)
  })

  it('exits 2 on usage errors', async () => {
    expect(await main([])).toBe(2)
    expect(await main([seedPath])).toBe(2)
    expect(await main([seedPath, '--out', dir, '--formats', 'docx'])).toBe(2)
    expect(stderr).toContain('Unknown format(s) `docx`')
    expect(await main(['--bogus'])).toBe(2)
  })

  it('with --strict, a warning fails the run', async () => {
    const gap = path.join(dir, 'gap.txt')
    writeFileSync(gap, '中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意。\n三、双方重申。\n')
    expect(await main([gap, '--out', path.join(dir, 'a'), '--formats', 'json'])).toBe(0)
    expect(await main([gap, '--out', path.join(dir, 'b'), '--formats', 'json', '--strict'])).toBe(1)
    expect(stderr).toContain('numbering-gap')
  })

  it.skipIf(!findSchemaDir())('validates the Akoma Ntoso it writes (--validate) and on its own (validate) [skipped when no AKN schema is found]', async () => {
    const out = path.join(dir, 'out')
    expect(await main([seedPath, '--out', out, '--formats', 'akn', '--validate'])).toBe(0)
    expect(stderr).toContain('3 of 3 Akoma Ntoso document(s) valid')
    const broken = path.join(out, 'akn', 'broken.xml')
    writeFileSync(broken, readFileSync(path.join(out, 'akn', '1994-03-07_cn-az_jointStatement.xml'), 'utf8').replace('<FRBRdate date="1994-03-07"', '<FRBRdate date="1994"'))
    stderr = ''
    expect(await main(['validate', path.join(out, 'akn')])).toBe(1)
    expect(stderr).toContain('broken.xml')
    expect(stderr).toMatch(/broken\.xml\n\s*\d+:\d+/)
    expect(stderr).toContain('3 of 4 Akoma Ntoso document(s) valid')
  })
})
