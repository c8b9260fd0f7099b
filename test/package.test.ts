/**
 * The package as a user gets it: `npm pack`, install the tarball into a new
 * project (dependencies from the npm cache that `npm ci` filled), then run the
 * installed bin through `npx`, convert the seed, validate the Akoma Ntoso with
 * the installed `diptext validate`, and type-check a TypeScript file that
 * imports from 'diptext'. Nothing here uses the repository's own node_modules.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {findSchemaDir} from '../pipeline/validate/akn-schema.js'
import {writers} from '../pipeline/write/registry.js'
import {root, seedPath} from './helpers/seed.js'

interface Manifest {
  name: string
  version: string
  bin: Record<string, string>
  exports: Record<string, unknown>
  files: string[]
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest
const schemaDir = findSchemaDir()
const NO_SCHEMA = ' [SKIPPED: no AKN schema: set AKN_SCHEMA_DIR, provide ../shared/schemas/akn or run scripts/fetch-schemas.sh]'

/** The machine's environment without the variables of an enclosing npm run, which would steer the inner npm. */
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
env['npm_config_update_notifier'] = 'false'
delete env['SOURCE_DATE_EPOCH']

let work: string
let project: string
let packed: {filename: string; files: Array<{path: string}>}

function sh(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): {status: number; stdout: string; stderr: string} {
  const result = spawnSync(command, args, {cwd, env: {...env, ...extra}, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  if (result.error) throw result.error
  return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** `make test` builds first; run alone, this file rebuilds `dist/` only when a source is newer. */
function ensureBuilt(): void {
  const built = (() => {
    try {
      return statSync(path.join(root, manifest.bin['diptext']!)).mtimeMs
    } catch {
      return 0
    }
  })()
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, {withFileTypes: true}).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)))
  if (built < Math.max(newest(path.join(root, 'pipeline')), statSync(path.join(root, 'package.json')).mtimeMs)) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')], {stdio: 'inherit'})
  }
}

beforeAll(() => {
  ensureBuilt()
  work = mkdtempSync(path.join(tmpdir(), 'diptext-package-'))
  project = path.join(work, 'project')
  // --ignore-scripts: the build above is the one build; `prepack` would run tsc again.
  const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)
  expect(pack.status, pack.stderr).toBe(0)
  packed = (JSON.parse(pack.stdout) as Array<typeof packed>)[0]!

  execFileSync('mkdir', ['-p', project])
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
  const install = sh(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, packed.filename), `typescript@${manifest.devDependencies['typescript']}`, `@types/node@${manifest.devDependencies['@types/node']}`],
    project
  )
  expect(install.status, install.stderr).toBe(0)
}, 300_000)

afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

describe('the packed tarball', () => {
  it('holds what users need and nothing else', () => {
    const paths = packed.files.map((f) => f.path)
    expect(paths).toContain('dist/pipeline/index.js')
    expect(paths).toContain('dist/pipeline/index.d.ts')
    expect(paths).toContain(manifest.bin['diptext'])
    expect(paths).toContain('schema/document.schema.json')
    expect(paths.filter((p) => /^(test|sources|bench|dist\/bench|pipeline)\//.test(p))).toEqual([])
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([])
  })

  it('declares every package its code imports as a dependency', () => {
    const dist = path.join(root, 'dist', 'pipeline')
    const files = (readdirSync(dist, {recursive: true}) as string[]).filter((f) => f.endsWith('.js'))
    const imported = new Set<string>()
    for (const file of files) {
      const code = readFileSync(path.join(dist, file), 'utf8')
      for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire(?:\.resolve)?\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
        const specifier = match[1]!
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!)
      }
    }
    expect(imported.size).toBeGreaterThan(5)
    expect([...imported].filter((name) => !(name in manifest.dependencies))).toEqual([])
  })

  it('needs one build: installing runs no build script', () => {
    expect(Object.keys(manifest.scripts).filter((name) => ['prepare', 'preinstall', 'install', 'postinstall'].includes(name))).toEqual([])
  })
})

describe('installed into a new project', () => {
  it('npx diptext --version', () => {
    const run = sh('npx', ['--no-install', 'diptext', '--version'], project)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(`diptext ${manifest.version}\n`)
    expect(run.status).toBe(0)
  })

  it('converts the seed with the installed bin', () => {
    copyFileSync(seedPath, path.join(project, 'seed.txt'))
    const run = sh('npx', ['--no-install', 'diptext', 'seed.txt', '--out', 'out'], project)
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toContain(`3 document(s) from 1 file(s) → out (${[...writers.keys()].join(', ')})`)
    for (const writer of writers.values()) {
      // One file per document (named by its Work date); a writer's collection files (html/index.html) come besides.
      const perDocument = readdirSync(path.join(project, 'out', writer.directory)).filter((f) => f.endsWith(writer.extension) && /^\d{4}-\d{2}-\d{2}_/.test(f))
      expect(perDocument, writer.name).toHaveLength(3)
    }
    const md = sh('npx', ['--no-install', 'diptext', '-t', 'md', 'seed.txt'], project)
    expect(md.stdout).toContain('# 关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明')
  })

  it.skipIf(!schemaDir)(`validates with the installed \`diptext validate\`${schemaDir ? '' : NO_SCHEMA}`, () => {
    const ok = sh('npx', ['--no-install', 'diptext', 'validate', 'out/akn'], project, {AKN_SCHEMA_DIR: schemaDir!})
    expect(ok.stderr).toContain('3 of 3 Akoma Ntoso document(s) valid')
    expect(ok.status).toBe(0)
    const file = path.join(project, 'out', 'akn', readdirSync(path.join(project, 'out', 'akn'))[0]!)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<FRBRdate date="\d{4}-\d{2}-\d{2}"/, '<FRBRdate date="someday"'))
    const bad = sh('npx', ['--no-install', 'diptext', 'validate', 'out/akn'], project, {AKN_SCHEMA_DIR: schemaDir!})
    expect(bad.stderr).toContain('2 of 3 Akoma Ntoso document(s) valid')
    expect(bad.status).toBe(1)
  })

  it("type-checks TypeScript that imports convert from 'diptext', and runs it", () => {
    writeFileSync(
      path.join(project, 'check.ts'),
      `import {convert, createWriteContext, version, type Document} from 'diptext'

const {documents, files} = await convert([{path: 'page.txt', bytes: new TextEncoder().encode('中华人民共和国和阿塞拜疆共和国联合声明\\n一、双方同意。\\n')}])
const first: Document | undefined = documents[0]
const xml: Uint8Array = await createWriteContext(documents).render('akn', first!)
const messages: string[] = files.flatMap((file) => file.messages.map(String))
const release: string = version
// @ts-expect-error: inputs are {path, bytes} objects, not paths
if (release === '') await convert(['page.txt'])
console.log(JSON.stringify({documents: documents.length, xml: xml.byteLength > 0, messages: messages.length, release}))
`
    )
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false, types: ['node'], outDir: 'build'},
        files: ['check.ts']
      })
    )
    const tsc = sh('npx', ['--no-install', 'tsc', '-p', '.'], project)
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
    const run = sh(process.execPath, ['build/check.js'], project)
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({documents: 1, xml: true, messages: expect.any(Number), release: manifest.version})
    // Only the entry points in `exports` are reachable.
    const deep = sh(process.execPath, ['--input-type=module', '-e', "await import('diptext/dist/pipeline/cli/main.js')"], project)
    expect(deep.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED')
  })
})
