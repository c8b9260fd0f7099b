import {describe, it, expect} from 'vitest'
import {
  countries,
  countryNamesLongestFirst,
  matchCountryAt,
  countriesByAbbrev,
  countryByCode,
  englishCountryIn,
} from '../pipeline/rules/countries.js'
import {matchNumber, numberingStyles} from '../pipeline/rules/numbering.js'
import {isCell, signingLine} from '../pipeline/segment/signatures.js'
import {docTypeOfTitle} from '../pipeline/rules/doc-types.js'
import {places, matchPlaceAt} from '../pipeline/rules/places.js'
import {organizations, matchOrganizationAt} from '../pipeline/rules/organizations.js'
import {roles, matchRoleEndingAt, matchRoleAt} from '../pipeline/rules/roles.js'

/** Every name of a table must be claimed by one entry only. */
function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const dups = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) dups.add(name)
    seen.add(name)
  }
  return [...dups]
}

const tables = [
  {table: 'countries', ids: countries.map((r) => r.code), names: countries.flatMap((r) => r.names)},
  {table: 'places', ids: places.map((r) => r.id), names: places.flatMap((r) => r.names)},
  {table: 'organizations', ids: organizations.map((r) => r.id), names: organizations.flatMap((r) => r.names)},
  {table: 'roles', ids: roles.map((r) => r.id), names: roles.flatMap((r) => r.names)},
]

describe('rule tables are well formed', () => {
  for (const {table, ids, names} of tables) {
    it(`${table}: no duplicate ids`, () => {
      expect(duplicates(ids)).toEqual([])
    })
    it(`${table}: no name claimed by two entries`, () => {
      expect(duplicates(names)).toEqual([])
    })
    it(`${table}: no empty or padded names`, () => {
      for (const name of names) expect(name).toMatch(/^\S(.*\S)?$/u)
    })
  }

  it('country codes are two lower-case letters', () => {
    for (const rule of countries) expect(rule.code).toMatch(/^[a-z]{2}$/)
    for (const rule of places) expect(rule.country).toMatch(/^[a-z]{2}$/)
  })

  it('place countries are known country codes', () => {
    for (const rule of places) expect(countryByCode(rule.country), rule.id).toBeDefined()
  })

  it('ids of places, organizations and roles are ASCII camelCase', () => {
    for (const id of [...places, ...organizations, ...roles].map((r) => r.id)) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/)
  })

  it('abbreviations are single characters or null, and every entry has English names', () => {
    for (const rule of countries) {
      if (rule.abbrev !== null) expect([...rule.abbrev]).toHaveLength(1)
      expect(rule.en.length).toBeGreaterThan(0)
      expect(rule.names.length).toBeGreaterThan(0)
    }
  })

  it('covers the UN members plus observers and historic states', () => {
    expect(countries.length).toBeGreaterThanOrEqual(193 + 2 + 5)
    for (const code of ['su', 'yu', 'dd', 'cs', 'ye', 'yd', 'ps']) expect(countryByCode(code), code).toBeDefined()
    expect(countryByCode('tw')).toBeUndefined()
  })

  it('every name matches its own entry (no name is shadowed)', () => {
    for (const rule of countries) for (const name of rule.names) expect(matchCountryAt(name, 0)?.rule).toBe(rule)
    for (const rule of places) for (const name of rule.names) expect(matchPlaceAt(name, 0)?.rule).toBe(rule)
    for (const rule of organizations) for (const name of rule.names) expect(matchOrganizationAt(name, 0)?.rule).toBe(rule)
    for (const rule of roles) {
      for (const name of rule.names) {
        expect(matchRoleAt(name, 0)?.rule).toBe(rule)
        expect(matchRoleEndingAt(name, name.length)?.rule).toBe(rule)
      }
    }
  })

  it('countryNamesLongestFirst is sorted longest first', () => {
    for (let i = 1; i < countryNamesLongestFirst.length; i++) {
      expect(countryNamesLongestFirst[i - 1]!.name.length).toBeGreaterThanOrEqual(countryNamesLongestFirst[i]!.name.length)
    }
  })
})

describe('countries', () => {
  const code = (text: string, index = 0) => matchCountryAt(text, index)?.rule.code ?? null
  const name = (text: string, index = 0) => matchCountryAt(text, index)?.name ?? null

  it('longest name wins over its prefixes', () => {
    expect(code('几内亚比绍共和国总统')).toBe('gw')
    expect(name('几内亚比绍政府')).toBe('几内亚比绍')
    expect(code('几内亚政府')).toBe('gn')
    expect(code('赤道几内亚')).toBe('gq')
    expect(name('阿拉伯也门共和国新闻文化部')).toBe('阿拉伯也门共和国')
    expect(code('阿拉伯也门共和国新闻文化部')).toBe('ye')
    expect(code('也门民主人民共和国')).toBe('yd')
    expect(code('刚果民主共和国')).toBe('cd')
    expect(code('刚果（金）')).toBe('cd')
    expect(code('刚果(布)')).toBe('cg')
    expect(code('刚果政府')).toBe('cg')
    expect(code('多米尼克国')).toBe('dm')
    expect(code('多米尼加共和国')).toBe('do')
    expect(code('尼日尔')).toBe('ne')
    expect(code('尼日利亚')).toBe('ng')
    expect(code('南苏丹')).toBe('ss')
    expect(code('苏丹')).toBe('sd')
    expect(code('朝鲜民主主义人民共和国')).toBe('kp')
    expect(code('大韩民国')).toBe('kr')
    expect(code('捷克斯洛伐克社会主义共和国')).toBe('cs')
    expect(code('捷克共和国')).toBe('cz')
    expect(code('印度尼西亚')).toBe('id')
    expect(code('印度政府')).toBe('in')
    expect(code('苏维埃社会主义共和国联盟')).toBe('su')
    expect(code('德意志民主共和国')).toBe('dd')
    expect(code('德意志联邦共和国')).toBe('de')
  })

  it('matches Simplified and Traditional forms', () => {
    expect(code('中华人民共和国和阿塞拜疆共和国联合声明')).toBe('cn')
    expect(name('中华人民共和国和阿塞拜疆共和国', 8)).toBe('阿塞拜疆共和国')
    expect(code('中華人民共和國政府')).toBe('cn')
    expect(name('中華人民共和國政府')).toBe('中華人民共和國')
    expect(code('大不列顛及北愛爾蘭聯合王國政府代表')).toBe('gb')
    expect(name('大不列顛及北愛爾蘭聯合王國政府代表')).toBe('大不列顛及北愛爾蘭聯合王國')
    expect(code('聯合王國政府承認')).toBe('gb')
    expect(code('白俄罗斯共和国')).toBe('by')
    expect(code('卡塔尔国代表')).toBe('qa')
    expect(code('秘鲁共和国总统')).toBe('pe')
    expect(code('祕魯')).toBe('pe')
    expect(code('秘魯')).toBe('pe')
  })

  it('matches at an index inside running text and returns null elsewhere', () => {
    const text = '应中华人民共和国主席杨尚昆的邀请，秘鲁共和国总统'
    expect(code(text, 1)).toBe('cn')
    expect(code(text, 0)).toBeNull()
    expect(code(text, text.indexOf('秘鲁'))).toBe('pe')
    expect(code(text, text.length)).toBeNull()
    expect(code(text, -1)).toBeNull()
  })

  it('does not take 中非 (China–Africa) for the Central African Republic', () => {
    expect(code('中非合作论坛')).toBeNull()
    expect(code('中非共和国')).toBe('cf')
  })

  it('abbreviations: 中 is China, 阿 is ambiguous, Traditional forms resolve', () => {
    expect(countriesByAbbrev('中').map((r) => r.code)).toEqual(['cn'])
    const a = countriesByAbbrev('阿').map((r) => r.code)
    for (const c of ['az', 'al', 'dz', 'ar', 'af']) expect(a).toContain(c)
    expect(countriesByAbbrev('蘇').map((r) => r.code)).toEqual(countriesByAbbrev('苏').map((r) => r.code))
    expect(countriesByAbbrev('英').map((r) => r.code)).toEqual(['gb'])
    expect(countriesByAbbrev('秘').map((r) => r.code)).toEqual(['pe'])
    expect(countriesByAbbrev('卡').map((r) => r.code)).toEqual(['qa'])
    expect(countriesByAbbrev('尼').map((r) => r.code)).toContain('np')
    expect(countriesByAbbrev('x')).toEqual([])
  })
})

describe('places', () => {
  it('resolves signing places', () => {
    expect(matchPlaceAt('巴黎', 0)?.rule.country).toBe('fr')
    expect(matchPlaceAt('北京', 0)?.rule.country).toBe('cn')
    expect(matchPlaceAt('二00五年三月十七日于北京', 11)?.rule.id).toBe('beijing')
    expect(matchPlaceAt('1992年1月20日于北京市 |', 11)?.name).toBe('北京市')
    expect(matchPlaceAt('巴库', 0)?.rule.country).toBe('az')
    expect(matchPlaceAt('亚的斯亚贝巴', 0)?.rule.id).toBe('addisAbaba')
    expect(matchPlaceAt('日內瓦', 0)?.rule.id).toBe('geneva')
    expect(matchPlaceAt('香港特別行政區', 0)?.name).toBe('香港特別行政區')
    expect(matchPlaceAt('华盛顿特区', 0)?.rule.country).toBe('us')
    expect(matchPlaceAt('首都', 0)).toBeNull()
  })
})

describe('organizations', () => {
  const id = (text: string, index = 0) => matchOrganizationAt(text, index)?.rule.id ?? null
  it('longest name wins', () => {
    expect(id('联合国安全理事会决议')).toBe('unSecurityCouncil')
    expect(id('联合国安理会')).toBe('unSecurityCouncil')
    expect(id('联合国宪章')).toBe('un')
    expect(id('中国共产党中央委员会总书记')).toBe('cpcCentralCommittee')
    expect(id('中国共产党')).toBe('cpc')
    expect(id('亚信会议')).toBe('cica')
    expect(id('联合国亚洲和太平洋经济社会委员会')).toBe('unescap')
    expect(id('亚太经社会')).toBe('unescap')
    expect(id('全国人民代表大会常务委员会')).toBe('cnNpcStandingCommittee')
  })
  it('knows the required bodies, in both scripts', () => {
    expect(id('亚投行')).toBe('aiib')
    expect(id('亞洲基礎設施投資銀行')).toBe('aiib')
    expect(id('上海合作組織')).toBe('sco')
    expect(id('世界贸易组织')).toBe('wto')
    expect(id('国务院总理')).toBe('cnStateCouncil')
    expect(id('中国全国人大')).toBe('cnNpc')
    expect(id('中國中央電視台')).toBe('cctv')
    expect(id('中国奥委会')).toBe('cnOlympicCommittee')
    expect(matchOrganizationAt('东盟', 0)?.rule.international).toBe(true)
    expect(matchOrganizationAt('国务院', 0)?.rule.international).toBe(false)
    expect(id('外交部')).toBeNull()
  })
})

describe('roles', () => {
  const endingAt = (text: string) => matchRoleEndingAt(text, text.length)
  it('matches right-to-left, longest first', () => {
    expect(endingAt('中华人民共和国驻法兰西共和国特命全权大使')?.rule.id).toBe('ambassadorExtraordinaryAndPlenipotentiary')
    expect(endingAt('阿拉伯也门共和国新闻文化部长')?.name).toBe('新闻文化部长')
    expect(endingAt('中华人民共和国文化部长')?.rule.id).toBe('ministerOfCulture')
    expect(endingAt('中華人民共和國政府代表')?.rule.id).toBe('governmentRepresentative')
    expect(endingAt('外交部副部長')?.rule.id).toBe('viceForeignMinister')
    expect(endingAt('駐中華人民共和國代辦')?.rule.id).toBe('chargeDAffaires')
    expect(endingAt('阿塞拜疆共和国总统')?.rule.id).toBe('president')
    expect(endingAt('中华人民共和国主席')?.rule.id).toBe('chairman')
    expect(endingAt('国务院总理')?.rule.id).toBe('premier')
    expect(endingAt('國務委員兼外交部長')?.rule.id).toBe('foreignMinister')
    expect(endingAt('中华人民共和国')).toBeNull()
    expect(matchRoleEndingAt('总统', 0)).toBeNull()
    expect(matchRoleEndingAt('总统', 3)).toBeNull()
  })
  it('matches left-to-right, longest first', () => {
    const text = '中华人民共和国主席胡锦涛阿塞拜疆共和国总统伊利哈姆·阿利耶夫'
    expect(matchRoleAt(text, 7)?.rule.id).toBe('chairman')
    expect(matchRoleAt(text, text.indexOf('总统'))?.rule.id).toBe('president')
    expect(matchRoleAt('特命全权大使', 0)?.name).toBe('特命全权大使')
    expect(matchRoleAt('外交部副部长', 0)?.rule.id).toBe('viceForeignMinister')
    expect(matchRoleAt(text, 0)).toBeNull()
  })
})

describe('numbering of English counterparts', () => {
  const read = (text: string) => {
    const found = matchNumber(text)
    return found && {style: found.style.id, printed: found.printed, value: found.value}
  }

  it('reads Article and Chapter with digits, Roman numerals and number words, in any case', () => {
    expect(read('Article 1')).toEqual({style: 'article-en', printed: 'Article 1', value: 1})
    expect(read('ARTICLE IV Entry into force')).toEqual({style: 'article-en', printed: 'ARTICLE IV', value: 4})
    expect(read('Article Twelve')).toEqual({style: 'article-en', printed: 'Article Twelve', value: 12})
    expect(read('Article 3. The Parties shall…')).toEqual({style: 'article-en', printed: 'Article 3.', value: 3})
    expect(read('CHAPTER II FINAL PROVISIONS')).toEqual({style: 'chapter-en', printed: 'CHAPTER II', value: 2})
  })

  it('does not read a sentence that opens by citing an article', () => {
    expect(read('Article 5 of the Agreement shall cease to apply.')).toBeNull()
    expect(read('Article 2 shall be amended as follows:')).toBeNull()
    expect(read('Articles 1 to 3 apply.')).toBeNull()
    expect(read('Articled clerks')).toBeNull()
  })

  it('marks 第…条 and Article N as the styles that name articles', () => {
    expect(numberingStyles.filter((style) => style.article).map((style) => style.id)).toEqual(['tiao', 'article-en'])
  })
})

describe('English country names', () => {
  it('match in capitals and with a typographic apostrophe, longest first', () => {
    expect(englishCountryIn("FOR THE GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA")).toMatchObject({name: "People's Republic of China"})
    expect(englishCountryIn('For the People’s Republic of China')).toMatchObject({name: "People's Republic of China"})
    expect(englishCountryIn('FOR THE UNION OF BURMA')?.rule.code).toBe('mm')
    expect(englishCountryIn('Minister of Finance')).toBeNull()
  })
})

describe('numbering beyond 一、 and 第一条', () => {
  const read = (text: string) => {
    const found = matchNumber(text)
    return found && [found.style.id, found.printed, found.value]
  }

  it('reads 第…条 and 第…章 with Arabic digits, ASCII or full-width', () => {
    expect(read('第1条 持有效护照')).toEqual(['tiao', '第1条', 1])
    expect(read('第１２条')).toEqual(['tiao', '第１２条', 12])
    expect(read('第2章 总则')).toEqual(['chapter', '第2章', 2])
  })

  it('reads formal numerals and enclosed numbers', () => {
    expect(read('壹、澳門地區是中國領土')).toEqual(['dun-hanzi', '壹、', 1])
    expect(read('拾貳、附則')).toEqual(['dun-hanzi', '拾貳、', 12])
    expect(read('⑳最后一项')).toEqual(['circled', '⑳', 20])
    expect(read('①加强政治互信')).toEqual(['circled', '①', 1])
    expect(read('⑵交通')).toEqual(['paren-digit', '⑵', 2])
    expect(read('⒊第三')).toEqual(['digit-stop', '⒊', 3])
  })
})

describe('datelines', () => {
  it('read `date，place` as a signing line only when the place is one the gazetteer knows', () => {
    expect(signingLine('2019年9月11日，北京')).toBe(true)
    expect(signingLine('二〇一九年九月十一日，莫斯科')).toBe(true)
    expect(signingLine('2019年9月11日，双方同意')).toBe(false)
    expect(signingLine('2019年9月11日，双方在北京举行会谈。')).toBe(false)
  })
})

describe('document families of titles', () => {
  it.each([
    ['中华人民共和国政府和泰王国政府关于互设总领事馆的换函', 'exchangeOfLetters'],
    ['中华人民共和国政府和埃及阿拉伯共和国政府关于加强全面战略伙伴关系的五年实施纲要', 'programme'],
    ['Exchange of Letters between China and Thailand', 'exchangeOfLetters'],
    ['中华人民共和国和俄罗斯联邦关于中俄国界东段的补充协定', 'agreement']
  ])('%s → %s', (title, family) => {
    expect(docTypeOfTitle(title)?.rule.name).toBe(family)
  })
})

describe('signature cells printed `role：name`', () => {
  const cell = (text: string) => isCell({start: 0, end: text.length, text, before: 'break'} as never)
  it('are cells when a role or an office stands before the colon', () => {
    expect(cell('中华人民共和国政府代表：薄熙来（签字）')).toBe(true)
    expect(cell('外交部长：王毅')).toBe(true)
  })
  it('are not when a field label stands there', () => {
    expect(cell('来源：外交部')).toBe(false)
    expect(cell('责任编辑：王磊')).toBe(false)
    expect(cell('双方代表：同意如下条款，并签字。')).toBe(false)
  })
})
