/**
 * One run per output folder: `<out>/.diptext.lock` holds the process id of the
 * run writing there. A second run exits with a clear message while the first is
 * alive; a lock left by a killed run (its process is gone) is taken over.
 */
import {hostname} from 'node:os'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export const LOCK_NAME = '.diptext.lock'

export class LockedError extends Error {}

export interface Lock {
  release(): void
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function acquireLock(out: string, shown: string): Lock {
  const file = path.join(out, LOCK_NAME)
  const mine = JSON.stringify({pid: process.pid, host: hostname()}) + '\n'
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, mine, {flag: 'wx'})
      return {release: () => rmSync(file, {force: true})}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let holder: {pid?: number; host?: string} = {}
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder
    } catch {
      // Unreadable or half-written: a run that died while taking the lock.
    }
    if (typeof holder.pid === 'number' && holder.pid !== process.pid && (holder.host !== hostname() || alive(holder.pid))) {
      throw new LockedError(`Another diptext run (process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}) is writing to \`${shown}\`: wait for it to finish, or remove ${path.join(shown, LOCK_NAME)} if it is gone`)
    }
    rmSync(file, {force: true})
  }
  throw new LockedError(`Cannot take the lock of \`${shown}\``)
}
