/**
 * The Markdown writer's handlers (`shortcut-handlers.ts`: text that needs no
 * escape, one-text paragraphs, the root's flow, a narrowed `safe`) give
 * exactly what mdast-util-to-markdown's default handlers give: compared on
 * generated trees full of characters Markdown escapes, and on every document
 * of the seed and the corpus.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {unified} from 'unified'
import remarkStringify from 'remark-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import type {Heading, Link, List, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {paragraph, root, text} from '../pipeline/write/markdown/shortcut-handlers.js'
import {toMdast} from '../pipeline/write/markdown/index.js'
import {convert} from '../pipeline/batch/convert.js'
import {corpusFiles, seedPath} from './helpers/seed.js'

const SEED = Number(process.env['PROPERTY_SEED'] ?? 42)
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 1500)

/** The writer's settings, with and without the shortcuts. */
const settings = {bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one', fences: true} as const
const shortcut = unified().use(remarkFrontmatter, ['yaml']).use(remarkStringify, {...settings, handlers: {root, paragraph, text}}).freeze()
const reference = unified().use(remarkFrontmatter, ['yaml']).use(remarkStringify, settings).freeze()

/** Every ASCII punctuation mark, white space and line breaks, digits and letters next to marks, CJK and astral characters. */
const piece = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split(''))},
  {weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\r', '\u3000', '\u00a0')},
  {weight: 2, arbitrary: fc.constantFrom('1', '1.', '2)', 'a', 'A', 'x_y', '&amp;', '&#x61;', '<a>', '<!--', '](', '![', '***', '___', '---', '===', '```', '~~~', '- ', '+ ', '# ', '> ')},
  {weight: 4, arbitrary: fc.constantFrom('中', '华人民共和国', '（签字）', '一、', '第一条', '《条约》', '，', '。', '😀', '\ud800')}
)
const value = fc.array(piece, {maxLength: 10}).map((parts) => parts.join(''))

const textNode = value.map((v): Text => ({type: 'text', value: v}))
const link = fc.record({url: value, title: fc.option(value), text: value}).map(
  ({url, title, text: label}): Link => ({type: 'link', url, title, children: [{type: 'text', value: label}]})
)
const phrasing: fc.Arbitrary<PhrasingContent[]> = fc.oneof(
  {weight: 4, arbitrary: textNode.map((t) => [t])},
  {weight: 2, arbitrary: fc.array(fc.oneof(textNode, link), {minLength: 1, maxLength: 4})},
  {weight: 1, arbitrary: fc.tuple(textNode, value).map(([t, v]): PhrasingContent[] => [t, {type: 'emphasis', children: [{type: 'text', value: v}]}, {type: 'strong', children: [{type: 'text', value: v}]}])}
)
const paragraphNode = phrasing.map((children): Paragraph => ({type: 'paragraph', children}))
const headingNode = fc.tuple(fc.integer({min: 1, max: 3}), phrasing).map(([depth, children]): Heading => ({type: 'heading', depth: depth as 1 | 2 | 3, children}))
const listNode = fc.array(paragraphNode, {minLength: 1, maxLength: 3}).map(
  (items): List => ({type: 'list', ordered: false, spread: false, children: items.map((p) => ({type: 'listItem', spread: false, children: [p]}))})
)
const flow: fc.Arbitrary<RootContent> = fc.oneof(
  {weight: 5, arbitrary: paragraphNode},
  {weight: 2, arbitrary: headingNode},
  {weight: 2, arbitrary: listNode},
  {weight: 1, arbitrary: fc.constant<RootContent>({type: 'thematicBreak'})},
  {weight: 1, arbitrary: value.map((v): RootContent => ({type: 'code', value: v}))}
)
const tree = fc
  .tuple(fc.boolean(), fc.array(flow, {maxLength: 6}), fc.boolean(), textNode)
  .map(([yaml, children, phrasingRoot, loose]): Root => ({
    type: 'root',
    // A root with phrasing straight in it goes to the default root handler.
    children: [...(yaml ? [{type: 'yaml', value: 'id: a'} as RootContent] : []), ...children, ...(phrasingRoot ? [loose] : [])]
  }))

describe('Markdown shortcut handlers', () => {
  it('give what the default handlers give on generated trees', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(shortcut.stringify(structuredClone(t))).toBe(reference.stringify(structuredClone(t)))
      }),
      {seed: SEED, numRuns: RUNS}
    )
  })

  it('give what the default handlers give on every document of the seed and the corpus', async () => {
    const result = await convert([seedPath, ...corpusFiles()].map((p) => ({path: p, bytes: readFileSync(p)})))
    expect(result.documents.length).toBeGreaterThan(2)
    for (const doc of result.documents) {
      const t = toMdast(doc, result.documents)
      expect(shortcut.stringify(structuredClone(t)), doc.meta.id).toBe(reference.stringify(structuredClone(t)))
    }
  })

  it('escape what needs escaping (the shortcut is not taken blindly)', () => {
    const md = shortcut.stringify({
      type: 'root',
      children: [
        {type: 'paragraph', children: [{type: 'text', value: '1. 一、*双方* [注]'}]},
        {type: 'paragraph', children: [{type: 'text', value: '- 中华人民共和国'}]},
        {type: 'paragraph', children: [{type: 'text', value: '中华人民共和国'}]}
      ]
    })
    expect(md).toBe('1\\. 一、\\*双方\\* \\[注]\n\n\\- 中华人民共和国\n\n中华人民共和国\n')
  })
})
