/**
 * The batch engine for whole archives, in two passes around a small index:
 *
 * 1. every input goes through read → clean → segment → enrich (or comes from
 *    the cache) and leaves only an identity record per document: its core in
 *    memory, its citations and persons in a journal on disk; the trees wait
 *    for pass 2 in memory within a budget, on disk beyond it;
 * 2. `link` runs on the records (`resolveIdentities`), reading the journal once;
 * 3. for every input of this shard, what `link` decided is applied to its trees,
 *    every format is rendered and written, and the trees are dropped (a
 *    document whose inputs, identity and cited documents are unchanged since
 *    the last run, with its files intact, is not written again);
 * 4. `index.json`, the collection files and `manifest.json` are written entry
 *    by entry, and files of an earlier run that this one did not produce are
 *    removed.
 *
 * Work runs on `jobs` threads; results are kept in input order, so the bytes
 * written never depend on `jobs`. One bad file never stops the batch.
 */
import {createHash} from 'node:crypto'
import {mkdirSync} from 'node:fs'
import {readFile, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {namedBy, resolveIdentitiesLazily, type Identity, type LazyIdentityIndex, type RecordCore, type RecordDetail} from '../link/plugin.js'
import {getWriter} from '../write/registry.js'
import {createCache, codeFingerprint, keyOf} from './cache.js'
import {acquireLock} from './lock.js'
import {finish, readManifest, removeTemporaries, SPILL_PREFIX, type IndexEntry, type ManifestFile, type ProducedFile} from './manifest.js'
import {addMessage, type PlainMessage} from './messages.js'
import {createJournal} from './journal.js'
import {PackedList} from './packed.js'
import {ProducedList} from './produced.js'
import {createPool, type Pool} from './pool.js'
import {readInput, RETAIN_BYTES, RETAIN_UNTIL_FILES, type FileTask} from './input.js'
import type {CitedMeta, Pass1Result, Pass2Document, SharedSettings} from './tasks.js'
import {documentFilePath, writeAtomic} from './write.js'
import type {Document} from '../tree/types.js'

export interface BatchInput {
  /** The name in reports and in `source.file`. */
  path: string
  /** Read when its turn comes (files), or given (standard input). */
  absolute?: string
  bytes?: Uint8Array
}

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

export interface BatchOptions {
  out: string
  /** The output folder as the user wrote it, for messages. */
  outName: string
  formats: readonly string[]
  treeOut: boolean
  encoding?: string
  sourceDateEpoch: number | null
  jobs: number
  /** The cache folder, or null for none. */
  cache: string | null
  keepStale: boolean
  shard: Shard | null
  /** Also return each document's Akoma Ntoso (for `--validate`). */
  validate: boolean
  /** Keep notes (info messages) on the files; default true. The command line keeps them only for `--verbose`. */
  notes?: boolean
  /** Input bytes whose trees stay in memory between the passes (default `RETAIN_BYTES`, none past `RETAIN_UNTIL_FILES` inputs); the rest are spilled to disk. */
  retainBytes?: number
  progress?: (phase: 'read' | 'write', done: number, total: number) => void
}

export interface BatchResult {
  /** One vfile per input, in input order, with every message of the run. */
  files: VFile[]
  /** Documents found (duplicates left out) and documents of this shard. */
  documents: number
  inShard: number
  /** Inputs converted in pass 1 (the rest came from the cache), documents written in pass 2 (the rest were unchanged). */
  converted: number
  rendered: number
  /** For `--validate`: each document's Akoma Ntoso and the name to report it under. */
  akn: Array<{name: string; xml: string; file: VFile}>
}

export const SHARD_NAME = 'shard.json'

/** The shard (0-based) of an input: a stable hash of its path as given, `/`-separated. */
export function shardOf(name: string, count: number): number {
  return createHash('sha256').update(name.split(path.sep).join('/')).digest().readUInt32BE(0) % count
}

/** Runs `tasks` on the pool, a few at a time per thread, calling `done` in input order; tasks are taken as they are needed. */
async function ordered<T, R>(pool: Pool, tasks: Iterable<T>, run: (task: T) => Promise<R>, done: (result: R, task: T) => Promise<void> | void): Promise<void> {
  const window = Math.max(2, pool.size * 2)
  const running: Array<{task: T; result: Promise<R>}> = []
  const source = tasks[Symbol.iterator]()
  let more = true
  while (more || running.length > 0) {
    while (more && running.length < window) {
      const next = source.next()
      if (next.done) {
        more = false
        break
      }
      const result = run(next.value)
      result.catch(() => {})
      running.push({task: next.value, result})
    }
    const first = running.shift()
    if (first) await done(await first.result, first.task)
    // A turn of the event loop between files: on this thread the work is one chain of promises, which would
    // hold back \`process.nextTick\` callbacks (and what they keep alive, as a PDF engine's stream) and timers to the end.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

const fatal = (file: VFile, reason: string, ruleId: string): void => {
  const message = file.message(reason, {ruleId, source: 'diptext'})
  message.fatal = true
}

export async function runBatch(inputs: readonly BatchInput[], options: BatchOptions): Promise<BatchResult> {
  mkdirSync(options.out, {recursive: true})
  const lock = acquireLock(options.out, options.outName)
  const pool = createPool(Math.max(1, Math.min(options.jobs, inputs.length)))
  // Trees of pass 1 beyond the memory budget wait here for pass 2; a killed run's folder goes with its temporaries.
  const spill = path.join(options.out, `${SPILL_PREFIX}${process.pid}`)
  try {
    return await run(inputs, options, pool, spill)
  } finally {
    await pool.broadcast('endRun', undefined).catch(() => {})
    await pool.close()
    await rm(spill, {recursive: true, force: true})
    lock.release()
  }
}

async function run(inputs: readonly BatchInput[], options: BatchOptions, pool: Pool, spill: string): Promise<BatchResult> {
  await removeTemporaries(options.out)
  mkdirSync(spill, {recursive: true})
  if (options.cache !== null) await removeTemporaries(options.cache)
  const cache = createCache(options.cache)
  const code = codeFingerprint()
  const siteUrl = process.env['DIPTEXT_SITE_URL'] ?? ''
  const collection = options.formats.some((format) => getWriter(format).writeCollection !== undefined)
  const settings: SharedSettings = {
    ...(options.encoding === undefined ? {} : {encoding: options.encoding}),
    out: options.out,
    formats: options.formats,
    treeOut: options.treeOut,
    sourceDateEpoch: options.sourceDateEpoch,
    collection,
    aknText: options.validate && !options.formats.includes('akn'),
    retainBytes: Math.floor((options.retainBytes ?? (inputs.length > RETAIN_UNTIL_FILES ? 0 : RETAIN_BYTES)) / pool.size),
    spill
  }
  await pool.broadcast('setSettings', settings)
  // What decides the bytes written, for the render cache: not how this run holds its trees.
  const {retainBytes: _retain, spill: _spill, ...outputSettings} = settings
  const files = inputs.map((input) => new VFile({path: input.path}))
  // Notes (info messages) only when asked for: an archive's notes (every unresolved citation) outweigh its index.
  const keep = (file: VFile, message: PlainMessage): void => {
    if (message.fatal !== null || options.notes !== false) addMessage(file, message)
  }
  const inShard = (file: number) => options.shard === null || shardOf(inputs[file]!.path, options.shard.count) === options.shard.index - 1
  const tasks: FileTask[] = inputs.map((input, file) => ({
    file,
    path: input.path,
    ...(input.absolute ? {absolute: input.absolute} : {}),
    ...(input.bytes ? {bytes: input.bytes} : {})
  }))

  // Pass 1: identity records, from the cache when the input, the code and the options are unchanged.
  // A record's core stays in memory for `link`, packed; its citations and persons, most of its weight, wait on disk.
  const cores = new PackedList<KeptRecord>()
  const sha = new Map<number, string | null>()
  const details = createJournal<RecordDetail>(path.join(spill, 'records.jsonl'))
  const intern = createInterner()
  let read = 0
  let converted = 0
  let linked: LazyIdentityIndex<KeptRecord> | null = null
  try {
    await ordered(
      pool,
      tasks,
      async (task): Promise<Pass1Result> => {
        // Without a cache the thread reads the file itself: no copy of its bytes crosses threads.
        if (cache === null) {
          converted++
          return pool.run('pass1', {...task, retain: inShard(task.file)}, task.file)
        }
        let bytes: Uint8Array
        try {
          bytes = await readInput(task)
        } catch {
          // That file's error, reported by pass 1 itself.
          return pool.run('pass1', task, task.file)
        }
        const sha256 = createHash('sha256').update(bytes).digest('hex')
        // The path too: it is recorded in each document (`source.file`).
        const key = keyOf('pass1', code, options.encoding ?? null, sha256, task.path)
        const hit = await cache?.get<Pass1Result>('pass1', key)
        if (hit) return {...hit, file: task.file, records: hit.records.map((record) => ({...record, file: task.file}))}
        converted++
        const result = await pool.run('pass1', {...task, bytes, retain: inShard(task.file)}, task.file)
        if (result.sha256 !== null) await cache?.set('pass1', key, {...result, file: -1})
        return result
      },
      (result) => {
        read++
        sha.set(result.file, result.sha256)
        for (const message of result.messages) keep(files[result.file]!, message)
        for (const record of result.records) {
          const {citations, persons, countries, ...core} = record
          // A citation's place serves its note only (an unresolved citation).
          details.append({citations: options.notes === false ? citations.map(({title, dated}) => ({title, position: undefined, dated})) : citations, persons, countries})
          cores.push({...core, personRefs: persons.map(([ref]) => ref)})
        }
        options.progress?.('read', read, tasks.length)
      }
    )
    // The index: link over every record of the batch (every shard sees the whole corpus).
    linked = resolveIdentitiesLazily(cores, {nameOf: (file) => inputs[file]!.path, details: details.read(), notes: options.notes !== false})
  } finally {
    details.close()
  }
  const {persons, countries, messages} = linked
  for (const message of messages) keep(files[message.file]!, {reason: message.reason, ruleId: message.ruleId, source: 'diptext', fatal: message.severity === 'info' ? null : false, place: message.place ?? null})
  messages.length = 0
  await pool.broadcast('setIndex', {persons, countries})

  const entries: IndexEntry[] = []
  const stubs = new Map<string, Document>()
  const produced = new ProducedList(documentFilePath)
  const akn: BatchResult['akn'] = []

  // What `link` decided, one document at a time (an archive's identities are never all held): each document's
  // plan waits on disk, in batch order, for pass 2; its index entry stays. What writers read of the documents
  // that others name, by Work URI: the first of a URI in batch order wins, as in the writers.
  interface Planned {
    file: number
    index: number
    identity: Identity
    /** For the render key (with a cache only): the person refs of the document. */
    persons: string[]
    key: string
    done: Pass2Document | null
  }
  const byId = new Map<string, CitedMeta>()
  let plans = createJournal<Planned>(path.join(spill, 'plans.jsonl'))
  let documents = 0
  let total = 0
  try {
    const named = linked.named
    for (const {record, identity} of linked.identities()) {
      if (identity.duplicateOf !== null) continue
      documents++
      const {id, slug} = identity
      if (named.has(id) && !byId.has(id)) byId.set(id, {id, slug, title: record.title, language: record.language, docType: record.docType})
      if (!inShard(record.file)) continue
      plans.append({file: record.file, index: record.index, identity, persons: cache === null ? [] : record.personRefs, key: '', done: null})
      total++
      entries.push({
        order: [record.file, record.index],
        slug,
        id,
        type: intern(record.docType),
        title: record.title,
        signed: identity.signed === null ? null : intern(identity.signed.value),
        parties: record.partyKeys.map(intern),
        source: {file: intern(record.source.file), sha256: sha.get(record.file) ?? '', start: record.source.start, end: record.source.end}
      })
    }
  } catch (error) {
    plans.close()
    throw error
  }
  // What link kept for every record goes with the records.
  cores.clear()
  linked = null

  // With a cache: which documents must be written, those whose render key has no intact result from an earlier
  // run. The earlier run's files are read for this only, and again at the end (an archive's manifest is large).
  if (cache !== null) {
    const previousFiles = new Map((readManifest(options.out)?.files ?? []).map((file) => [file.path, file]))
    const keyed = createJournal<Planned>(path.join(spill, 'keyed.jsonl'))
    try {
      for (const plan of plans.read()) {
        const {identity, file, index} = plan
        // The render key: everything the document's files depend on.
        const people = plan.persons.map((ref) => [ref, persons[ref] ?? null, countries[ref] ?? null])
        const cited = namedBy(identity).map((id) => byId.get(id) ?? null)
        const key = keyOf('render', code, options.encoding ?? null, sha.get(file), inputs[file]!.path, index, identity, people, cited, outputSettings, siteUrl)
        const hit = await cache.get<Pass2Document>('render', key)
        const intact = hit !== null && hit.failures.length === 0 && (await allIntact(options.out, hit, previousFiles))
        keyed.append({...plan, persons: [], key, done: intact ? hit : null})
      }
    } catch (error) {
      keyed.close()
      throw error
    } finally {
      plans.close()
    }
    plans = keyed
  }

  let rendered = 0
  let written = 0
  try {
    // The index entry of each plan, in the same order: its id and stem are the strings every list shares.
    let entryAt = 0
    const collect = (file: number, entry: IndexEntry, result: Pass2Document): void => {
      const vfile = files[file]!
      for (const message of result.messages) keep(vfile, message)
      for (const failure of result.failures) fatal(vfile, `Cannot write ${failure.format} for ${entry.id}: ${failure.reason}`, 'write-failed')
      // Written out field by field: a spread of a copied object gives each entry a shape of its own.
      for (const {path: relative, format, sha256, size} of result.files) produced.push({path: relative, format: intern(format), sha256, size, source: inputs[file]!.path, document: entry.id, slug: entry.slug})
      if (result.stub) stubs.set(entry.slug, result.stub)
      if (options.validate) {
        const aknFile = result.files.find((f) => f.format === 'akn')
        if (result.akn !== null) akn.push({name: `${inputs[file]!.path}#${entry.slug}.xml`, xml: result.akn, file: vfile})
        else if (aknFile) akn.push({name: path.join(options.outName, aknFile.path), xml: '', file: vfile})
      }
    }

    await ordered(
      pool,
      byFile(plans.read()),
      async ({file, list}) => {
        const todo = list.filter((plan) => plan.done === null)
        if (todo.length === 0) return null
        return pool.run('pass2', {...tasks[file]!, documents: todo.map((plan) => ({index: plan.index, identity: plan.identity})), cited: citedBy(todo, byId)}, file)
      },
      async (result, {file, list}) => {
        if (result?.error) fatal(files[file]!, `Cannot convert for writing: ${result.error}`, 'write-failed')
        const byIndex = new Map((result?.documents ?? []).map((doc) => [doc.index, doc]))
        for (const plan of list) {
          const fresh = byIndex.get(plan.index)
          if (fresh) {
            rendered++
            if (fresh.failures.length === 0) await cache?.set('render', plan.key, fresh)
          }
          const done = fresh ?? plan.done
          const entry = entries[entryAt++]!
          if (entry.order[0] !== plan.file || entry.order[1] !== plan.index) throw new Error('batch: the plans and the index entries are out of step')
          if (done) collect(file, entry, done)
          written++
        }
        options.progress?.('write', written, total)
      }
    )
  } finally {
    plans.close()
  }

  for (const item of akn) {
    if (item.xml !== '') continue
    item.xml = await readFile(path.join(options.out, path.relative(options.outName, item.name)), 'utf8').catch(() => '')
  }

  if (options.shard === null) {
    const finished = await finish(entries, stubs, produced, readManifest(options.out), {out: options.out, formats: options.formats, keepStale: options.keepStale, sourceDateEpoch: options.sourceDateEpoch, index: options.shard === null})
    for (const failure of finished.failures) fatal(files[0] ?? new VFile({path: options.outName}), `Cannot write ${failure.what}: ${failure.error.message}`, 'write-failed')
  } else {
    // A shard leaves its part for `diptext merge`: its files' manifest and its documents' entries.
    const part: ShardPart = {format: 'diptext-shard/1', shard: `${options.shard.index}/${options.shard.count}`, formats: [...options.formats], sourceDateEpoch: options.sourceDateEpoch, entries, stubs: entries.map((entry) => stubs.get(entry.slug) ?? null), files: [...produced]}
    await finish([], new Map(), produced, readManifest(options.out), {out: options.out, formats: [], keepStale: options.keepStale, sourceDateEpoch: options.sourceDateEpoch, index: options.shard === null})
    await writeAtomic(path.join(options.out, SHARD_NAME), JSON.stringify(part) + '\n', options.out)
  }
  return {files, documents, inShard: total, converted, rendered, akn}
}

/** The documents that `plans` name (cited, or citing for a date), once each, in the order first named. */
function citedBy(plans: ReadonlyArray<{identity: Identity}>, byId: ReadonlyMap<string, CitedMeta>): CitedMeta[] {
  const cited = new Set<CitedMeta>()
  for (const {identity} of plans) {
    for (const id of namedBy(identity)) {
      const meta = byId.get(id)
      if (meta) cited.add(meta)
    }
  }
  return [...cited]
}

/** Consecutive plans of one file as one task (plans come in batch order). */
function* byFile<T extends {file: number}>(plans: Iterable<T>): Generator<{file: number; list: T[]}> {
  let current: {file: number; list: T[]} | null = null
  for (const plan of plans) {
    if (current && current.file !== plan.file) {
      yield current
      current = null
    }
    if (current) current.list.push(plan)
    else current = {file: plan.file, list: [plan]}
  }
  if (current) yield current
}

/** One instance per distinct string, for the fields an archive repeats (types, party codes, file names, formats). */
function createInterner(): (value: string) => string {
  const seen = new Map<string, string>()
  return (value) => {
    const known = seen.get(value)
    if (known !== undefined) return known
    seen.set(value, value)
    return value
  }
}

/** A record's core as pass 1 keeps it, with its person refs (for the render key). */
type KeptRecord = RecordCore & {personRefs: string[]}

export interface ShardPart {
  format: 'diptext-shard/1'
  shard: string
  formats: string[]
  sourceDateEpoch: number | null
  entries: IndexEntry[]
  stubs: Array<Document | null>
  files: ProducedFile[]
}

/** Every file of an earlier result is still in `out`, as the earlier manifest lists it. */
async function allIntact(out: string, result: Pass2Document, listed: ReadonlyMap<string, ManifestFile>): Promise<boolean> {
  for (const file of result.files) {
    const before = listed.get(file.path)
    if (!before || before.sha256 !== file.sha256 || before.size !== file.size) return false
    const info = await stat(path.join(out, ...file.path.split('/'))).catch(() => null)
    if (!info || info.size !== file.size) return false
  }
  return true
}

