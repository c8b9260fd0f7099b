/**
 * Validation of Akoma Ntoso output against the official AKN 3.0 XSD with
 * libxml2-wasm (no native build, no worker).
 *
 * The schema (245 KB) takes about half a second to compile, so it is compiled
 * once per process, lazily, and then every document takes milliseconds. The
 * XSD imports `./xml.xsd` by relative path: it is parsed with its absolute
 * `file:` URL and libxml2's file input is routed to `node:fs`, so the import
 * resolves next to it and nothing is fetched from the network.
 *
 * Where the schema is: `AKN_SCHEMA_DIR`, else `../shared/schemas/akn` next to
 * the project, else `schemas/akn/` in the project (git-ignored, filled by
 * `scripts/fetch-schemas.sh`). The XSD is never copied into the repository.
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

export const AKN_SCHEMA_FILE = 'akomantoso30.xsd'
const XML_SCHEMA_FILE = 'xml.xsd'

export interface AknValidationError {
  /** 1-based line in the validated XML (0 when libxml2 gives none). */
  line: number
  message: string
}

export interface AknValidationResult {
  name: string
  valid: boolean
  errors: AknValidationError[]
}

/** The project root: the nearest folder above this module with a `package.json` (works from `dist/` too). */
export function projectRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return from
    dir = parent
  }
}

function hasSchema(dir: string): boolean {
  return existsSync(path.join(dir, AKN_SCHEMA_FILE)) && existsSync(path.join(dir, XML_SCHEMA_FILE))
}

/**
 * The folder holding `akomantoso30.xsd` and `xml.xsd`, or null. An
 * `AKN_SCHEMA_DIR` that is set but holds no schema is an error, not a fallback.
 */
export function findSchemaDir(env: NodeJS.ProcessEnv = process.env, root: string = projectRoot()): string | null {
  const fromEnv = env['AKN_SCHEMA_DIR']
  if (fromEnv !== undefined && fromEnv !== '') {
    const dir = path.resolve(root, fromEnv)
    if (!hasSchema(dir)) {
      throw new Error(`AKN_SCHEMA_DIR is \`${fromEnv}\`, but ${AKN_SCHEMA_FILE} and ${XML_SCHEMA_FILE} are not both in ${dir}`)
    }
    return dir
  }
  for (const candidate of [path.resolve(root, '..', 'shared', 'schemas', 'akn'), path.resolve(root, 'schemas', 'akn')]) {
    if (hasSchema(candidate)) return candidate
  }
  return null
}

type Libxml2 = typeof import('libxml2-wasm')

interface Loaded {
  libxml2: Libxml2
  dir: string
  schema: import('libxml2-wasm').XmlDocument
  validator: import('libxml2-wasm').XsdValidator
  compileMs: number
}

let loading: Promise<Loaded> | null = null
let fsInputRegistered = false

/** Compiles the schema on first use and keeps it for the life of the process. */
function load(dir?: string): Promise<Loaded> {
  if (!loading) {
    loading = compile(dir).catch((error: unknown) => {
      loading = null
      throw error
    })
  }
  return loading
}

async function compile(requested?: string): Promise<Loaded> {
  const dir = requested ?? findSchemaDir()
  if (dir === null) {
    throw new Error(
      'No Akoma Ntoso schema found: set AKN_SCHEMA_DIR, provide ../shared/schemas/akn, or run scripts/fetch-schemas.sh'
    )
  }
  const started = performance.now()
  const libxml2 = await import('libxml2-wasm')
  if (!fsInputRegistered) {
    const {xmlRegisterFsInputProviders} = await import('libxml2-wasm/lib/nodejs.mjs')
    xmlRegisterFsInputProviders()
    fsInputRegistered = true
  }
  const file = path.join(dir, AKN_SCHEMA_FILE)
  const schema = libxml2.XmlDocument.fromBuffer(await readFile(file), {
    url: pathToFileURL(file).href,
    option: libxml2.ParseOption.XML_PARSE_NONET
  })
  try {
    const validator = libxml2.XsdValidator.fromDoc(schema)
    return {libxml2, dir, schema, validator, compileMs: performance.now() - started}
  } catch (error) {
    schema.dispose()
    throw new Error(`Cannot compile ${file}: ${describe(error)}`, {cause: error})
  }
}

/**
 * Validates each document against the XSD (compiled once per process).
 * A document that is not well-formed is reported invalid with the parser's
 * errors. Throws only when the schema itself cannot be found or compiled.
 */
export async function validateAkn(
  docs: ReadonlyArray<{name: string; xml: string}>,
  options: {schemaDir?: string} = {}
): Promise<AknValidationResult[]> {
  const {libxml2, validator} = await load(options.schemaDir)
  return docs.map(({name, xml}) => {
    let parsed: import('libxml2-wasm').XmlDocument | null = null
    try {
      parsed = libxml2.XmlDocument.fromString(xml, {url: name, option: libxml2.ParseOption.XML_PARSE_NONET})
      validator.validate(parsed)
      return {name, valid: true, errors: []}
    } catch (error) {
      return {name, valid: false, errors: errorsOf(error)}
    } finally {
      parsed?.dispose()
    }
  })
}

/** How long the schema took to compile (ms), once it has been. */
export async function aknSchemaInfo(options: {schemaDir?: string} = {}): Promise<{dir: string; compileMs: number}> {
  const {dir, compileMs} = await load(options.schemaDir)
  return {dir, compileMs}
}

/** Frees the compiled schema (tests, long-running hosts). The next validation compiles it again. */
export async function disposeAknValidator(): Promise<void> {
  const current = loading
  loading = null
  if (!current) return
  const loaded = await current.catch(() => null)
  if (!loaded) return
  loaded.validator.dispose()
  loaded.schema.dispose()
}

function errorsOf(error: unknown): AknValidationError[] {
  const details = (error as {details?: unknown}).details
  if (Array.isArray(details) && details.length > 0) {
    return details.map((detail: {line?: unknown; message?: unknown}) => ({
      line: typeof detail.line === 'number' ? detail.line : 0,
      message: String(detail.message ?? '').trim()
    }))
  }
  return [{line: 0, message: describe(error)}]
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.trim() : String(error)
}
