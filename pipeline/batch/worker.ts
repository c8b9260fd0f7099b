/** A worker thread of the batch engine: runs the tasks of `tasks.ts` it is sent, one at a time. */
import {parentPort} from 'node:worker_threads'
import {endRun, pass1, pass2, setIndex, setSettings} from './tasks.js'

const handlers: Record<string, (argument: never) => unknown> = {setSettings, setIndex, endRun, pass1, pass2}

parentPort!.on('message', async ({id, name, argument}: {id: number; name: string; argument: unknown}) => {
  try {
    parentPort!.postMessage({id, result: await handlers[name]!(argument as never)})
  } catch (error) {
    parentPort!.postMessage({id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  }
})
