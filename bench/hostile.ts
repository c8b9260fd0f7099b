/** Hostile inputs for the benchmark and the robustness tests: each must give sane output or a clear error, in linear time. */
import {seed} from './corpus.js'

export interface HostileCase {
  name: string
  make(): Uint8Array
}

const MiB = 2 ** 20

export function hostileCases(): HostileCase[] {
  return [
    {name: 'empty', make: () => new Uint8Array(0)},
    {name: 'whitespace', make: () => Buffer.from(' \n\u3000\t\r\n'.repeat(1000))},
    {name: 'binary-nul', make: () => Buffer.concat([Buffer.from('中文'), Buffer.alloc(64), Buffer.from('text')])},
    {name: 'png-as-txt', make: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(7)])},
    {name: 'text-50MiB', make: () => repeatTo(seed, 50 * MiB)},
    {name: 'line-10MiB', make: () => repeatTo('双方同意加强合作和交流并促进发展', 10 * MiB)},
    {name: 'dun-100k', make: () => Buffer.from('一、'.repeat(100_000))},
    {name: 'debris-1M', make: () => Buffer.from('[字体：大 中 小]      打印本页'.repeat(1_000_000))}
  ]
}

function repeatTo(text: string, bytes: number): Uint8Array {
  const unit = Buffer.from(text)
  const copies = Math.ceil(bytes / unit.byteLength)
  return Buffer.concat(Array.from({length: copies}, () => unit)).subarray(0, Math.floor(bytes / unit.byteLength) * unit.byteLength || unit.byteLength)
}
