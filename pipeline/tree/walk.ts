/**
 * A plain depth-first walk over the tree, for the hot paths of the stages and
 * writers (`unist-util-visit` keeps a parents stack per node, which costs more
 * than the work done at most nodes).
 */
interface Walkable {
  type: string
  children?: Walkable[]
}

/** Calls `visitor` on `node` and every descendant, parents before children, in order. */
export function walk<T extends Walkable>(node: T, visitor: (node: Walkable) => void): void {
  visitor(node)
  const children = node.children
  if (children) for (let i = 0; i < children.length; i++) walk(children[i]!, visitor)
}

/** Every descendant of `node` (and `node` itself) whose type is `type`. */
export function collect<N>(node: Walkable, type: string): N[] {
  const found: N[] = []
  walk(node, (n) => {
    if (n.type === type) found.push(n as N)
  })
  return found
}
