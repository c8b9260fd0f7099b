/**
 * One measured run in a fresh process (so peak memory is this run's own):
 * prints `{cases, ms, documents, maxRssMiB}` as JSON.
 */
import process from 'node:process'
import {convert} from '../pipeline/batch/convert.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {seedCorpus} from './corpus.js'
import {hostileCases} from './hostile.js'

const [kind = 'text', arg = '334'] = process.argv.slice(2)

async function run(): Promise<Record<string, unknown>> {
  if (kind === 'text' || kind === 'formats') {
    const inputs = seedCorpus(Number(arg))
    const formats = kind === 'text' ? ['json', 'md'] : (process.argv[4] ?? 'akn').split(',')
    const started = performance.now()
    const result = await convert(inputs)
    const context = createWriteContext(result.documents)
    let bytes = 0
    for (const doc of result.documents) for (const format of formats) bytes += (await context.render(format, doc)).byteLength
    const ms = performance.now() - started
    return {kind, formats, files: inputs.length, documents: result.documents.length, ms, bytes}
  }
  if (kind === 'validate') {
    // Akoma Ntoso schema validation of a batch: compile once, then every document.
    const {validateAkn, aknSchemaInfo} = await import('../pipeline/validate/akn-schema.js')
    const result = await convert(seedCorpus(Number(arg)))
    const context = createWriteContext(result.documents)
    const docs = await Promise.all(result.documents.map(async (doc) => ({name: doc.meta.slug, xml: new TextDecoder().decode(await context.render('akn', doc))})))
    const {compileMs} = await aknSchemaInfo()
    const started = performance.now()
    const results = await validateAkn(docs)
    const ms = performance.now() - started
    return {kind, documents: docs.length, invalid: results.filter((r) => !r.valid).length, compileMs, ms}
  }
  const hostile = hostileCases().find((c) => c.name === kind)
  if (!hostile) throw new Error(`unknown case ${kind}`)
  const input = hostile.make()
  const started = performance.now()
  const result = await convert([{path: hostile.name, bytes: input}])
  const context = createWriteContext(result.documents)
  for (const doc of result.documents) for (const format of ['json', 'md']) await context.render(format, doc)
  const ms = performance.now() - started
  return {
    kind,
    inputMiB: input.byteLength / 2 ** 20,
    documents: result.documents.length,
    failed: result.failed.length,
    messages: [...new Set(result.files.flatMap((f) => f.messages.map((m) => m.ruleId)))],
    ms
  }
}

run().then((report) => {
  process.stdout.write(JSON.stringify({...report, maxRssMiB: process.resourceUsage().maxRSS / 1024}) + '\n')
})
