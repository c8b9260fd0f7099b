/**
 * The one table of command-line options: `parseArgs` is configured from it,
 * `--help` prints it, and the README's options table is checked against it by
 * a test, so the three cannot drift apart.
 */
import type {ParseArgsConfig} from 'node:util'
import {writers} from '../write/registry.js'

export interface OptionSpec {
  long: string
  short?: string
  /** Placeholder of the value (`<dir>`); absent for a flag. */
  value?: string
  description: string
}

const formatNames = [...writers.keys()]

/** Extensions read from folders and globs when `--ext` is not given: text and HTML. */
export const DEFAULT_EXTENSIONS: readonly string[] = ['txt', 'text', 'htm', 'html', 'xhtml', 'shtml']

export const REPORTERS = ['default', 'json', 'github'] as const
export type ReporterName = (typeof REPORTERS)[number]

export const OPTIONS: readonly OptionSpec[] = [
  {long: 'out', short: 'o', value: '<dir>', description: 'output folder (`-`: standard output, one format)'},
  {long: 'to', short: 't', value: '<format>', description: 'one format; without `--out`, written to standard output (one input file)'},
  {long: 'formats', short: 'f', value: '<list>', description: 'comma-separated formats for `--out` (default: every registered format)'},
  {long: 'encoding', short: 'e', value: '<name>', description: 'input encoding, overriding detection (utf-8, gb18030, gbk, big5, utf-16le, …)'},
  {long: 'ext', value: '<list>', description: `extensions read from folders and globs (default: ${DEFAULT_EXTENSIONS.join(',')})`},
  {long: 'tree-out', description: 'also write the document tree as JSON (`<out>/tree/`, or standard output without `--out`)'},
  {long: 'validate', description: 'validate the Akoma Ntoso of every document against the schema'},
  {long: 'strict', description: 'exit 1 when any warning is raised (for CI)'},
  {long: 'jobs', short: 'j', value: '<n>', description: 'threads for `--out` (default: the available cores less one, at least 1); outputs are the same whatever the number'},
  {long: 'cache', value: '<dir>', description: 'cache folder for incremental runs (default: `.diptext-cache` in the working folder)'},
  {long: 'no-cache', description: 'neither read nor write the cache'},
  {long: 'keep-stale', description: 'keep files of an earlier run that this run did not produce (listed as stale in the manifest)'},
  {long: 'shard', value: '<k/n>', description: 'write only shard k of n (inputs split by a hash of their path; `link` still sees every input)'},
  {long: 'report', value: '<name>', description: `message format on standard error: ${REPORTERS.join(', ')} (GitHub Actions annotations)`},
  {long: 'color', description: 'color the report (default: when standard error is a terminal, unless `NO_COLOR`)'},
  {long: 'no-color', description: 'do not color the report'},
  {long: 'no-config', description: 'ignore `.diptextrc.json` and the `diptext` field of `package.json`'},
  {long: 'verbose', short: 'v', description: 'also report notes (unresolved citations, front matter)'},
  {long: 'quiet', short: 'q', description: 'report nothing but errors'},
  {long: 'help', short: 'h', description: 'show this help and exit'},
  {long: 'version', description: 'show the version and exit'}
]

/** `parseArgs` options from the table; `--no-x` flags are parsed as their own booleans. */
export function parseConfig(): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {}
  for (const option of OPTIONS) {
    config[option.long] = {type: option.value === undefined ? 'boolean' : 'string', ...(option.short ? {short: option.short} : {})}
  }
  return config
}

/** `-o, --out <dir>`: the left column of the help and of the README table. */
export function optionLabel(option: OptionSpec): string {
  return `${option.short ? `-${option.short}, ` : ''}--${option.long}${option.value ? ` ${option.value}` : ''}`
}

export function helpText(version: string): string {
  // Long-only options line up under the long names of the others.
  const labels = OPTIONS.map((option) => (option.short ? '' : '    ') + optionLabel(option))
  const width = Math.max(...labels.map((l) => l.length)) + 2
  const rows = OPTIONS.map((option, index) => `  ${labels[index]!.padEnd(width)}${option.description.replaceAll('`', '')}`)
  return `diptext ${version}: scraped Chinese diplomatic texts → ${formatNames.join(', ')}

Usage: diptext [convert] <file|folder|glob|->... [options]
       diptext validate <file|folder>... [--report <name>]
       diptext merge <shard dir>... --out <dir>

Options:
${rows.join('\n')}

Config: .diptextrc.json or a "diptext" field in package.json (formats, out, strict, encoding, jobs, ext);
command-line options take precedence.
Environment: SOURCE_DATE_EPOCH (PDF dates), AKN_SCHEMA_DIR (schema for validation), NO_COLOR, FORCE_COLOR.
Exit codes: 0 done; 1 a file failed, a path is missing, a warning under --strict, or an invalid document;
2 usage error.`
}
