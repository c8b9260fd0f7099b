/**
 * Progress on a terminal: documents done of total, rate and time left, redrawn
 * in place on standard error (at most ten times a second). The CLI uses it only
 * when standard error is a terminal and `--quiet` is not given.
 */
export interface Progress {
  update(phase: 'read' | 'write', done: number, total: number): void
  clear(): void
}

export function createProgress(stream: {write(chunk: string): unknown; columns?: number}, now: () => number = () => performance.now()): Progress {
  let started = now()
  let phase = ''
  let last = -Infinity
  let shown = false
  return {
    update(next, done, total) {
      if (next !== phase) {
        phase = next
        started = now()
      }
      const time = now()
      if (done < total && time - last < 100) return
      last = time
      const seconds = (time - started) / 1000
      const rate = seconds > 0 ? done / seconds : 0
      const left = rate > 0 ? (total - done) / rate : 0
      const label = next === 'read' ? 'reading' : 'writing'
      const line = `${label} ${done}/${total} ${next === 'read' ? 'file(s)' : 'document(s)'}  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  ETA ${clock(left)}`
      stream.write(`\r\u001B[2K${line}`)
      shown = true
    },
    clear() {
      if (shown) stream.write('\r\u001B[2K')
      shown = false
    }
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds)
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
