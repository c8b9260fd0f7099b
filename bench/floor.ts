/**
 * The floor a batch is measured against, in the same process run: read each
 * file, decode it, one regular-expression scan (the page chrome that opens each
 * document of the benchmark corpus, with the title glued before it), and write
 * a JSON and a Markdown file per document. No conversion: the least any tool
 * must do per document. Prints `{ms, cpuMs, maxRssMiB, documents}`; it must
 * find as many documents as the pipeline does, or the ratio would flatter it.
 */
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'

const [input = '.', out = 'floor-out'] = process.argv.slice(2)
const started = performance.now()
// Every document of the seed opens with the site's font-size bar right after its title and date.
const OPENING = /\[字体：/g
mkdirSync(path.join(out, 'json'), {recursive: true})
mkdirSync(path.join(out, 'md'), {recursive: true})
let documents = 0
for (const name of readdirSync(input).sort()) {
  const text = new TextDecoder().decode(readFileSync(path.join(input, name)))
  let last = 0
  let index = 0
  const openings = [...text.matchAll(OPENING)]
  for (const match of openings) {
    const next = openings[index + 1]?.index ?? text.length
    const body = text.slice(match.index!, next)
    const title = text.slice(Math.max(last, match.index! - 60), match.index!)
    const stem = `${name}-${index++}`
    writeFileSync(path.join(out, 'json', `${stem}.json`), JSON.stringify({title, text: body}))
    writeFileSync(path.join(out, 'md', `${stem}.md`), `# ${title}\n\n${body}\n`)
    last = next
    documents++
  }
}
const ms = performance.now() - started
const usage = process.resourceUsage()
process.stdout.write(JSON.stringify({documents, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMiB: usage.maxRSS / 1024}) + '\n')
