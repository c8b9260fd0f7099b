/**
 * The Markdown writer: parsed back with remark it gives the same title,
 * articles and texts as the tree; a linter with the recommended preset reports
 * nothing; the front matter is YAML with the metadata.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkLint from 'remark-lint'
import remarkPresetLintRecommended from 'remark-preset-lint-recommended'
import remarkStringify from 'remark-stringify'
import {parse as parseYaml} from 'yaml'
import type {Root, Paragraph as MdParagraph, Heading} from 'mdast'
import {VFile} from 'vfile'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {markdownWriter} from '../pipeline/write/markdown/index.js'
import {toText} from '../pipeline/tree/text.js'
import type {Division, Document, Paragraph} from '../pipeline/tree/types.js'
import {corpusFiles, seedPath} from './helpers/seed.js'

let result: Converted
const outputs: string[] = []
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

beforeAll(async () => {
  result = await convert([seedPath, ...corpusFiles()].map((p) => ({path: p, bytes: readFileSync(p)})))
  const context = createWriteContext(result.documents)
  for (const doc of result.documents) outputs.push(new TextDecoder().decode(await markdownWriter.write(doc, context)))
})

function plain(node: {type: string; value?: string; children?: unknown[]}): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map((c) => plain(c as never)).join('')
}

/** The paragraphs a reader expects, in order: preface lines, preamble, each article's paragraphs (number first), conclusions. */
function expectedParagraphs(doc: Document): string[] {
  const out: string[] = []
  const division = (node: Division): void => {
    const [num, ...rest] = node.children
    let first = true
    for (const child of rest) {
      if (child.type === 'paragraph') {
        out.push((first ? num.value : '') + toText(child))
      } else {
        if (first) out.push(num.value)
        division(child)
      }
      first = false
    }
    if (first) out.push(num.value)
  }
  for (const section of doc.children) {
    if (section.type === 'preface') out.push(...section.children.filter((c) => c.type === 'paragraph').map((c) => toText(c)))
    if (section.type === 'preamble') out.push(...section.children.map((c) => toText(c)))
    if (section.type === 'body') {
      for (const child of section.children) {
        if (child.type === 'paragraph') out.push(toText(child as Paragraph))
        else if (child.type === 'chapter') continue
        else division(child)
      }
    }
    if (section.type === 'conclusions') {
      for (const child of section.children) if (child.type === 'paragraph') out.push(toText(child))
    }
  }
  return out
}

describe('Markdown writer', () => {
  it('round-trips the seed: same title, article count and paragraph texts', () => {
    for (const [index, doc] of result.documents.slice(0, 3).entries()) {
      const tree = parser.parse(outputs[index]!) as Root
      const headings = tree.children.filter((n): n is Heading => n.type === 'heading')
      expect(headings.map((h) => [h.depth, plain(h)])).toEqual([[1, doc.meta.title]])
      const paragraphs = tree.children.filter((n): n is MdParagraph => n.type === 'paragraph').map(plain)
      const expected = expectedParagraphs(doc)
      // The signing line closes the document.
      expect(paragraphs.slice(0, expected.length)).toEqual(expected)
      const articleCount = (doc.children.find((s) => s.type === 'body')?.children ?? []).filter((c) => c.type === 'article').length
      const numbered = tree.children.filter((n) => n.type === 'paragraph' && /^[一二三四五六七八九十]+、/.test(plain(n))).length
      expect(numbered).toBe(articleCount)
    }
  })

  it('keeps article numbers as plain text (no emphasis that CommonMark would leave literal)', () => {
    const tree = parser.parse(outputs[0]!) as Root
    const first = tree.children.find((n): n is MdParagraph => n.type === 'paragraph' && plain(n).startsWith('一、'))!
    expect(first.children[0]!.type).toBe('text')
    expect(outputs.join('')).not.toMatch(/\*\*[一二三四五六七八九十]+、\*\*/)
  })

  it('writes the metadata as YAML front matter', () => {
    const tree = parser.parse(outputs[0]!) as Root
    const yaml = tree.children[0]!
    expect(yaml.type).toBe('yaml')
    const meta = parseYaml((yaml as {value: string}).value)
    expect(meta).toMatchObject({
      id: '/akn/cn/statement/jointStatement/1994-03-07/cn-az',
      type: 'jointStatement',
      signed: '1994-03-07',
      signedSource: 'citation',
      published: '2002-03-14',
      parties: [
        {name: '中华人民共和国', code: 'cn'},
        {name: '阿塞拜疆共和国', code: 'az'}
      ]
    })
  })

  it('sets the signature block as a readable list, one signatory per item', () => {
    const tree = parser.parse(outputs[2]!) as Root
    const list = tree.children.find((n) => n.type === 'list')!
    // No space before the printed mark (issue 12): the mark follows the name as printed.
    expect(plain(list as never)).toBe('中华人民共和国主席 习近平（签字）阿塞拜疆共和国总统 伊利哈姆·阿利耶夫（签字）')
    expect(plain(tree.children.at(-1) as never)).toBe('二○一五年十二月十日于北京')
  })

  it('links resolved citations to the cited document', () => {
    expect(outputs[2]).toContain('[《中华人民共和国和阿塞拜疆共和国联合声明》](2005-03-17_cn-az_jointStatement.md "/akn/cn/statement/jointStatement/2005-03-17/cn-az")')
  })

  it('passes remark-lint with the recommended preset, and is stable under remark', async () => {
    const linter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkLint).use(remarkPresetLintRecommended).use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one', fences: true})
    for (const [index, markdown] of outputs.entries()) {
      const file = new VFile({path: `${index}.md`, value: markdown})
      const out = await linter.process(file)
      expect(file.messages.map(String)).toEqual([])
      expect(String(out)).toBe(markdown)
    }
  })
})
