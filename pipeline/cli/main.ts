#!/usr/bin/env node
/**
 * Command line: `diptext <files|folders|-> --out <dir> [--formats json,md,akn,pdf]`.
 * Exit codes: 0 done; 1 a file failed, or (with `--strict`) a warning was
 * raised, or (with `--validate`) a document is invalid; 2 usage error.
 */
import process from 'node:process'
import {parseArgs} from 'node:util'
import {reporter} from 'vfile-reporter'
import type {VFile} from 'vfile'
import {convert, type Input} from '../batch/convert.js'
import {writeBatch} from '../batch/write.js'
import {createWriteContext, sourceDateEpochFrom} from '../write/context.js'
import {writers} from '../write/registry.js'
import {collectInputs, UsageError} from './inputs.js'
import {validateWritten} from './validate.js'

const HELP = `Usage: diptext [convert] <file|folder|->... --out <dir> [options]
       diptext validate <file|folder>...

Converts scraped Chinese diplomatic texts into ${[...writers.keys()].join(', ')}.

Options:
  -o, --out <dir>        output folder (required for convert)
  -f, --formats <list>   comma-separated formats (default: ${[...writers.keys()].join(',')})
  -e, --encoding <name>  input encoding, overriding detection (utf-8, gb18030, big5, utf-16le, …)
      --validate         validate every Akoma Ntoso document written against the schema
      --strict           exit 1 when any warning is raised (for CI)
  -v, --verbose          also report informational notes (unresolved citations, front matter)
  -q, --quiet            report nothing but errors
  -h, --help             show this help

Exit codes: 0 done, 1 a file failed (or a warning with --strict), 2 usage error.`

export async function main(argv: string[]): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string', short: 'o'},
        formats: {type: 'string', short: 'f'},
        encoding: {type: 'string', short: 'e'},
        validate: {type: 'boolean', default: false},
        strict: {type: 'boolean', default: false},
        verbose: {type: 'boolean', short: 'v', default: false},
        quiet: {type: 'boolean', short: 'q', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      }
    })
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error))
  }
  const {values, positionals} = args
  if (values.help) {
    process.stdout.write(HELP + '\n')
    return 0
  }
  const [first, ...rest] = positionals
  if (first === 'validate') {
    if (rest.length === 0) return usage('`validate` needs at least one file or folder')
    return validateWritten(rest)
  }
  const paths = first === 'convert' ? rest : positionals
  if (paths.length === 0) return usage('No input given: name files, folders, or `-` for standard input')
  if (!values.out) return usage('Missing `--out <dir>`')
  const formats = (values.formats ?? [...writers.keys()].join(',')).split(',').map((f) => f.trim()).filter(Boolean)
  const unknown = formats.filter((f) => !writers.has(f))
  if (unknown.length > 0) return usage(`Unknown format(s) ${unknown.map((f) => '`' + f + '`').join(', ')}, expected: ${[...writers.keys()].join(', ')}`)

  let inputs: Input[]
  let epoch: number | null
  try {
    inputs = await collectInputs(paths, async () => readStdin())
    epoch = sourceDateEpochFrom(process.env)
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message)
    throw error
  }

  const result = await convert(inputs, values.encoding === undefined ? {} : {encoding: values.encoding})
  const context = createWriteContext(result.documents, {sourceDateEpoch: epoch})
  const report = await writeBatch(result.documents, {out: values.out, formats, context})
  for (const failure of report.failures) {
    const file = result.files.find((f) => f.basename === failure.document.meta.source.file || f.path === failure.document.meta.source.file)
    const message = (file ?? result.files[0])?.message(`Cannot write ${failure.format} for ${failure.document.meta.id}: ${failure.error.message}`, {
      ruleId: 'write-failed',
      source: 'diptext',
      cause: failure.error
    })
    if (message) message.fatal = true
  }

  if (report.indexError) {
    const message = result.files[0]?.message(`Cannot write index.json: ${report.indexError.message}`, {ruleId: 'write-failed', source: 'diptext', cause: report.indexError})
    if (message) message.fatal = true
  }
  for (const failure of report.collectionFailures) {
    const message = result.files[0]?.message(`Cannot write the ${failure.format} collection: ${failure.error.message}`, {ruleId: 'write-failed', source: 'diptext', cause: failure.error})
    if (message) message.fatal = true
  }
  const warned = result.files.some((f) => f.messages.some((m) => m.fatal === false))
  report_(result.files, values)
  let validationFailed = false
  if (values.validate && formats.includes('akn')) {
    validationFailed = (await validateWritten([`${values.out}/akn`])) !== 0
  }
  if (!values.quiet) {
    process.stderr.write(`${result.documents.length} document(s) from ${inputs.length} file(s) → ${values.out} (${formats.join(', ')})\n`)
  }
  const failed = result.failed.length > 0 || report.failures.length > 0 || report.indexError !== undefined || result.files.some((f) => f.messages.some((m) => m.fatal === true))
  return failed || validationFailed || (values.strict && warned) ? 1 : 0
}

function report_(files: VFile[], options: {verbose: boolean; quiet: boolean}): void {
  if (!options.verbose) {
    for (const file of files) file.messages = file.messages.filter((m) => m.fatal !== undefined && m.fatal !== null)
  }
  const text = reporter(files, {quiet: true, silent: options.quiet})
  if (text) process.stderr.write(text + '\n')
}

function usage(reason: string): number {
  process.stderr.write(`diptext: ${reason}\n\n${HELP}\n`)
  return 2
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

// Run when executed, not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/main.js')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`diptext: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = 1
    }
  )
}

