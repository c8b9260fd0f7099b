/**
 * The command line, after pandoc and unified-args: `diptext <paths> --out <dir>`
 * writes every format into a folder, `diptext -t md page.txt` writes one format
 * to standard output, `diptext validate <paths>` checks Akoma Ntoso files.
 * Options come from the command line, then the config file, then defaults.
 *
 * Exit codes: 0 done; 1 a file failed, a path gave no input, a warning was
 * raised under `--strict`, or a document is invalid under `--validate`;
 * 2 usage error (one line on standard error, no stack trace).
 */
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {availableParallelism} from 'node:os'
import type {Input} from '../batch/convert.js'
import {runBatch, type BatchResult, type Shard} from '../batch/engine.js'
import {LockedError} from '../batch/lock.js'
import {MergeError, mergeShards, type Merged} from '../batch/merge.js'
import {createProgress} from '../batch/progress.js'
import {ENCODING_LABELS} from '../read/decode.js'
import {TREE_VERSION, type Document, type Root} from '../tree/types.js'
import {createWriteContext, sourceDateEpochFrom} from '../write/context.js'
import {getWriter, writers} from '../write/registry.js'
import type {WriteContext} from '../write/types.js'
import {generator, version} from '../version.js'
import {findConfig} from './config.js'
import {collectInputs, type Collected} from './inputs.js'
import {DEFAULT_EXTENSIONS, helpText, parseConfig, REPORTERS, type ReporterName} from './options.js'
import {formatReport, wantColor, type ReportOptions} from './report.js'
import {concatenate} from './stdout.js'
import {UsageError} from './usage.js'
import {readXmlFiles, validateDocuments, type Validated} from './validate.js'
import {AKN_SCHEMA_FILE} from '../validate/akn-schema.js'

/** What the command line reads and writes; tests pass their own. */
export interface Io {
  stdout: {write(chunk: string | Uint8Array): unknown; isTTY?: boolean}
  stderr: {write(chunk: string): unknown; isTTY?: boolean}
  stdin: () => Promise<Uint8Array>
  env: NodeJS.ProcessEnv
  cwd: string
}

export async function main(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const sys: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    stdin: io.stdin ?? readStdin,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd()
  }
  try {
    return await run(argv, sys)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    sys.stderr.write(`diptext: ${error.message} (see \`diptext --help\`)\n`)
    return 2
  }
}

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>

function parse(argv: string[]): {values: Values; positionals: string[]} {
  try {
    return parseArgs({args: argv, allowPositionals: true, strict: true, options: parseConfig()})
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error))
  }
}

function text(values: Values, key: string): string | undefined {
  const value = values[key]
  return typeof value === 'string' ? value : undefined
}

function list(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter(Boolean)
}

async function run(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(argv)
  if (values['help']) {
    io.stdout.write(helpText(version) + '\n')
    return 0
  }
  if (values['version']) {
    io.stdout.write(generator + '\n')
    return 0
  }
  const reportOptions: ReportOptions = {
    reporter: reporterName(text(values, 'report')),
    color: wantColor({color: values['color'] === true, noColor: values['no-color'] === true}, io.env, io.stderr.isTTY === true),
    verbose: values['verbose'] === true,
    quiet: values['quiet'] === true
  }
  const [first, ...rest] = positionals
  if (first === 'validate') return validateCommand(rest, io, reportOptions)
  if (first === 'merge') return mergeCommand(rest, values, io, reportOptions)
  return convertCommand(first === 'convert' ? rest : positionals, values, io, reportOptions)
}

function reporterName(value: string | undefined): ReporterName {
  if (value === undefined) return 'default'
  if (!(REPORTERS as readonly string[]).includes(value)) throw new UsageError(`Unknown reporter \`${value}\`, expected one of: ${REPORTERS.join(', ')}`)
  return value as ReporterName
}

interface Settings {
  formats: string[]
  /** The output folder (absolute), or null for standard output. */
  out: string | null
  /** The output folder as given, for messages. */
  outName: string | null
  treeOut: boolean
  encoding: string | undefined
  extensions: string[]
  strict: boolean
  validate: boolean
  jobs: number
  sourceDateEpoch: number | null
  /** The cache folder (absolute), or null with `--no-cache`. */
  cache: string | null
  keepStale: boolean
  shard: Shard | null
}

/** Command line over config over defaults; every bad value is a UsageError. */
function settings(values: Values, io: Io): Settings {
  const config = values['no-config'] ? {} : findConfig(io.cwd)
  const to = text(values, 'to')
  const formatsFlag = text(values, 'formats')
  if (to !== undefined && formatsFlag !== undefined) throw new UsageError('Use either `-t <format>` or `--formats <list>`, not both')
  const formats = to !== undefined ? [to] : formatsFlag !== undefined ? list(formatsFlag) : (config.formats ?? [...writers.keys()])
  const unknown = formats.filter((f) => !writers.has(f))
  if (unknown.length > 0) throw new UsageError(`Unknown format(s) ${unknown.map((f) => '`' + f + '`').join(', ')}, expected: ${[...writers.keys()].join(', ')}`)
  if (formats.length === 0) throw new UsageError('No format given')

  const treeOut = values['tree-out'] === true
  const outFlag = text(values, 'out')
  // `-t` without `--out` writes to standard output even when the config names a folder (pandoc's habit).
  const out = outFlag ?? (to !== undefined || treeOut ? undefined : config.out)
  const toStdout = out === undefined || out === '-'
  if (out === undefined && to === undefined && !treeOut) throw new UsageError('Missing `--out <dir>` (or `-t <format>` to write to standard output)')
  if (toStdout && to !== undefined && treeOut) throw new UsageError('Standard output takes one thing: `-t <format>` or `--tree-out`; add `--out <dir>` for both')
  if (toStdout && !treeOut && formats.length !== 1) throw new UsageError('Standard output takes one format: use `-t <format>`')

  const encoding = text(values, 'encoding') ?? config.encoding
  if (encoding !== undefined && !Object.hasOwn(ENCODING_LABELS, encoding.trim().toLowerCase())) {
    throw new UsageError(`Unknown encoding \`${encoding}\`, expected one of: ${Object.keys(ENCODING_LABELS).join(', ')}`)
  }
  const extFlag = text(values, 'ext')
  const extensions = extFlag !== undefined ? list(extFlag) : (config.ext ?? [...DEFAULT_EXTENSIONS])
  const badExtension = extensions.find((e) => !/^\.?[A-Za-z0-9_-]+$/.test(e))
  if (extensions.length === 0 || badExtension !== undefined) throw new UsageError(`Bad \`--ext\` value \`${badExtension ?? ''}\`: give extensions like txt,html`)
  const jobsFlag = text(values, 'jobs')
  if (jobsFlag !== undefined && !/^[1-9]\d*$/.test(jobsFlag)) throw new UsageError(`Bad \`--jobs\` value \`${jobsFlag}\`: give a whole number of at least 1`)

  let sourceDateEpoch: number | null
  try {
    sourceDateEpoch = sourceDateEpochFrom(io.env)
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  return {
    formats,
    out: toStdout ? null : path.resolve(io.cwd, out),
    outName: toStdout ? null : out,
    treeOut,
    encoding,
    extensions,
    strict: values['strict'] === true || config.strict === true,
    validate: values['validate'] === true,
    jobs: jobsFlag !== undefined ? Number(jobsFlag) : (config.jobs ?? defaultJobs()),
    sourceDateEpoch,
    cache: values['no-cache'] === true ? null : path.resolve(io.cwd, text(values, 'cache') ?? '.diptext-cache'),
    keepStale: values['keep-stale'] === true,
    shard: shardFrom(text(values, 'shard'), toStdout)
  }
}

/** `--shard K/N`: 1 ≤ K ≤ N. */
function shardFrom(value: string | undefined, toStdout: boolean): Shard | null {
  if (value === undefined) return null
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value)
  if (!match || Number(match[1]) > Number(match[2])) throw new UsageError(`Bad \`--shard\` value \`${value}\`: give K/N with 1 ≤ K ≤ N (shard 1/4 … 4/4)`)
  if (toStdout) throw new UsageError('`--shard` writes into a folder: add `--out <dir>`')
  return {index: Number(match[1]), count: Number(match[2])}
}

async function convertCommand(paths: string[], values: Values, io: Io, reportOptions: ReportOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('No input given: name files, folders, globs, or `-` for standard input')
  const options = settings(values, io)
  const collected = await collectInputs(paths, {
    cwd: io.cwd,
    extensions: options.extensions,
    // An output folder inside an input folder is never read back as input.
    exclude: options.out === null ? [] : [options.out],
    stdin: io.stdin,
    lazy: options.out !== null
  })
  const inputs = collected.flatMap((c): Input[] => ('input' in c ? [c.input] : []))
  if (options.out === null && !options.treeOut && inputs.length > 1) {
    throw new UsageError(`Standard output takes one input file, ${inputs.length} given: use \`--out <dir>\``)
  }

  if (options.out !== null) return batchCommand(collected, inputs, options, io, reportOptions)

  // Imported when used: a batch run converts on its worker threads, and this thread never loads the stages.
  const {convert} = await import('../batch/convert.js')
  const result = await convert(inputs, options.encoding === undefined ? {} : {encoding: options.encoding})
  const files = inOrder(collected, result.files)
  const fileOf = new Map<Document, VFile>()
  for (const [file, tree] of result.trees) for (const doc of tree.children) fileOf.set(doc, file)
  const fail = (doc: Document | null, reason: string, cause: unknown): void => {
    const file = (doc && fileOf.get(doc)) ?? result.files[0] ?? files[0]
    const message = file?.message(reason, {ruleId: 'write-failed', source: 'diptext', ...(cause instanceof Error ? {cause} : {})})
    if (message) message.fatal = true
  }

  // Writers' warnings (a glyph no font has, nesting flattened) go to the document's own file.
  const context = createWriteContext(result.documents, {sourceDateEpoch: options.sourceDateEpoch, fileOf: (doc) => fileOf.get(doc)})
  await writeStdout(result.documents, options, context, io, fail)

  const akn: Array<{name: string; xml: string}> = []
  if (options.validate) {
    for (const doc of result.documents) {
      const xml = new TextDecoder().decode(await context.render('akn', doc))
      akn.push({name: `${fileOf.get(doc)?.path ?? doc.meta.source.file}#${doc.meta.slug}.xml`, xml})
    }
  }
  const what = options.treeOut ? 'tree' : options.formats.join(', ')
  return conclude(files, akn, options, io, reportOptions, `${result.documents.length} document(s) from ${inputs.length} file(s) → ${options.outName ?? 'standard output'} (${what})`)
}

/** Validates the Akoma Ntoso when asked, reports every message, says what was done, and gives the exit code. */
async function conclude(
  files: readonly VFile[],
  akn: ReadonlyArray<{name: string; xml: string}>,
  options: Settings,
  io: Io,
  reportOptions: ReportOptions,
  summary: string
): Promise<number> {
  let invalid = false
  const reported = [...files]
  if (options.validate && akn.length > 0) {
    const validated = await validate([...akn])
    reported.push(...validated.files)
    invalid = validated.unavailable || validated.valid < validated.total
    if (!validated.unavailable && !reportOptions.quiet && reportOptions.reporter === 'default') io.stderr.write(validSummary(validated.valid, validated.total))
  }
  const warned = files.some((f) => f.messages.some((m) => m.fatal === false))
  io.stderr.write(formatReport(reported, reportOptions))
  if (!reportOptions.quiet && reportOptions.reporter === 'default') io.stderr.write(summary + '\n')
  const failed = files.some((f) => f.messages.some((m) => m.fatal === true))
  return failed || invalid || (options.strict && warned) ? 1 : 0
}

/**
 * Threads by default: one per core but one. V8 collects garbage and compiles on
 * threads of its own, which keep a core busy beside a converting thread (one
 * thread uses about 1.5 cores); a second converting thread on two cores only
 * adds CPU (measured: the same wall time for 40 % more CPU).
 */
function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1)
}

/**
 * `DIPTEXT_RETAIN_MIB`: how many MiB of input a run keeps converted in memory
 * between its two passes (unset: the engine's default, 4 MiB up to 5,000 files,
 * none beyond); the trees of the rest wait on disk.
 */
function retainBytesFrom(env: NodeJS.ProcessEnv): {retainBytes?: number} {
  const raw = env['DIPTEXT_RETAIN_MIB']
  if (raw === undefined || raw === '') return {}
  if (!/^\d+(?:\.\d+)?$/.test(raw)) throw new UsageError(`DIPTEXT_RETAIN_MIB must be a number of MiB, got \`${raw}\``)
  return {retainBytes: Math.floor(Number(raw) * 2 ** 20)}
}

/** `--out <dir>`: the batch engine (two passes, threads, cache, manifest, shards). */
async function batchCommand(collected: readonly Collected[], inputs: readonly Input[], options: Settings, io: Io, reportOptions: ReportOptions): Promise<number> {
  const out = options.out!
  const progress = reportOptions.quiet || io.stderr.isTTY !== true ? null : createProgress(io.stderr)
  let result: BatchResult
  try {
    result = await runBatch(
      inputs.map((input) => (input.absolute !== undefined ? {path: input.path, absolute: input.absolute} : {path: input.path, bytes: input.bytes})),
      {
        out,
        outName: options.outName ?? out,
        formats: options.formats,
        treeOut: options.treeOut,
        ...(options.encoding === undefined ? {} : {encoding: options.encoding}),
        sourceDateEpoch: options.sourceDateEpoch,
        jobs: options.jobs,
        cache: options.cache,
        keepStale: options.keepStale,
        shard: options.shard,
        validate: options.validate,
        ...retainBytesFrom(io.env),
        notes: reportOptions.verbose,
        ...(progress ? {progress: progress.update} : {})
      }
    )
  } catch (error) {
    if (error instanceof LockedError) throw new UsageError(error.message)
    throw error
  } finally {
    progress?.clear()
  }
  const files = inOrder(collected, result.files)
  const akn = result.akn.map(({name, xml}) => ({name: path.isAbsolute(name) ? path.relative(io.cwd, name) : name, xml}))
  const what = options.formats.join(', ') + (options.treeOut ? ', tree' : '')
  const shard = options.shard ? ` (shard ${options.shard.index}/${options.shard.count}: ${result.inShard})` : ''
  const reused = result.inShard - result.rendered
  const summary = `${result.documents} document(s) from ${inputs.length} file(s)${shard} → ${options.outName} (${what})${reused > 0 ? `; ${reused} unchanged, not rewritten` : ''}`
  return conclude(files, akn, options, io, reportOptions, summary)
}

/** `diptext merge DIR… --out DIR`: one output folder from the shards' folders. */
async function mergeCommand(paths: string[], values: Values, io: Io, reportOptions: ReportOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('`merge` needs the output folders of the shards')
  const outName = text(values, 'out')
  if (outName === undefined || outName === '-') throw new UsageError('`merge` needs `--out <dir>`')
  const out = path.resolve(io.cwd, outName)
  let merged: Merged
  try {
    merged = await mergeShards(paths.map((p) => path.resolve(io.cwd, p)), {out, outName, keepStale: values['keep-stale'] === true})
  } catch (error) {
    if (error instanceof LockedError || error instanceof MergeError) throw new UsageError(error.message)
    throw error
  }
  io.stderr.write(formatReport(merged.files, reportOptions))
  if (!reportOptions.quiet && reportOptions.reporter === 'default') io.stderr.write(`${merged.documents} document(s) from ${paths.length} shard(s) → ${outName}\n`)
  return merged.files.some((f) => f.messages.some((m) => m.fatal === true)) ? 1 : 0
}

/** The run's vfiles in the order of the command line: path errors where their path was. */
function inOrder(collected: readonly Collected[], converted: readonly VFile[]): VFile[] {
  let next = 0
  return collected.map((c) => ('error' in c ? c.error : converted[next++]!))
}

async function writeStdout(
  documents: readonly Document[],
  options: Settings,
  context: WriteContext,
  io: Io,
  fail: (doc: Document | null, reason: string, cause: unknown) => void
): Promise<void> {
  if (options.treeOut) {
    const root: Root & {data: {generator: string; treeVersion: string}} = {type: 'root', children: [...documents], data: {generator, treeVersion: TREE_VERSION}}
    io.stdout.write(JSON.stringify(root, null, 2) + '\n')
    return
  }
  const format = options.formats[0]!
  const writer = getWriter(format)
  if (writer.mediaType === 'application/pdf' && io.stdout.isTTY === true) {
    throw new UsageError('Cannot write PDF to a terminal: redirect standard output or use `--out <dir>`')
  }
  const rendered: Uint8Array[] = []
  for (const doc of documents) {
    try {
      rendered.push(await context.render(format, doc))
    } catch (error) {
      fail(doc, `Cannot write ${format} for ${doc.meta.id}: ${error instanceof Error ? error.message : String(error)}`, error)
    }
  }
  if (rendered.length === 0) return
  const bytes = concatenate(format, rendered)
  if (bytes === null) {
    throw new UsageError(`One input holds ${rendered.length} documents and ${format} writes one per file: use \`--out <dir>\``)
  }
  io.stdout.write(bytes)
}

/** Validation of `docs`; a schema that cannot be loaded is one fatal message, so every reporter shows it. */
async function validate(docs: ReadonlyArray<{name: string; xml: string}>): Promise<Validated & {unavailable: boolean}> {
  try {
    return {...(await validateDocuments(docs)), unavailable: false}
  } catch (error) {
    const file = new VFile({path: AKN_SCHEMA_FILE})
    const message = file.message(`Cannot validate: ${error instanceof Error ? error.message : String(error)}`, {ruleId: 'akn-schema', source: 'diptext'})
    message.fatal = true
    return {files: [file], valid: 0, total: docs.length, unavailable: true}
  }
}

function validSummary(valid: number, total: number): string {
  return `${valid} of ${total} Akoma Ntoso document(s) valid against the AKN 3.0 schema\n`
}

async function validateCommand(paths: string[], io: Io, reportOptions: ReportOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('`validate` needs at least one file or folder')
  const {docs, errors} = await readXmlFiles(paths, io.cwd)
  const validated = docs.length > 0 ? await validate(docs) : {files: [], valid: 0, total: 0, unavailable: false}
  io.stderr.write(formatReport([...errors, ...validated.files], reportOptions))
  if (!validated.unavailable && !reportOptions.quiet && reportOptions.reporter === 'default') io.stderr.write(validSummary(validated.valid, validated.total))
  return errors.length > 0 || validated.unavailable || validated.valid < validated.total ? 1 : 0
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
