/**
 * The YAML front matter of a Markdown document. Its shape is fixed (flat keys,
 * one list of two-key maps, one nested map) and its values are short one-line
 * strings, null, booleans and whole numbers, so it is written directly, in the
 * exact bytes `yaml.stringify(value, {lineWidth: 0})` gives. Whenever a value
 * is outside what `yamlScalar` reproduces (control characters, line breaks,
 * document markers, other numbers), the whole front matter is written by
 * `yaml` itself: the emitter is only ever a shortcut to the same bytes.
 * `frontMatter` is the shape both follow, key by key; test/front-matter.test.ts
 * compares them on generated metadata.
 */
import {Scalar, Schema, stringify as yaml} from 'yaml'
import type {Document} from '../../tree/types.js'
import {generator} from '../../version.js'

/**
 * A date as a double-quoted string: YAML 1.1 parsers (PyYAML, Ruby) read a plain
 * `1994-03-07` as a timestamp, YAML 1.2 ones as a string; quoted, all read the same string.
 */
function quotedDate(value: string | null | undefined): Scalar | null {
  if (value === null || value === undefined) return null
  const scalar = new Scalar(value)
  scalar.type = Scalar.QUOTE_DOUBLE
  return scalar
}

export function frontMatter(doc: Document): Record<string, unknown> {
  const {meta} = doc
  return {
    id: meta.id,
    type: meta.docType,
    title: meta.title,
    language: meta.language,
    signed: quotedDate(meta.dates.signed?.value),
    signedSource: meta.dates.signed?.source ?? null,
    published: quotedDate(meta.dates.published?.value),
    effective: quotedDate(meta.dates.effective?.value),
    work: quotedDate(meta.dates.work?.value),
    workSource: meta.dates.work?.source ?? null,
    truncated: meta.truncated === true,
    place: meta.place,
    parties: meta.parties.map((p) => ({name: p.name, code: p.code})),
    source: {file: meta.source.file, sha256: meta.source.sha256, start: meta.source.start, end: meta.source.end},
    generator
  }
}

/** The front matter as YAML, without its final line break (the body of the `yaml` node). */
export function frontMatterYaml(doc: Document): string {
  return emitFrontMatter(doc) ?? yaml(frontMatter(doc), {lineWidth: 0}).trimEnd()
}

/*
 * What `yaml` does with a string scalar (yaml 2.x, `stringifyString`), for the
 * strings reproduced here: one line, no control character, no lone surrogate.
 * Plain unless the string starts with an indicator, holds `: ` or ` #`, ends in
 * a space or colon, or reads as another type of the core schema (`null`, `yes`
 * is a string in YAML 1.2, `true`, `0x1F`, `1e3`); then quoted: single quotes
 * when it holds a double quote and no single one, otherwise double quotes,
 * which on one such line are exactly JSON's.
 */

/** Characters `yaml` forces into double quotes with escapes, and line breaks (block scalars): left to `yaml`. */
const NOT_REPRODUCED = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u
/** A line starting like a document marker or directive: `yaml` may indent or block it. */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/
/** `plainString`'s test of what cannot be plain (its line-break parts cannot match one line). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/
/** The core schema's scalar tags other than `str` that resolve a plain scalar (`yaml` asks the same). */
const OTHER_TYPES: RegExp[] = new Schema({schema: 'core'}).tags.flatMap((tag) =>
  'test' in tag && tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && tag.test instanceof RegExp ? [tag.test] : []
)

function readsAsOtherType(value: string): boolean {
  for (const test of OTHER_TYPES) if (test.test(value)) return true
  return false
}

/** A string scalar as `yaml` writes it (`quoted`: a `Scalar.QUOTE_DOUBLE` one), or null when not reproduced here. */
export function yamlString(value: string, quoted = false): string | null {
  if (NOT_REPRODUCED.test(value) || DOCUMENT_MARKER.test(value)) return null
  if (quoted) return JSON.stringify(value)
  if (!NOT_PLAIN.test(value) && !readsAsOtherType(value)) return value
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value)
}

/** A value of the front matter as `yaml` writes it after `key: `, or null when not reproduced here. */
export function yamlScalar(value: string | number | boolean | null | Scalar): string | null {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : null
  if (typeof value === 'string') return yamlString(value)
  return value.type === Scalar.QUOTE_DOUBLE && typeof value.value === 'string' ? yamlString(value.value, true) : null
}

/** `frontMatterYaml` written directly from the metadata, key by key as `frontMatter`, or null when a value is not reproduced here. */
function emitFrontMatter(doc: Document): string | null {
  const {meta} = doc
  const {dates, source} = meta
  const date = (value: string | null | undefined): string | null => (value === null || value === undefined ? 'null' : yamlString(value, true))
  const fields: Array<[string, string | null]> = [
    ['id', yamlScalar(meta.id)],
    ['type', yamlScalar(meta.docType)],
    ['title', yamlScalar(meta.title)],
    ['language', yamlScalar(meta.language)],
    ['signed', date(dates.signed?.value)],
    ['signedSource', yamlScalar(dates.signed?.source ?? null)],
    ['published', date(dates.published?.value)],
    ['effective', date(dates.effective?.value)],
    ['work', date(dates.work?.value)],
    ['workSource', yamlScalar(dates.work?.source ?? null)],
    ['truncated', meta.truncated === true ? 'true' : 'false'],
    ['place', yamlScalar(meta.place)]
  ]
  let out = ''
  for (const [key, value] of fields) {
    if (value === null) return null
    out += `${key}: ${value}\n`
  }
  if (meta.parties.length === 0) out += 'parties: []\n'
  else {
    out += 'parties:\n'
    for (const party of meta.parties) {
      const name = yamlScalar(party.name)
      const code = yamlScalar(party.code)
      if (name === null || code === null) return null
      out += `  - name: ${name}\n    code: ${code}\n`
    }
  }
  const file = yamlScalar(source.file)
  const sha256 = yamlScalar(source.sha256)
  const start = yamlScalar(source.start)
  const end = yamlScalar(source.end)
  const by = yamlScalar(generator)
  if (file === null || sha256 === null || start === null || end === null || by === null) return null
  // Trimmed as `frontMatterYaml` trims yaml's text (a plain scalar may end in Unicode white space).
  return `${out}source:\n  file: ${file}\n  sha256: ${sha256}\n  start: ${start}\n  end: ${end}\ngenerator: ${by}`.trimEnd()
}
