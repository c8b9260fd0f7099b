/**
 * The configuration file, found as unified-engine finds `.remarkrc`: from the
 * working folder upwards, the nearest `.diptextrc.json`, or `package.json`
 * with a `diptext` field. Command-line options take precedence over it. A
 * malformed file or an unknown key is a usage error, never ignored.
 */
import {readFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from './usage.js'

export const RC_NAME = '.diptextrc.json'
export const PACKAGE_FIELD = 'diptext'

export interface FileConfig {
  formats?: string[]
  out?: string
  strict?: boolean
  encoding?: string
  jobs?: number
  ext?: string[]
  /** The file the settings came from (for messages). */
  from?: string
}

export function findConfig(cwd: string): FileConfig {
  let dir = path.resolve(cwd)
  for (;;) {
    const rc = path.join(dir, RC_NAME)
    if (existsSync(rc)) return checkConfig(readJson(rc), rc, dir)
    const pkg = path.join(dir, 'package.json')
    if (existsSync(pkg)) {
      const data = readJson(pkg)
      if (isObject(data) && PACKAGE_FIELD in data) return checkConfig(data[PACKAGE_FIELD], `${pkg} (field \`${PACKAGE_FIELD}\`)`, dir)
    }
    const parent = path.dirname(dir)
    if (parent === dir) return {}
    dir = parent
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch (error) {
    throw new UsageError(`Cannot read config ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A list given as an array of strings or as one comma-separated string. */
function list(value: unknown, key: string, from: string): string[] {
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[]
  throw new UsageError(`Config ${from}: \`${key}\` must be a list of strings`)
}

function checkConfig(data: unknown, from: string, dir: string): FileConfig {
  if (!isObject(data)) throw new UsageError(`Config ${from} must be a JSON object`)
  const config: FileConfig = {from}
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case 'formats':
      case 'ext':
        config[key] = list(value, key, from)
        break
      case 'out':
        if (typeof value !== 'string' || value === '') throw new UsageError(`Config ${from}: \`out\` must be a folder name`)
        // Relative to the config file, as unified-engine resolves its settings.
        config.out = value === '-' ? value : path.resolve(dir, value)
        break
      case 'encoding':
        if (typeof value !== 'string') throw new UsageError(`Config ${from}: \`encoding\` must be a string`)
        config.encoding = value
        break
      case 'strict':
        if (typeof value !== 'boolean') throw new UsageError(`Config ${from}: \`strict\` must be true or false`)
        config.strict = value
        break
      case 'jobs':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new UsageError(`Config ${from}: \`jobs\` must be a whole number of at least 1`)
        config.jobs = value
        break
      default:
        throw new UsageError(`Config ${from}: unknown key \`${key}\`, expected formats, out, strict, encoding, jobs or ext`)
    }
  }
  return config
}
