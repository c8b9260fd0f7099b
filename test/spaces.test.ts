/** `isSpaceUnit` is `/\s/u` on one UTF-16 unit, for every unit. */
import {describe, expect, it} from 'vitest'
import {isSpaceUnit} from '../pipeline/text/spaces.js'

describe('isSpaceUnit', () => {
  it('agrees with /\\s/u on all 65,536 units', () => {
    const pattern = /[\s\u3000\u00a0]/u
    const wrong: number[] = []
    for (let code = 0; code <= 0xffff; code++) if (isSpaceUnit(code) !== pattern.test(String.fromCharCode(code))) wrong.push(code)
    expect(wrong).toEqual([])
  })
})
