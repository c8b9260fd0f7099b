/**
 * Nothing is lost and nothing is counted twice: for the seed and every corpus
 * file, content leaves, removals, metadata spans and layout cover each input
 * character exactly once.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {convert} from '../pipeline/batch/convert.js'
import {coverage} from './helpers/coverage.js'
import {corpusFiles, seedPath} from './helpers/seed.js'

const inputs = [seedPath, ...corpusFiles()]

describe('nothing lost', () => {
  it.each(inputs.map((p) => [path.basename(p), p]))('%s: every character is content, layout, removed or metadata, once', async (_name, file) => {
    const result = await convert([{path: file, bytes: readFileSync(file)}])
    expect(result.failed).toEqual([])
    const vfile = result.files[0]!
    const tree = result.trees.get(vfile)!
    const problems = coverage(vfile.data.source!.text, tree, vfile.data.removed!, vfile.data.stamps!)
    expect(problems).toEqual([])
  })

  it('sees a character that nothing covers', async () => {
    const result = await convert([{path: seedPath, bytes: readFileSync(seedPath)}])
    const vfile = result.files[0]!
    // Forget one removal: its characters are now uncovered, and the check must say so.
    const removed = vfile.data.removed!.slice(1)
    const problems = coverage(vfile.data.source!.text, result.trees.get(vfile)!, removed, vfile.data.stamps!)
    expect(problems[0]).toEqual({offset: 0, char: '1', count: 0})
  })
})
