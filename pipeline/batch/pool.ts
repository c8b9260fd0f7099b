/**
 * Runs the tasks of `tasks.ts` on `jobs` threads: this one and `jobs - 1`
 * worker threads (this thread only schedules between its own tasks, so a
 * whole isolate and its memory are saved), or on this thread alone when `jobs`
 * is 1 or the compiled worker is absent (running from source). Results are
 * handed back to the caller, who keeps them in input order, so the outputs
 * never depend on which thread finished first.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type * as tasks from './tasks.js'

type Name = 'setSettings' | 'setIndex' | 'endRun' | 'pass1' | 'pass2'
type Argument<N extends Name> = Parameters<(typeof tasks)[N]>[0]
type Result<N extends Name> = Awaited<ReturnType<(typeof tasks)[N]>>

export interface Pool {
  readonly size: number
  /** Run a task on the thread `affinity` picks (modulo the threads), so pass 2 of a file finds the tree pass 1 kept. */
  run<N extends 'pass1' | 'pass2'>(name: N, argument: Argument<N>, affinity: number): Promise<Result<N>>
  /** Run a setter on every thread. */
  broadcast<N extends 'setSettings' | 'setIndex' | 'endRun'>(name: N, argument: Argument<N>): Promise<void>
  close(): Promise<void>
}

const WORKER = new URL('./worker.js', import.meta.url)
/**
 * A worker's young generation, in MB. V8's default lets each isolate hold
 * some 32 MB of short-lived objects between scavenges; a document's garbage is
 * far smaller, so a small nursery keeps memory flat (≈ 40 MB less per run with
 * two threads, measured) without more CPU.
 */
const WORKER_YOUNG_MB = 8

export function createPool(jobs: number): Pool {
  if (jobs <= 1 || !existsSync(fileURLToPath(WORKER))) return inline()
  return mixed(inline(), threads(jobs - 1))
}

/** This thread as thread 0, the workers after it. */
function mixed(here: Pool, workers: Pool): Pool {
  const size = here.size + workers.size
  return {
    size,
    run(name, argument, affinity) {
      const slot = affinity % size
      return slot === 0 ? here.run(name, argument, 0) : workers.run(name, argument, slot - 1)
    },
    async broadcast(name, argument) {
      await Promise.all([here.broadcast(name, argument), workers.broadcast(name, argument)])
    },
    async close() {
      await Promise.all([here.close(), workers.close()])
    }
  }
}

function inline(): Pool {
  // Imported when the first task runs: with worker threads, this thread never loads the pipeline.
  let loaded: Promise<typeof tasks> | null = null
  const load = () => (loaded ??= import('./tasks.js'))
  return {
    size: 1,
    // Results are copied as a worker's would be: a string cut from a file's text keeps the whole text alive, a copy does not.
    run: async (name, argument) => structuredClone(await ((await load())[name] as (a: typeof argument) => Promise<never>)(argument)),
    async broadcast(name, argument) {
      ;((await load())[name] as (a: typeof argument) => void)(argument)
    },
    async close() {}
  }
}

interface Thread {
  worker: Worker
  busy: number
  pending: Map<number, {resolve(value: unknown): void; reject(error: Error): void}>
}

function threads(jobs: number): Pool {
  let next = 0
  const all: Thread[] = []
  for (let i = 0; i < jobs; i++) {
    const thread: Thread = {worker: new Worker(WORKER, {resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_MB}}), busy: 0, pending: new Map()}
    thread.worker.on('message', ({id, result, error}: {id: number; result?: unknown; error?: string}) => {
      const waiting = thread.pending.get(id)!
      thread.pending.delete(id)
      thread.busy--
      if (error === undefined) waiting.resolve(result)
      else waiting.reject(new Error(error))
    })
    thread.worker.on('error', (error) => {
      for (const waiting of thread.pending.values()) waiting.reject(error)
      thread.pending.clear()
    })
    all.push(thread)
  }
  const send = (thread: Thread, name: Name, argument: unknown): Promise<never> =>
    new Promise((resolve, reject) => {
      const id = ++next
      thread.busy++
      thread.pending.set(id, {resolve: resolve as (value: unknown) => void, reject})
      thread.worker.postMessage({id, name, argument})
    })
  return {
    size: jobs,
    run(name, argument, affinity) {
      return send(all[affinity % all.length]!, name, argument)
    },
    async broadcast(name, argument) {
      await Promise.all(all.map((thread) => send(thread, name, argument)))
    },
    async close() {
      await Promise.all(all.map((thread) => thread.worker.terminate()))
    }
  }
}
