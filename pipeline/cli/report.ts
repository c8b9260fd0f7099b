/**
 * Reporters for the messages of a run, as unified-args offers them:
 * `default` (vfile-reporter, for people), `json` (one array of files with
 * their messages, for programs) and `github` (GitHub Actions workflow
 * commands, so warnings show on the changed lines). Lines and columns are the
 * messages' places, which index the decoded input (`file.value`) itself.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import type {ReporterName} from './options.js'

export interface ReportOptions {
  reporter: ReporterName
  color: boolean
  verbose: boolean
  quiet: boolean
}

/** Messages worth showing: notes only with `--verbose`, errors only with `--quiet`. */
function shown(message: VFileMessage, options: ReportOptions): boolean {
  if (options.quiet) return message.fatal === true
  return options.verbose || (message.fatal !== undefined && message.fatal !== null)
}

function severity(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** The report text (empty when there is nothing to say); it ends with a newline when not empty. */
export function formatReport(files: readonly VFile[], options: ReportOptions): string {
  const visible = files.map((file) => ({file, messages: file.messages.filter((m) => shown(m, options))}))
  if (options.reporter === 'json') {
    const data = visible.map(({file, messages}) => ({
      path: file.path,
      messages: messages.map((m) => ({
        reason: m.reason,
        ruleId: m.ruleId ?? null,
        source: m.source ?? null,
        severity: severity(m),
        fatal: m.fatal ?? null,
        line: m.line ?? null,
        column: m.column ?? null,
        endLine: m.place && 'end' in m.place ? m.place.end.line : null,
        endColumn: m.place && 'end' in m.place ? m.place.end.column : null
      }))
    }))
    return JSON.stringify(data) + '\n'
  }
  if (options.reporter === 'github') {
    return visible.flatMap(({file, messages}) => messages.map((m) => annotation(file, m))).map((line) => line + '\n').join('')
  }
  // Copies holding only what is shown: the run's files keep all their messages.
  const copies = visible.map(({file, messages}) => Object.assign(new VFile({path: file.path, cwd: file.cwd}), {messages}))
  const text = reporter(copies, {quiet: true, color: options.color})
  return text ? text + '\n' : ''
}

/** `::warning file=a.txt,line=3,col=1,endLine=3,endColumn=9,title=numbering-gap::Unexpected …`. */
export function annotation(file: VFile, message: VFileMessage): string {
  const level = severity(message) === 'info' ? 'notice' : severity(message)
  const properties: string[] = [`file=${escapeProperty(file.path)}`]
  if (message.line !== undefined) properties.push(`line=${message.line}`)
  if (message.column !== undefined) properties.push(`col=${message.column}`)
  if (message.place && 'end' in message.place) {
    properties.push(`endLine=${message.place.end.line}`, `endColumn=${message.place.end.column}`)
  }
  if (message.ruleId) properties.push(`title=${escapeProperty(`diptext(${message.ruleId})`)}`)
  return `::${level} ${properties.join(',')}::${escapeData(message.reason)}`
}

// Escaping of the GitHub Actions toolkit (`@actions/core` command.ts).
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * Whether to color: `--color` / `--no-color` first, then `FORCE_COLOR`
 * (`0` or `false` turns color off), then `NO_COLOR` (any non-empty value),
 * then whether standard error is a terminal (and `TERM` is not `dumb`), the
 * order Node's own `tty` module follows.
 */
export function wantColor(flags: {color: boolean; noColor: boolean}, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flags.noColor) return false
  if (flags.color) return true
  const force = env['FORCE_COLOR']
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase())
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false
  return isTTY && env['TERM'] !== 'dumb'
}
