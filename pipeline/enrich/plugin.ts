/**
 * Stage `enrich`. Reads: the segmented tree and `file.data.cleaned`. Writes:
 * inline marks (dates, citations, persons, roles, organisations, places) in
 * every paragraph, title and signing line, with exact positions; then drops the
 * stage-internal cleaned offsets from the leaves. Persons are recognised by the
 * names the file's signature blocks print, or right after a role.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {walk} from '../tree/walk.js'
import type {Inline, Paragraph, Root, Signature, Signing, Text, Title} from '../tree/types.js'
import {Locator, NodeFactory} from '../tree/nodes.js'
import {findInline, NameBook} from './inline.js'
import '../read/source.js'

const enrich: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile): void => {
    const {source, cleaned} = file.data
    if (!source || !cleaned) throw new Error('`enrich` needs `read`, `clean` and `segment` to run first')
    const factory = new NodeFactory(cleaned, new Locator(source.text))
    // One walk finds the names the signature blocks print and the nodes to mark (all names are known before any is marked).
    const names = new NameBook()
    const containers: Array<[Paragraph | Signing, 'all' | 'context']> = []
    walk(tree, (node) => {
      if (node.type === 'signature' && (node as Signature).name) names.add((node as Signature).name!)
      else if (node.type === 'paragraph') containers.push([node as Paragraph, 'context'])
      else if (node.type === 'signing') containers.push([node as Signing, 'all'])
    })
    const mark = (node: Paragraph | Title | Signing, places: 'all' | 'context'): void => {
      const children: Inline[] = []
      for (const child of runs(node.children)) {
        const clean = child.type === 'text' ? child.data?.clean : undefined
        if (!clean) {
          children.push(child)
          continue
        }
        let at = clean[0]
        for (const item of findInline(cleaned.text.slice(clean[0], clean[1]), names, {places})) {
          const start = clean[0] + item.start
          const end = clean[0] + item.end
          if (start > at) children.push(...factory.texts(at, start))
          children.push(item.build(factory.texts(start, end), factory.span(start, end)))
          at = end
        }
        if (at < clean[1]) children.push(...factory.texts(at, clean[1]))
      }
      node.children = children
    }
    for (const [node, places] of containers) mark(node, places)
    // The cleaned offsets were for this stage only.
    walk(tree, (node) => {
      if (node.type === 'text') delete (node as Text).data
    })
  }
}

/**
 * Leaves that are adjacent in the cleaned text read as one run (a removal or a
 * rejoined line break split them only in the source), so a citation or a name
 * across the split is still found; `factory.texts` splits the result again.
 */
function runs(children: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const child of children) {
    const last = out[out.length - 1]
    const clean = child.type === 'text' ? child.data?.clean : undefined
    const lastClean = last?.type === 'text' ? last.data?.clean : undefined
    if (last && clean && lastClean && lastClean[1] === clean[0]) {
      out[out.length - 1] = {...last, value: (last as Text).value + (child as Text).value, data: {clean: [lastClean[0], clean[1]]}} as Text
    } else out.push(child)
  }
  return out
}

export default enrich
