/**
 * The floor a batch is measured against, in the same process run: read each
 * file, decode it, one regular-expression scan (the title of each document),
 * and write a JSON and a Markdown file per document. No conversion: the least
 * any tool must do per document. Prints `{ms, cpuMs, maxRssMiB, documents}`.
 */
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'

const [input = '.', out = 'floor-out'] = process.argv.slice(2)
const started = performance.now()
// A title ends with a family word and is followed by the page's date stamp (scraped pages glue them).
const TITLE = /[^\s\u3000]{2,80}?(?:联合声明|联合公报|条约|协定|议定书)(?=\d{4}-\d{2}-\d{2})/gu
mkdirSync(path.join(out, 'json'), {recursive: true})
mkdirSync(path.join(out, 'md'), {recursive: true})
let documents = 0
for (const name of readdirSync(input).sort()) {
  const text = new TextDecoder().decode(readFileSync(path.join(input, name)))
  let last = 0
  let index = 0
  const titles = [...text.matchAll(TITLE)]
  for (const match of titles) {
    const next = titles[index + 1]?.index ?? text.length
    const body = text.slice(match.index!, next)
    const stem = `${name}-${index++}`
    writeFileSync(path.join(out, 'json', `${stem}.json`), JSON.stringify({title: match[0], text: body}))
    writeFileSync(path.join(out, 'md', `${stem}.md`), `# ${match[0]}\n\n${body}\n`)
    last = next
    documents++
  }
  void last
}
const ms = performance.now() - started
const usage = process.resourceUsage()
process.stdout.write(JSON.stringify({documents, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMiB: usage.maxRSS / 1024}) + '\n')
