/**
 * The command line's habits, after pandoc and unified-args: --version and
 * --help (the same option table as the README), -t to standard output,
 * reporters with places in the input, color switches, folder/glob/ignore
 * rules, --tree-out, the config file, per-path errors, one-line usage errors,
 * and the tool's version in every output.
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import {OPTIONS, optionLabel} from '../pipeline/cli/options.js'
import {MARKDOWN_SEPARATOR} from '../pipeline/cli/stdout.js'
import {findSchemaDir} from '../pipeline/validate/akn-schema.js'
import {root, seedPath} from './helpers/seed.js'
import {runCli} from './helpers/cli.js'

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
const generator = `diptext ${pkg.version}`
const GAP = '中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意。\n三、双方重申。\n'
const ANSI = /\u001b\[\d+m/

let dir: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'diptext-cli-habits-'))
})

afterEach(() => {
  rmSync(dir, {recursive: true, force: true})
})

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name)
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, content)
  return file
}

function indexSources(out: string): string[] {
  const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')) as {documents: Array<{source: {file: string}}>}
  return [...new Set(index.documents.map((d) => d.source.file))]
}

describe('--version and --help', () => {
  it('prints the package version', async () => {
    const run = await runCli(['--version'])
    expect(run.code).toBe(0)
    expect(run.stdout.toString()).toBe(generator + '\n')
  })

  it('lists every option exactly once, and the README has the same table', async () => {
    const help = (await runCli(['--help'])).stdout.toString()
    for (const option of OPTIONS) {
      const pattern = new RegExp(`^\\s+${optionLabel(option).replace(/[.*+?^${}()|[\]\\<>-]/g, '\\$&')}\\s`, 'gm')
      expect(help.match(pattern), optionLabel(option)).toHaveLength(1)
    }
    expect(help.match(/^\s+(-\w, )?--[\w-]+/gm)).toHaveLength(OPTIONS.length)
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const rows = readme
      .split('\n')
      .filter((line) => /^\| `(-\w, )?--/.test(line))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| /, '').replace(/ \|$/, '')))
    expect(rows.map(([label]) => label)).toEqual(OPTIONS.map((o) => '`' + optionLabel(o) + '`'))
    expect(rows.map(([, description]) => description)).toEqual(OPTIONS.map((o) => o.description))
  })
})

describe('-t/--to: one format to standard output', () => {
  it('writes the same bytes as --out, documents in order (Markdown: thematic breaks; JSON: an array)', async () => {
    const out = path.join(dir, 'out')
    expect((await runCli([seedPath, '--out', out, '--formats', 'md,json'])).code).toBe(0)
    const names = readdirSync(path.join(out, 'md')).sort()
    expect(names).toHaveLength(3)
    const md = await runCli(['-t', 'md', seedPath])
    expect(md.code).toBe(0)
    expect(md.stdout.toString()).toBe(names.map((n) => readFileSync(path.join(out, 'md', n), 'utf8')).join(MARKDOWN_SEPARATOR))
    const json = await runCli(['--to', 'json', seedPath])
    expect(JSON.parse(json.stdout.toString())).toEqual(names.map((n) => JSON.parse(readFileSync(path.join(out, 'json', n.replace(/\.md$/, '.json')), 'utf8'))))
    // `--out -` is standard output too, never a folder named `-`.
    const dash = await runCli([seedPath, '--out', '-', '--formats', 'json'], {cwd: dir})
    expect(dash.stdout.equals(json.stdout)).toBe(true)
    expect(existsSync(path.join(dir, '-'))).toBe(false)
  })

  it('one document is exactly the file --out writes; standard input works', async () => {
    const gap = write('gap.txt', GAP)
    const out = path.join(dir, 'out')
    expect((await runCli([gap, '--out', out, '--formats', 'akn'])).code).toBe(0)
    const [name] = readdirSync(path.join(out, 'akn'))
    const akn = await runCli(['-t', 'akn', '-'], {stdin: Buffer.from(GAP)})
    expect(akn.code).toBe(0)
    // The source name differs (stdin), the rest is the same document.
    expect(akn.stdout.toString().replace('file="stdin"', 'file="gap.txt"')).toBe(readFileSync(path.join(out, 'akn', name!), 'utf8'))
  })

  it('refuses what standard output cannot hold, as usage errors', async () => {
    const akn = await runCli(['-t', 'akn', seedPath])
    expect(akn.code).toBe(2)
    expect(akn.stderr).toMatch(/^diptext: One input holds 3 documents and akn writes one per file: use `--out <dir>`.*\n$/)
    expect(akn.stdout.length).toBe(0)
    const two = write('two.txt', GAP)
    expect((await runCli(['-t', 'md', seedPath, two])).stderr).toContain('Standard output takes one input file, 2 given')
    expect((await runCli(['-t', 'pdf', two], {stdoutIsTTY: true})).stderr).toContain('Cannot write PDF to a terminal')
    expect((await runCli(['--out', '-', two])).stderr).toContain('Standard output takes one format')
    expect((await runCli(['-t', 'md', '-f', 'json', two])).code).toBe(2)
  })
})

describe('--report', () => {
  // Page chrome above the title is removed before segmenting: places must still be lines of the input.
  const input = '首页 > 新闻中心 > 双边关系\n打印本页\n\n中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意。\n\n三、双方重申。\n'
  const gapLine = input.split('\n').findIndex((line) => line.startsWith('三、')) + 1

  it('json: messages with rule ids and places in the input', async () => {
    const file = write('page.txt', input)
    const run = await runCli([file, '-t', 'json', '--report', 'json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stderr) as Array<{path: string; messages: Array<{ruleId: string; line: number; column: number; severity: string}>}>
    expect(report).toHaveLength(1)
    expect(report[0]!.path).toBe(file)
    const gap = report[0]!.messages.find((m) => m.ruleId === 'numbering-gap')
    expect(gap).toMatchObject({line: gapLine, column: 1, endLine: gapLine, severity: 'warning'})
    expect(gapLine).toBe(7)
  })

  it('places in HTML input are lines and columns of the HTML, tags included', async () => {
    const html = '<html>\n<body>\n<div class="nav">首页 &gt; 新闻</div>\n<p>中华人民共和国和阿塞拜疆共和国联合声明</p>\n<p>一、双方同意。</p>\n<p>三、双方重申。</p>\n</body></html>\n'
    const file = write('page.html', html)
    const report = JSON.parse((await runCli([file, '-t', 'json', '--report', 'json'])).stderr) as Array<{messages: Array<{ruleId: string; line: number; column: number}>}>
    const line = html.split('\n').findIndex((l) => l.includes('三、')) + 1
    expect(report[0]!.messages.find((m) => m.ruleId === 'numbering-gap')).toMatchObject({line, column: '<p>'.length + 1})
  })

  it('github: one workflow command per message, escaped', async () => {
    const file = write('page.txt', input)
    const missing = path.join(dir, 'a,b:c.txt')
    const run = await runCli([file, missing, '-t', 'json', '--report', 'github'])
    expect(run.code).toBe(1)
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines.every((line) => /^::(error|warning|notice) file=[^,:]+(,[a-zA-Z]+=[^,:]+)*::\S/.test(line))).toBe(true)
    expect(lines).toContain(`::warning file=${file},line=${gapLine},col=1,endLine=${gapLine},endColumn=8,title=diptext(numbering-gap)::Unexpected article number \`三、\` after 1, expected 2`)
    expect(lines).toContain(`::error file=${missing.replace(',', '%2C').replace(':', '%3A')},title=diptext(unreadable-input)::No such file or folder`)
  })
})

describe('color', () => {
  it('follows --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', async () => {
    const gap = write('gap.txt', GAP)
    const colored = async (flags: string[], env: NodeJS.ProcessEnv, tty: boolean) => ANSI.test((await runCli([gap, '-t', 'md', ...flags], {env, stderrIsTTY: tty})).stderr)
    expect(await colored([], {}, true)).toBe(true)
    expect(await colored([], {}, false)).toBe(false)
    expect(await colored([], {NO_COLOR: '1'}, true)).toBe(false)
    expect(await colored([], {FORCE_COLOR: '1'}, false)).toBe(true)
    expect(await colored([], {FORCE_COLOR: '0'}, true)).toBe(false)
    expect(await colored(['--color'], {NO_COLOR: '1'}, false)).toBe(true)
    expect(await colored(['--no-color'], {FORCE_COLOR: '1'}, true)).toBe(false)
  })
})

describe('inputs: extensions, ignore file, globs, the output folder', () => {
  it('reads text and HTML from folders, leaves out other extensions, hidden files, ignored paths and its own output', async () => {
    write('in/a.txt', GAP)
    write('in/b.html', `<html><body><p>${GAP.split('\n').join('</p><p>')}</p></body></html>`)
    write('in/notes.md', GAP)
    write('in/.hidden.txt', GAP)
    write('in/drafts/c.txt', GAP)
    write('in/sub/d.txt', GAP)
    write('.diptextignore', '# drafts are not sources\nin/drafts/\n')
    const first = await runCli(['in', '--out', 'in/out', '--formats', 'json,md', '--ext', 'txt,html,json,md'], {cwd: dir})
    expect(first.code).toBe(0)
    // Every file holds the same document: the first is written, the others are read and reported as duplicates.
    const read = (stderr: string) => [...stderr.matchAll(/^(\S+)\n(?:.+\n)*?.*Duplicate document: the same text as document 1 of `in\/a\.txt`/gm)].map((m) => m[1])
    expect(indexSources(path.join(dir, 'in/out'))).toEqual(['a.txt'])
    expect(read(first.stderr)).toEqual(['in/b.html', 'in/notes.md', 'in/sub/d.txt'])
    // The second run does not read the first run's JSON and Markdown back as input.
    const second = await runCli(['in', '--out', 'in/out', '--formats', 'json,md', '--ext', 'txt,html,json,md'], {cwd: dir})
    expect(second.code).toBe(0)
    expect(indexSources(path.join(dir, 'in/out'))).toEqual(['a.txt'])
    expect(read(second.stderr)).toEqual(['in/b.html', 'in/notes.md', 'in/sub/d.txt'])
    // Default extensions: notes.md is not a document.
    const third = await runCli(['in', '--out', 'o2', '--formats', 'json'], {cwd: dir})
    expect(third.code).toBe(0)
    expect(indexSources(path.join(dir, 'o2'))).toEqual(['a.txt'])
    expect(read(third.stderr)).toEqual(['in/b.html', 'in/sub/d.txt'])
  })

  it('expands globs itself, and a file named explicitly is read whatever its extension', async () => {
    write('in/a.txt', GAP)
    write('in/b.txt', GAP)
    write('in/c.html', GAP)
    write('notes.md', GAP)
    const run = await runCli(['in/*.txt', 'notes.md', '--out', 'out', '--formats', 'json'], {cwd: dir})
    expect(run.code).toBe(0)
    // One document read three times: written once, the other two reported as duplicates.
    expect(indexSources(path.join(dir, 'out'))).toEqual(['a.txt'])
    expect(run.stderr.match(/Duplicate document: the same text as document 1 of `in\/a\.txt`/g)).toHaveLength(2)
    expect(run.stderr).toContain('in/b.txt')
    expect(run.stderr).toContain('notes.md')
    const none = await runCli(['in/*.doc', '--out', 'out', '--formats', 'json'], {cwd: dir})
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('No input files match the pattern')
  })

  it('a missing path is that path’s error: the others convert, exit 1', async () => {
    const out = path.join(dir, 'out')
    mkdirSync(path.join(dir, 'empty'))
    const run = await runCli([path.join(dir, 'missing.txt'), seedPath, path.join(dir, 'empty'), '--out', out, '--formats', 'json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/missing\.txt\n.*error.*No such file or folder/)
    expect(run.stderr).toMatch(/empty\n.*error.*No input files in the folder/)
    expect(readdirSync(path.join(out, 'json'))).toHaveLength(3)
  })
})

describe('--tree-out', () => {
  it('writes the document tree as JSON, to standard output or beside the formats', async () => {
    const run = await runCli(['--tree-out', seedPath])
    expect(run.code).toBe(0)
    const tree = JSON.parse(run.stdout.toString()) as {type: string; data: {generator: string}; children: Array<{type: string; meta: {id: string}; position: {start: {offset: number}}}>}
    expect(tree.type).toBe('root')
    expect(tree.data.generator).toBe(generator)
    expect(tree.children.map((d) => d.type)).toEqual(['document', 'document', 'document'])
    expect(tree.children[0]!.meta.id).toBe('/akn/cn/statement/jointStatement/1994-03-07/cn-az')
    const out = path.join(dir, 'out')
    expect((await runCli(['--tree-out', seedPath, '--out', out, '--formats', 'json'])).code).toBe(0)
    expect(readdirSync(path.join(out, 'tree')).sort()).toEqual(readdirSync(path.join(out, 'json')).sort())
    expect(JSON.parse(readFileSync(path.join(out, 'tree', '1994-03-07_cn-az_jointStatement.json'), 'utf8'))).toEqual(tree.children[0])
  })
})

describe('config file', () => {
  it('.diptextrc.json sets formats and out (relative to the file); flags take precedence', async () => {
    write('project/.diptextrc.json', JSON.stringify({formats: ['json'], out: 'converted', strict: true}))
    write('project/pages/gap.txt', GAP)
    const cwd = path.join(dir, 'project', 'pages')
    const run = await runCli(['gap.txt'], {cwd})
    // strict from the config: the numbering gap fails the run.
    expect(run.code).toBe(1)
    expect(readdirSync(path.join(dir, 'project', 'converted'))).toEqual(['index.json', 'json', 'manifest.json'])
    expect((await runCli(['gap.txt', '--formats', 'md', '--out', 'here'], {cwd})).code).toBe(1)
    expect(readdirSync(path.join(cwd, 'here'))).toEqual(['index.json', 'manifest.json', 'md'])
    // -t without --out is standard output, whatever the config's `out`.
    const stdout = await runCli(['gap.txt', '-t', 'md'], {cwd})
    expect(stdout.stdout.toString()).toContain('# 中华人民共和国和阿塞拜疆共和国联合声明')
    expect((await runCli(['gap.txt', '--no-config'], {cwd})).stderr).toContain('Missing `--out <dir>`')
  })

  it('reads the `diptext` field of package.json; unknown keys and bad values are usage errors', async () => {
    write('project/package.json', JSON.stringify({name: 'x', diptext: {formats: 'md', out: 'o'}}))
    write('project/gap.txt', GAP)
    const cwd = path.join(dir, 'project')
    expect((await runCli(['gap.txt'], {cwd})).code).toBe(0)
    expect(readdirSync(path.join(cwd, 'o'))).toEqual(['index.json', 'manifest.json', 'md'])
    write('project/.diptextrc.json', JSON.stringify({formatz: ['md']}))
    const bad = await runCli(['gap.txt'], {cwd})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^diptext: Config .*\.diptextrc\.json: unknown key `formatz`.*\n$/)
    write('project/.diptextrc.json', '{"jobs": 0}')
    expect((await runCli(['gap.txt'], {cwd})).stderr).toContain('`jobs` must be a whole number')
  })
})

describe('usage errors: one line, exit 2, no stack trace', () => {
  it.each([
    [['-e', 'bogus'], {}, 'Unknown encoding `bogus`'],
    [['--formats', 'docx'], {}, 'Unknown format(s) `docx`'],
    [['--report', 'xml'], {}, 'Unknown reporter `xml`'],
    [['--jobs', 'many'], {}, 'Bad `--jobs` value'],
    [['--ext', 'a b'], {}, 'Bad `--ext` value'],
    [['--bogus'], {}, "Unknown option '--bogus'"],
    [[], {SOURCE_DATE_EPOCH: 'yesterday'}, 'SOURCE_DATE_EPOCH must be a whole number of seconds']
  ] as Array<[string[], NodeJS.ProcessEnv, string]>)('%j %j', async (flags, env, text) => {
    const run = await runCli([seedPath, '--out', path.join(dir, 'out'), ...flags], {env})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(text)
    expect(run.stderr.split('\n')).toHaveLength(2)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
  })
})

describe('--validate', () => {
  it.skipIf(!findSchemaDir())(`checks this run's Akoma Ntoso, even when akn is not written or goes to standard output${findSchemaDir() ? '' : ' [SKIPPED: no AKN schema]'}`, async () => {
    const run = await runCli([seedPath, '--out', path.join(dir, 'out'), '--formats', 'json', '--validate'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('3 of 3 Akoma Ntoso document(s) valid')
    const gap = write('gap.txt', GAP)
    const stdout = await runCli([gap, '-t', 'md', '--validate'])
    expect(stdout.code).toBe(0)
    expect(stdout.stderr).toContain('1 of 1 Akoma Ntoso document(s) valid')
  })
})

describe('the tool version in every output with metadata', () => {
  it('JSON generator, Markdown front matter, AKN manifestation, PDF Creator and Producer', async () => {
    const out = path.join(dir, 'out')
    expect((await runCli([seedPath, '--out', out])).code).toBe(0)
    const stem = '1994-03-07_cn-az_jointStatement'
    expect(JSON.parse(readFileSync(path.join(out, 'json', `${stem}.json`), 'utf8')).generator).toBe(generator)
    expect(readFileSync(path.join(out, 'md', `${stem}.md`), 'utf8')).toMatch(new RegExp(`^---\\n[^]*\\ngenerator: ${generator}\\n---\\n`))
    const akn = readFileSync(path.join(out, 'akn', `${stem}.xml`), 'utf8')
    const manifestation = /<FRBRManifestation>[^]*<\/FRBRManifestation>/.exec(akn)?.[0] ?? ''
    expect(manifestation).toMatch(new RegExp(`<preservation>\\s*<diptext:generator name="diptext" version="${pkg.version.replaceAll('.', '\\.')}"`))
    const pdf = await pdfjs.getDocument({data: new Uint8Array(readFileSync(path.join(out, 'pdf', `${stem}.pdf`))), useSystemFonts: false}).promise
    const {info} = (await pdf.getMetadata()) as unknown as {info: {Creator: string; Producer: string}}
    expect(info.Creator).toBe(generator)
    expect(info.Producer).toBe(`${generator} (PDFKit)`)
    await pdf.destroy()
  })
})
