/** Parsing and walking HTML pages in tests (hast, as the writer builds it). */
import {fromHtml} from 'hast-util-from-html'
import type {Element, Nodes, Root} from 'hast'
import {HtmlValidate} from 'html-validate'

export function parse(html: string): Root {
  return fromHtml(html)
}

export function elements(tree: Nodes): Element[] {
  const out: Element[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'element') out.push(node)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return out
}

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => textOf(child)).join('')
  return ''
}

export function byId(tree: Nodes, id: string): Element | undefined {
  return elements(tree).find((el) => el.properties['id'] === id)
}

// `long-title` is search-engine advice, not validity: a page's title is the document's, never cut.
const validator = new HtmlValidate({extends: ['html-validate:recommended'], rules: {'long-title': 'off'}})

/** html-validate's messages for a page, as `rule: message` lines (empty when valid). */
export async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html)
  return report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`))
}
