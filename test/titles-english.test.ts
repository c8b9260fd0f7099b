/**
 * English titles: the family word near the start (`Agreement between…`,
 * `Pretoria Declaration on…`), but never a sentence about a document
 * (`This Agreement shall…`), and a title glued to text is cut only where the
 * text after it could start on its own.
 */
import {describe, expect, it} from 'vitest'
import {titleAtStart, titleShape} from '../pipeline/segment/titles.js'

describe('English titles', () => {
  it('are recognised with the family word near their start', () => {
    expect(titleShape("Agreement between the Government of the People's Republic of China and the Government of the Republic of Kenya")?.title).toMatch(/^Agreement between/)
    expect(titleShape('TREATY OF FRIENDSHIP BETWEEN CHINA AND NEPAL')).not.toBeNull()
  })

  it('are never a sentence about a document', () => {
    for (const text of ['This Agreement', 'Such Protocol', 'The present Agreement', 'Each Agreement']) expect(titleShape(text), text).toBeNull()
  })

  it('are not cut out of a sentence before a lower-case word', () => {
    expect(titleAtStart('This Agreement shall enter into force on the date of signature.')).toBeNull()
    expect(titleAtStart('Joint Statement on Cooperation shall be published')).toBeNull()
    expect(titleAtStart('Joint Statement of China and Kenya The two sides met in Beijing.')?.title).toBe('Joint Statement of China and Kenya')
  })
})
