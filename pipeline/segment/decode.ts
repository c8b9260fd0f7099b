/**
 * Viterbi decoding of a page: the best sequence of states (`rules/page-model.ts`)
 * for a sequence of blocks, given each block's features. Linear in the number
 * of blocks (states² per block, seven states), no recursion.
 */
import {emissions, states, transitions, type State} from '../rules/page-model.js'
import type {Features} from './features.js'

const S = states.length
const NEG = -1e9
const index = new Map<State, number>(states.map((s, i) => [s, i]))

/** Emission weights per state: feature → weight (and the bias). */
const weights: Array<Map<string, number>> = states.map(() => new Map())
for (const row of emissions) weights[index.get(row.state)!]!.set(row.feature, row.weight)

/** Every feature some row weighs, each once: a block's features are read into a vector in this order. */
const featureNames = [...new Set(emissions.map((row) => row.feature).filter((feature) => feature !== 'bias'))] as Array<keyof Features>
const slotOf = new Map<string, number>(featureNames.map((feature, i) => [feature, i]))

/** The same weights as flat rows per state, in table order (so every sum adds in the same order). */
const compiled = weights.map((table) => {
  const rows = [...table].filter(([feature]) => feature !== 'bias')
  return {
    bias: table.get('bias') ?? 0,
    slots: Int32Array.from(rows.map(([feature]) => slotOf.get(feature)!)),
    weights: Float64Array.from(rows.map(([, weight]) => weight))
  }
})

/** A block's features as a vector (`featureNames` order): read once, not once per state. */
function vectorOf(features: Features, into: Float64Array): Float64Array {
  for (let k = 0; k < featureNames.length; k++) into[k] = features[featureNames[k]!] ?? 0
  return into
}

/** Transition weights, NEG where the grammar forbids the move. */
const move: Float64Array = new Float64Array(S * S).fill(NEG)
const start: Float64Array = new Float64Array(S).fill(NEG)
const end: Float64Array = new Float64Array(S).fill(NEG)
for (const row of transitions) {
  if (row.from === 'start') start[index.get(row.to as State)!] = row.weight
  else if (row.to === 'end') end[index.get(row.from)!] = row.weight
  else move[index.get(row.from)! * S + index.get(row.to)!] = row.weight
}

/** How much a block's features speak for the state with index `state`. */
function emission(vector: Float64Array, state: number): number {
  const row = compiled[state]!
  let score = row.bias
  for (let k = 0; k < row.slots.length; k++) score += row.weights[k]! * vector[row.slots[k]!]!
  return score
}

export interface Decoded {
  states: State[]
  score: number
}

/** The best state sequence for the blocks. */
export function decode(blocks: readonly Features[]): Decoded {
  const n = blocks.length
  if (n === 0) return {states: [], score: 0}
  const score = new Float64Array(n * S)
  const back = new Int8Array(n * S)
  const vector = new Float64Array(featureNames.length)
  vectorOf(blocks[0]!, vector)
  for (let s = 0; s < S; s++) score[s] = start[s]! + emission(vector, s)
  const e = new Float64Array(S)
  for (let i = 1; i < n; i++) {
    vectorOf(blocks[i]!, vector)
    for (let s = 0; s < S; s++) e[s] = emission(vector, s)
    for (let s = 0; s < S; s++) {
      let best = NEG
      let from = 0
      for (let p = 0; p < S; p++) {
        const candidate = score[(i - 1) * S + p]! + move[p * S + s]!
        if (candidate > best) {
          best = candidate
          from = p
        }
      }
      score[i * S + s] = best + e[s]!
      back[i * S + s] = from
    }
  }
  let best = NEG
  let last = 0
  for (let s = 0; s < S; s++) {
    const candidate = score[(n - 1) * S + s]! + end[s]!
    if (candidate > best) {
      best = candidate
      last = s
    }
  }
  const out: State[] = new Array<State>(n)
  for (let i = n - 1, s = last; i >= 0; i--) {
    out[i] = states[s]!
    s = back[i * S + s]!
  }
  return {states: out, score: best}
}
