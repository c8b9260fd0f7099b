/**
 * Office titles of signature blocks and running text (中华人民共和国主席, 阿塞拜疆共和国总统,
 * 外交部副部长, 驻中华人民共和国代办 …), each in Simplified AND Traditional characters.
 *
 * A role usually follows a country or organisation name directly, so roles are matched
 * right-to-left from the end of a line or column ({@link matchRoleEndingAt}); in running text they
 * can also be matched left-to-right ({@link matchRoleAt}). Both take the LONGEST role: 外交部副部长
 * wins over 副部长 and 部长, 特命全权大使 over 大使, 政府代表 over 代表, 新闻文化部长 over 文化部长.
 * Roles are plain words: 代表 and 大使 also occur in running text (建立大使级外交关系), and 苏丹 is
 * both a title (Sultan) and a country, so callers decide from context whether a match is a role.
 *
 * How to extend: add a name to an entry, or append an entry with a new ASCII camelCase `id` and
 * an English title. Compound titles that are not just "ministry + 部长" (新闻文化部长) need their
 * own entry, or the shorter 文化部长 is found. A name and an id may belong to one entry only
 * (test/rules.test.ts checks both). The lookup indexes are built at load; no code needs to change.
 */

import {Gazetteer, indexById, type NameMatch} from './gazetteer.js'

export interface RoleRule {
  /** ASCII camelCase, e.g. 'president', 'headOfState', 'premier', 'foreignMinister', 'chargeDAffaires'. */
  id: string
  /** Simplified and Traditional forms, e.g. ['外交部副部长', '外交部副部長']. */
  names: string[]
  /** English title. */
  en: string
}

export const roles: readonly RoleRule[] = [
  // --- Heads of state and government ---
  {id: 'headOfState', names: ['国家元首', '國家元首'], en: 'Head of State'},
  {id: 'headOfGovernment', names: ['政府首脑', '政府首腦'], en: 'Head of Government'},
  // 国家主席 is "President" (of the PRC, since 1982; "Chairman" before). Bare 主席 is kept under chairman:
  // 中华人民共和国主席 is rendered "President", but 主席 also heads parties, committees and assemblies.
  {id: 'president', names: ['国家主席', '國家主席', '总统', '總統'], en: 'President'},
  {id: 'chairman', names: ['主席'], en: 'Chairman'},
  {id: 'vicePresident', names: ['国家副主席', '國家副主席', '副总统', '副總統'], en: 'Vice President'},
  {id: 'viceChairman', names: ['副主席'], en: 'Vice Chairman'},
  // 总理 of the PRC is "Premier"; other states' 总理 are usually "Prime Minister" in English.
  {id: 'premier', names: ['国务院总理', '國務院總理', '政务院总理', '政務院總理', '总理', '總理'], en: 'Premier'},
  {id: 'primeMinister', names: ['首相'], en: 'Prime Minister'},
  {id: 'vicePremier', names: ['国务院副总理', '國務院副總理', '政务院副总理', '政務院副總理', '副总理', '副總理'], en: 'Vice Premier'},
  {id: 'deputyPrimeMinister', names: ['副首相'], en: 'Deputy Prime Minister'},
  {id: 'stateCouncilor', names: ['国务委员', '國務委員'], en: 'State Councilor'},
  {id: 'chairmanOfStandingCommittee', names: ['委员长', '委員長'], en: 'Chairman of the Standing Committee'},
  {id: 'viceChairmanOfStandingCommittee', names: ['副委员长', '副委員長'], en: 'Vice Chairman of the Standing Committee'},
  {id: 'generalSecretary', names: ['总书记', '總書記'], en: 'General Secretary'},
  {id: 'firstSecretary', names: ['第一书记', '第一書記'], en: 'First Secretary'},
  {id: 'secretaryGeneral', names: ['秘书长', '祕書長', '秘書長'], en: 'Secretary-General'},
  {id: 'speaker', names: ['议长', '議長'], en: 'Speaker'},
  {id: 'king', names: ['国王', '國王'], en: 'King'},
  {id: 'queen', names: ['女王'], en: 'Queen'},
  {id: 'emperor', names: ['天皇', '皇帝'], en: 'Emperor'},
  {id: 'emir', names: ['埃米尔', '埃米爾'], en: 'Emir'},
  // 苏丹 is also a country name (Sudan); as a role it follows the state's name (文莱达鲁萨兰国苏丹, 阿曼苏丹国苏丹).
  {id: 'sultan', names: ['苏丹', '蘇丹'], en: 'Sultan'},
  {id: 'grandDuke', names: ['大公'], en: 'Grand Duke'},
  {id: 'prince', names: ['亲王', '親王'], en: 'Prince'},
  {id: 'crownPrince', names: ['王储', '王儲'], en: 'Crown Prince'},
  {id: 'governorGeneral', names: ['总督', '總督'], en: 'Governor-General'},
  // --- Ministers ---
  {id: 'foreignMinister', names: ['外交部部长', '外交部部長', '外交部长', '外交部長', '外长', '外長'], en: 'Minister of Foreign Affairs'},
  {id: 'viceForeignMinister', names: ['外交部副部长', '外交部副部長', '副外长', '副外長'], en: 'Vice Minister of Foreign Affairs'},
  {id: 'assistantForeignMinister', names: ['外交部部长助理', '外交部部長助理', '外交部长助理', '外交部長助理'], en: 'Assistant Minister of Foreign Affairs'},
  {id: 'minister', names: ['部长', '部長'], en: 'Minister'},
  {id: 'viceMinister', names: ['副部长', '副部長'], en: 'Vice Minister'},
  {id: 'ministerOfCulture', names: ['文化部部长', '文化部部長', '文化部长', '文化部長'], en: 'Minister of Culture'},
  {id: 'ministerOfInformationAndCulture', names: ['新闻和文化部长', '新聞和文化部長', '新闻文化部长', '新聞文化部長'], en: 'Minister of Information and Culture'},
  {id: 'ministerOfDefence', names: ['国防部部长', '國防部部長', '国防部长', '國防部長'], en: 'Minister of National Defence'},
  {id: 'ministerOfCommerce', names: ['商务部部长', '商務部部長', '商务部长', '商務部長'], en: 'Minister of Commerce'},
  {id: 'ministerOfForeignTrade', names: ['对外贸易部部长', '對外貿易部部長', '对外贸易部长', '對外貿易部長', '外贸部长', '外貿部長'], en: 'Minister of Foreign Trade'},
  {id: 'ministerOfFinance', names: ['财政部部长', '財政部部長', '财政部长', '財政部長'], en: 'Minister of Finance'},
  {id: 'ministerOfEducation', names: ['教育部部长', '教育部部長', '教育部长', '教育部長'], en: 'Minister of Education'},
  {id: 'ministerOfHealth', names: ['卫生部部长', '衛生部部長', '卫生部长', '衛生部長'], en: 'Minister of Health'},
  {id: 'ministerOfInterior', names: ['内政部部长', '內政部部長', '内政部长', '內政部長'], en: 'Minister of the Interior'},
  {id: 'ministerOfPublicSecurity', names: ['公安部部长', '公安部部長', '公安部长', '公安部長'], en: 'Minister of Public Security'},
  // --- Diplomatic agents ---
  {id: 'ambassadorExtraordinaryAndPlenipotentiary', names: ['特命全权大使', '特命全權大使'], en: 'Ambassador Extraordinary and Plenipotentiary'},
  {id: 'ambassador', names: ['大使'], en: 'Ambassador'},
  {id: 'envoyExtraordinaryAndMinisterPlenipotentiary', names: ['特命全权公使', '特命全權公使'], en: 'Envoy Extraordinary and Minister Plenipotentiary'},
  {id: 'ministerCounsellor', names: ['公使衔参赞', '公使銜參贊'], en: 'Minister-Counsellor'},
  {id: 'envoy', names: ['公使'], en: 'Minister (diplomatic envoy)'},
  {id: 'specialEnvoy', names: ['特使'], en: 'Special Envoy'},
  {id: 'chargeDAffaires', names: ['代办', '代辦'], en: 'Chargé d\'affaires'},
  {id: 'chargeDAffairesAdInterim', names: ['临时代办', '臨時代辦'], en: 'Chargé d\'affaires a.i.'},
  {id: 'counsellor', names: ['参赞', '參贊'], en: 'Counsellor'},
  {id: 'consulGeneral', names: ['总领事', '總領事'], en: 'Consul General'},
  {id: 'consul', names: ['领事', '領事'], en: 'Consul'},
  // --- Representatives ---
  {id: 'representative', names: ['代表'], en: 'Representative'},
  {id: 'governmentRepresentative', names: ['政府代表'], en: 'Government Representative'},
  {id: 'plenipotentiary', names: ['全权代表', '全權代表'], en: 'Plenipotentiary'},
  {id: 'permanentRepresentative', names: ['常驻代表', '常駐代表'], en: 'Permanent Representative'},
  {id: 'headOfDelegation', names: ['代表团团长', '代表團團長', '团长', '團長'], en: 'Head of Delegation'},
  // --- Local office ---
  {id: 'mayor', names: ['市长', '市長'], en: 'Mayor'},
  {id: 'governor', names: ['省长', '省長', '州长', '州長'], en: 'Governor'},
]

const gazetteer = new Gazetteer(roles)
const byId = indexById(roles)

/** All (name, rule) pairs sorted longest name first, for greedy matching. */
export const roleNamesLongestFirst = gazetteer.longestFirst

type RoleMatch = NameMatch<RoleRule>

/** Longest role word that ENDS at `end` in `text` (roles are matched right-to-left after a country or organisation name), or null. */
export function matchRoleEndingAt(text: string, end: number): RoleMatch | null {
  return gazetteer.matchEndingAt(text, end)
}

/** Longest role word starting at index. */
export function matchRoleAt(text: string, index: number): RoleMatch | null {
  return gazetteer.matchAt(text, index)
}

/** The entry with this id, or undefined. */
export function roleById(id: string): RoleRule | undefined {
  return byId.get(id)
}

/** The role an English title opens with (`President of the Republic of Azerbaijan` → president), longest first. */
export function matchEnglishRoleAt(text: string): RoleMatch | null {
  const lower = text.toLowerCase()
  let best: RoleMatch | null = null
  for (const rule of roles) {
    const name = rule.en.toLowerCase()
    if (lower.startsWith(name) && (lower.length === name.length || /[^a-z]/.test(lower[name.length]!)) && (!best || name.length > best.name.length)) {
      best = {name: rule.en, rule}
    }
  }
  return best
}
