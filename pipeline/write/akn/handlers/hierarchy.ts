/**
 * The children of a hierarchical container (`mainBody`, `article`, `chapter`,
 * `point`), shared by `body.ts` and `division.ts`.
 *
 * - An unnumbered paragraph is a `<paragraph>` with `<content><p>`. When points
 *   follow it (`双方同意：` + `（一）…（二）…`) it is their lead-in:
 *   `<paragraph><intro><p>…</p></intro><point>…</point>…</paragraph>`, so the
 *   third point after the second paragraph of article 13 is `art_13__para_2__point_3`.
 * - Numbered divisions are written by their own handler, in place.
 * - A point that holds only paragraphs is `<point><num/><content><p/>…</content>`;
 *   a point with sub-points is `intro`, sub-points, `wrapUp` when the text
 *   allows it, or the general form above.
 */
import type {Division, Paragraph} from '../../../tree/types.js'
import type {XmlElement} from '../element.js'
import type {State} from '../state.js'

export type Container = 'body' | Division['type']

type Child = Paragraph | Division

const isDivision = (node: Child): node is Division => node.type !== 'paragraph'

export function hierarchy(children: readonly Child[], parent: XmlElement, state: State, container: Container): void {
  const first = children.findIndex(isDivision)
  if (container === 'point') {
    if (first === -1) {
      if (children.length > 0) state.all(children, state.append(parent, 'content'))
      return
    }
    const last = children.length - 1 - [...children].reverse().findIndex(isDivision)
    if (children.slice(first, last + 1).every(isDivision)) {
      if (first > 0) state.all(children.slice(0, first), state.append(parent, 'intro'))
      state.all(children.slice(first, last + 1), parent)
      if (last < children.length - 1) state.all(children.slice(last + 1), state.append(parent, 'wrapUp'))
      return
    }
  }

  let index = 0
  while (index < children.length) {
    const child = children[index] as Child
    if (isDivision(child)) {
      state.handle(child, parent)
      index++
      continue
    }
    let end = index + 1
    while (end < children.length && children[end]?.type === 'point') end++
    const paragraph = state.append(parent, 'paragraph')
    if (end > index + 1) {
      state.handle(child, state.append(paragraph, 'intro'))
      state.all(children.slice(index + 1, end), paragraph)
    } else {
      state.handle(child, state.append(paragraph, 'content'))
    }
    index = end
  }
}
