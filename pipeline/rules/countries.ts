/**
 * Country names of Chinese diplomatic documents: every state a document can name as a party,
 * in every printed form (official long form, historic long forms, common short forms), each in
 * Simplified AND Traditional characters, with the one-character abbreviation used in pairs
 * (中阿关系, 中方/阿方) and the English names used by English-language counterparts.
 *
 * Covers the 193 UN member states, the observer states Palestine (ps) and the Holy See (va), and
 * historic states of the archives: the Soviet Union (su), Yugoslavia (yu, including Serbia and
 * Montenegro), the GDR (dd), Czechoslovakia (cs) and South Yemen (yd, see the note at 'ye').
 * Taiwan is deliberately not a country entry.
 *
 * How to extend: add names to an existing entry (Simplified form, then its Traditional form when it
 * differs, longest/official forms before short ones) or append a new entry. A name must belong to
 * one entry only, and a code too (test/rules.test.ts checks both); historic long forms of the same
 * state go into that state's entry. No code needs to change: the lookup indexes below are built
 * from this table when the module loads.
 *
 * MATCHING: many names are prefixes of other names (几内亚 / 几内亚比绍 / 赤道几内亚, 刚果 /
 * 刚果民主共和国, 多米尼克 / 多米尼加, 尼日尔 / 尼日利亚, 苏丹 / 南苏丹, 捷克 / 捷克斯洛伐克,
 * 印度 / 印度尼西亚, 也门 / 也门民主人民共和国, and 阿拉伯也门共和国 contains 也门). Matchers must
 * therefore try the longest names first; use {@link matchCountryAt} or
 * {@link countryNamesLongestFirst} rather than scanning `names` in table order.
 */

import {Gazetteer, type NameMatch} from './gazetteer.js'

export interface CountryRule {
  /** ISO 3166-1 alpha-2, lower case (historic states: su, yu, dd, cs, yd; Yemen Arab Republic → 'ye'). */
  code: string
  /** Every printed name, Simplified AND Traditional forms, official long form first, then common short forms. */
  names: string[]
  /** One-character abbreviation used in pairs and sides (中阿 / 阿方 → '阿'); null if none is customary
   * (also null where the customary short form has two characters: 印尼, 几比, 赤几, 巴新, 波黑, 南苏 …).
   * Ambiguous on purpose (阿 = Azerbaijan, Albania, Algeria, Argentina, Afghanistan, Oman, UAE): the
   * consumer disambiguates with the document's parties. Simplified form; see {@link countriesByAbbrev}. */
  abbrev: string | null
  /** English names, official and short (for English-language counterparts). */
  en: string[]
}

export const countries: readonly CountryRule[] = [
  {code: 'cn', names: ['中华人民共和国', '中華人民共和國', '中国', '中國'], abbrev: '中', en: ['People\'s Republic of China', 'China']},
  // --- Asia ---
  {code: 'af', names: ['阿富汗伊斯兰共和国', '阿富汗伊斯蘭共和國', '阿富汗民主共和国', '阿富汗民主共和國', '阿富汗王国', '阿富汗王國', '阿富汗'], abbrev: '阿', en: ['Islamic Republic of Afghanistan', 'Afghanistan']},
  {code: 'am', names: ['亚美尼亚共和国', '亞美尼亞共和國', '亚美尼亚', '亞美尼亞'], abbrev: '亚', en: ['Republic of Armenia', 'Armenia']},
  {code: 'az', names: ['阿塞拜疆共和国', '阿塞拜疆共和國', '阿塞拜疆'], abbrev: '阿', en: ['Republic of Azerbaijan', 'Azerbaijan']},
  {code: 'bh', names: ['巴林王国', '巴林王國', '巴林国', '巴林國', '巴林'], abbrev: '巴', en: ['Kingdom of Bahrain', 'Bahrain']},
  {code: 'bd', names: ['孟加拉人民共和国', '孟加拉人民共和國', '孟加拉国', '孟加拉國'], abbrev: '孟', en: ['People\'s Republic of Bangladesh', 'Bangladesh']},
  {code: 'bt', names: ['不丹王国', '不丹王國', '不丹'], abbrev: '不', en: ['Kingdom of Bhutan', 'Bhutan']},
  {code: 'bn', names: ['文莱达鲁萨兰国', '文萊達魯薩蘭國', '文莱', '文萊'], abbrev: '文', en: ['Brunei Darussalam', 'Brunei']},
  {code: 'kh', names: ['柬埔寨王国', '柬埔寨王國', '民主柬埔寨', '柬埔寨'], abbrev: '柬', en: ['Kingdom of Cambodia', 'Cambodia', 'Democratic Kampuchea']},
  {code: 'cy', names: ['塞浦路斯共和国', '塞浦路斯共和國', '塞浦路斯'], abbrev: '塞', en: ['Republic of Cyprus', 'Cyprus']},
  {code: 'ge', names: ['格鲁吉亚', '格魯吉亞'], abbrev: '格', en: ['Georgia']},
  {code: 'in', names: ['印度共和国', '印度共和國', '印度'], abbrev: '印', en: ['Republic of India', 'India']},
  {code: 'id', names: ['印度尼西亚共和国', '印度尼西亞共和國', '印度尼西亚', '印度尼西亞', '印尼'], abbrev: null, en: ['Republic of Indonesia', 'Indonesia']},
  {code: 'ir', names: ['伊朗伊斯兰共和国', '伊朗伊斯蘭共和國', '伊朗'], abbrev: '伊', en: ['Islamic Republic of Iran', 'Iran']},
  {code: 'iq', names: ['伊拉克共和国', '伊拉克共和國', '伊拉克'], abbrev: '伊', en: ['Republic of Iraq', 'Iraq']},
  {code: 'il', names: ['以色列国', '以色列國', '以色列'], abbrev: '以', en: ['State of Israel', 'Israel']},
  {code: 'jp', names: ['日本国', '日本國', '日本'], abbrev: '日', en: ['Japan']},
  {code: 'jo', names: ['约旦哈希姆王国', '約旦哈希姆王國', '约旦', '約旦'], abbrev: '约', en: ['Hashemite Kingdom of Jordan', 'Jordan']},
  {code: 'kz', names: ['哈萨克斯坦共和国', '哈薩克斯坦共和國', '哈萨克斯坦', '哈薩克斯坦'], abbrev: '哈', en: ['Republic of Kazakhstan', 'Kazakhstan']},
  {code: 'kp', names: ['朝鲜民主主义人民共和国', '朝鮮民主主義人民共和國', '朝鲜', '朝鮮'], abbrev: '朝', en: ['Democratic People\'s Republic of Korea', 'DPRK', 'North Korea']},
  {code: 'kr', names: ['大韩民国', '大韓民國', '韩国', '韓國', '南朝鲜', '南朝鮮'], abbrev: '韩', en: ['Republic of Korea', 'South Korea']},
  {code: 'kw', names: ['科威特国', '科威特國', '科威特'], abbrev: '科', en: ['State of Kuwait', 'Kuwait']},
  {code: 'kg', names: ['吉尔吉斯共和国', '吉爾吉斯共和國', '吉尔吉斯斯坦', '吉爾吉斯斯坦'], abbrev: '吉', en: ['Kyrgyz Republic', 'Kyrgyzstan']},
  {code: 'la', names: ['老挝人民民主共和国', '老撾人民民主共和國', '老挝', '老撾'], abbrev: '老', en: ['Lao People\'s Democratic Republic', 'Laos']},
  {code: 'lb', names: ['黎巴嫩共和国', '黎巴嫩共和國', '黎巴嫩'], abbrev: '黎', en: ['Lebanese Republic', 'Lebanon']},
  {code: 'my', names: ['马来西亚', '馬來西亞'], abbrev: '马', en: ['Malaysia']},
  {code: 'mv', names: ['马尔代夫共和国', '馬爾代夫共和國', '马尔代夫', '馬爾代夫'], abbrev: '马', en: ['Republic of Maldives', 'Maldives']},
  {code: 'mn', names: ['蒙古国', '蒙古國', '蒙古人民共和国', '蒙古人民共和國', '蒙古'], abbrev: '蒙', en: ['Mongolia', 'Mongolian People\'s Republic']},
  {code: 'mm', names: ['缅甸联邦共和国', '緬甸聯邦共和國', '缅甸联邦社会主义共和国', '緬甸聯邦社會主義共和國', '缅甸联邦', '緬甸聯邦', '缅甸', '緬甸'], abbrev: '缅', en: ['Republic of the Union of Myanmar', 'Socialist Republic of the Union of Burma', 'Union of Myanmar', 'Union of Burma', 'Myanmar', 'Burma']},
  {code: 'np', names: ['尼泊尔联邦民主共和国', '尼泊爾聯邦民主共和國', '尼泊尔王国', '尼泊爾王國', '尼泊尔', '尼泊爾'], abbrev: '尼', en: ['Federal Democratic Republic of Nepal', 'Nepal', 'Kingdom of Nepal']},
  {code: 'om', names: ['阿曼苏丹国', '阿曼蘇丹國', '阿曼'], abbrev: '阿', en: ['Sultanate of Oman', 'Oman']},
  {code: 'pk', names: ['巴基斯坦伊斯兰共和国', '巴基斯坦伊斯蘭共和國', '巴基斯坦'], abbrev: '巴', en: ['Islamic Republic of Pakistan', 'Pakistan']},
  {code: 'ps', names: ['巴勒斯坦国', '巴勒斯坦國', '巴勒斯坦'], abbrev: '巴', en: ['State of Palestine', 'Palestine']},
  {code: 'ph', names: ['菲律宾共和国', '菲律賓共和國', '菲律宾', '菲律賓'], abbrev: '菲', en: ['Republic of the Philippines', 'Philippines']},
  {code: 'qa', names: ['卡塔尔国', '卡塔爾國', '卡塔尔', '卡塔爾'], abbrev: '卡', en: ['State of Qatar', 'Qatar']},
  {code: 'sa', names: ['沙特阿拉伯王国', '沙特阿拉伯王國', '沙特阿拉伯', '沙特'], abbrev: '沙', en: ['Kingdom of Saudi Arabia', 'Saudi Arabia']},
  {code: 'sg', names: ['新加坡共和国', '新加坡共和國', '新加坡'], abbrev: '新', en: ['Republic of Singapore', 'Singapore']},
  {code: 'lk', names: ['斯里兰卡民主社会主义共和国', '斯里蘭卡民主社會主義共和國', '斯里兰卡', '斯里蘭卡', '锡兰', '錫蘭'], abbrev: '斯', en: ['Democratic Socialist Republic of Sri Lanka', 'Sri Lanka', 'Ceylon']},
  {code: 'sy', names: ['阿拉伯叙利亚共和国', '阿拉伯敘利亞共和國', '叙利亚', '敘利亞'], abbrev: '叙', en: ['Syrian Arab Republic', 'Syria']},
  {code: 'tj', names: ['塔吉克斯坦共和国', '塔吉克斯坦共和國', '塔吉克斯坦'], abbrev: '塔', en: ['Republic of Tajikistan', 'Tajikistan']},
  {code: 'th', names: ['泰王国', '泰王國', '泰国', '泰國'], abbrev: '泰', en: ['Kingdom of Thailand', 'Thailand']},
  {code: 'tl', names: ['东帝汶民主共和国', '東帝汶民主共和國', '东帝汶', '東帝汶'], abbrev: null, en: ['Democratic Republic of Timor-Leste', 'Timor-Leste', 'East Timor']},
  {code: 'tr', names: ['土耳其共和国', '土耳其共和國', '土耳其'], abbrev: '土', en: ['Republic of Türkiye', 'Republic of Turkey', 'Türkiye', 'Turkey']},
  {code: 'tm', names: ['土库曼斯坦', '土庫曼斯坦'], abbrev: '土', en: ['Turkmenistan']},
  {code: 'ae', names: ['阿拉伯联合酋长国', '阿拉伯聯合酋長國', '阿联酋', '阿聯酋'], abbrev: '阿', en: ['United Arab Emirates', 'UAE']},
  {code: 'uz', names: ['乌兹别克斯坦共和国', '烏茲別克斯坦共和國', '乌兹别克斯坦', '烏茲別克斯坦'], abbrev: '乌', en: ['Republic of Uzbekistan', 'Uzbekistan']},
  {code: 'vn', names: ['越南社会主义共和国', '越南社會主義共和國', '越南民主共和国', '越南民主共和國', '越南'], abbrev: '越', en: ['Socialist Republic of Viet Nam', 'Viet Nam', 'Vietnam', 'Democratic Republic of Vietnam']},
  // Yemen: the Republic of Yemen (1990-) and the Yemen Arab Republic (North Yemen, 1962-1990) share 'ye'
  // (the brief's choice: the YAR is the continuing state). The People's Democratic Republic of Yemen
  // (South Yemen, 1967-1990) gets its withdrawn ISO 3166 code 'yd' so that the two Yemens of 1967-1990
  // stay distinguishable.
  {code: 'ye', names: ['也门共和国', '也門共和國', '阿拉伯也门共和国', '阿拉伯也門共和國', '北也门', '北也門', '也门', '也門'], abbrev: '也', en: ['Republic of Yemen', 'Yemen', 'Yemen Arab Republic', 'North Yemen']},
  {code: 'yd', names: ['也门民主人民共和国', '也門民主人民共和國', '民主也门', '民主也門', '南也门', '南也門'], abbrev: '也', en: ['People\'s Democratic Republic of Yemen', 'South Yemen']},
  // --- Europe ---
  {code: 'al', names: ['阿尔巴尼亚共和国', '阿爾巴尼亞共和國', '阿尔巴尼亚人民共和国', '阿爾巴尼亞人民共和國', '阿尔巴尼亚社会主义人民共和国', '阿爾巴尼亞社會主義人民共和國', '阿尔巴尼亚', '阿爾巴尼亞'], abbrev: '阿', en: ['Republic of Albania', 'Albania']},
  {code: 'ad', names: ['安道尔公国', '安道爾公國', '安道尔', '安道爾'], abbrev: '安', en: ['Principality of Andorra', 'Andorra']},
  {code: 'at', names: ['奥地利共和国', '奧地利共和國', '奥地利', '奧地利'], abbrev: '奥', en: ['Republic of Austria', 'Austria']},
  {code: 'by', names: ['白俄罗斯共和国', '白俄羅斯共和國', '白俄罗斯', '白俄羅斯'], abbrev: '白', en: ['Republic of Belarus', 'Belarus']},
  {code: 'be', names: ['比利时王国', '比利時王國', '比利时', '比利時'], abbrev: '比', en: ['Kingdom of Belgium', 'Belgium']},
  {code: 'ba', names: ['波斯尼亚和黑塞哥维那', '波斯尼亞和黑塞哥維那', '波黑'], abbrev: null, en: ['Bosnia and Herzegovina']},
  {code: 'bg', names: ['保加利亚共和国', '保加利亞共和國', '保加利亚人民共和国', '保加利亞人民共和國', '保加利亚', '保加利亞'], abbrev: '保', en: ['Republic of Bulgaria', 'Bulgaria']},
  {code: 'hr', names: ['克罗地亚共和国', '克羅地亞共和國', '克罗地亚', '克羅地亞'], abbrev: '克', en: ['Republic of Croatia', 'Croatia']},
  {code: 'cz', names: ['捷克共和国', '捷克共和國', '捷克'], abbrev: '捷', en: ['Czech Republic', 'Czechia']},
  {code: 'dk', names: ['丹麦王国', '丹麥王國', '丹麦', '丹麥'], abbrev: '丹', en: ['Kingdom of Denmark', 'Denmark']},
  {code: 'ee', names: ['爱沙尼亚共和国', '愛沙尼亞共和國', '爱沙尼亚', '愛沙尼亞'], abbrev: '爱', en: ['Republic of Estonia', 'Estonia']},
  {code: 'fi', names: ['芬兰共和国', '芬蘭共和國', '芬兰', '芬蘭'], abbrev: '芬', en: ['Republic of Finland', 'Finland']},
  {code: 'fr', names: ['法兰西共和国', '法蘭西共和國', '法国', '法國'], abbrev: '法', en: ['French Republic', 'France']},
  {code: 'de', names: ['德意志联邦共和国', '德意志聯邦共和國', '联邦德国', '聯邦德國', '西德', '德国', '德國'], abbrev: '德', en: ['Federal Republic of Germany', 'Germany', 'West Germany']},
  {code: 'gr', names: ['希腊共和国', '希臘共和國', '希腊', '希臘'], abbrev: '希', en: ['Hellenic Republic', 'Greece']},
  {code: 'hu', names: ['匈牙利共和国', '匈牙利共和國', '匈牙利人民共和国', '匈牙利人民共和國', '匈牙利'], abbrev: '匈', en: ['Hungary', 'Republic of Hungary']},
  {code: 'is', names: ['冰岛共和国', '冰島共和國', '冰岛', '冰島'], abbrev: '冰', en: ['Republic of Iceland', 'Iceland']},
  {code: 'ie', names: ['爱尔兰', '愛爾蘭'], abbrev: '爱', en: ['Ireland']},
  {code: 'it', names: ['意大利共和国', '意大利共和國', '意大利'], abbrev: '意', en: ['Italian Republic', 'Italy']},
  {code: 'lv', names: ['拉脱维亚共和国', '拉脫維亞共和國', '拉脱维亚', '拉脫維亞'], abbrev: '拉', en: ['Republic of Latvia', 'Latvia']},
  {code: 'li', names: ['列支敦士登公国', '列支敦士登公國', '列支敦士登'], abbrev: '列', en: ['Principality of Liechtenstein', 'Liechtenstein']},
  {code: 'lt', names: ['立陶宛共和国', '立陶宛共和國', '立陶宛'], abbrev: '立', en: ['Republic of Lithuania', 'Lithuania']},
  {code: 'lu', names: ['卢森堡大公国', '盧森堡大公國', '卢森堡', '盧森堡'], abbrev: '卢', en: ['Grand Duchy of Luxembourg', 'Luxembourg']},
  {code: 'mt', names: ['马耳他共和国', '馬耳他共和國', '马耳他', '馬耳他'], abbrev: '马', en: ['Republic of Malta', 'Malta']},
  {code: 'md', names: ['摩尔多瓦共和国', '摩爾多瓦共和國', '摩尔多瓦', '摩爾多瓦'], abbrev: '摩', en: ['Republic of Moldova', 'Moldova']},
  {code: 'mc', names: ['摩纳哥公国', '摩納哥公國', '摩纳哥', '摩納哥'], abbrev: '摩', en: ['Principality of Monaco', 'Monaco']},
  {code: 'me', names: ['黑山'], abbrev: '黑', en: ['Montenegro']},
  {code: 'nl', names: ['荷兰王国', '荷蘭王國', '荷兰', '荷蘭'], abbrev: '荷', en: ['Kingdom of the Netherlands', 'Netherlands']},
  {code: 'mk', names: ['北马其顿共和国', '北馬其頓共和國', '马其顿共和国', '馬其頓共和國', '北马其顿', '北馬其頓', '马其顿', '馬其頓'], abbrev: '马', en: ['Republic of North Macedonia', 'North Macedonia', 'Macedonia']},
  {code: 'no', names: ['挪威王国', '挪威王國', '挪威'], abbrev: '挪', en: ['Kingdom of Norway', 'Norway']},
  {code: 'pl', names: ['波兰共和国', '波蘭共和國', '波兰人民共和国', '波蘭人民共和國', '波兰', '波蘭'], abbrev: '波', en: ['Republic of Poland', 'Poland', 'Polish People\'s Republic']},
  {code: 'pt', names: ['葡萄牙共和国', '葡萄牙共和國', '葡萄牙'], abbrev: '葡', en: ['Portuguese Republic', 'Portugal']},
  {code: 'ro', names: ['罗马尼亚社会主义共和国', '羅馬尼亞社會主義共和國', '罗马尼亚人民共和国', '羅馬尼亞人民共和國', '罗马尼亚', '羅馬尼亞'], abbrev: '罗', en: ['Romania', 'Socialist Republic of Romania']},
  {code: 'ru', names: ['俄罗斯联邦', '俄羅斯聯邦', '俄罗斯', '俄羅斯'], abbrev: '俄', en: ['Russian Federation', 'Russia']},
  {code: 'sm', names: ['圣马力诺共和国', '聖馬力諾共和國', '圣马力诺', '聖馬力諾'], abbrev: null, en: ['Republic of San Marino', 'San Marino']},
  {code: 'rs', names: ['塞尔维亚共和国', '塞爾維亞共和國', '塞尔维亚', '塞爾維亞'], abbrev: '塞', en: ['Republic of Serbia', 'Serbia']},
  {code: 'sk', names: ['斯洛伐克共和国', '斯洛伐克共和國', '斯洛伐克'], abbrev: '斯', en: ['Slovak Republic', 'Slovakia']},
  {code: 'si', names: ['斯洛文尼亚共和国', '斯洛文尼亞共和國', '斯洛文尼亚', '斯洛文尼亞'], abbrev: '斯', en: ['Republic of Slovenia', 'Slovenia']},
  {code: 'es', names: ['西班牙王国', '西班牙王國', '西班牙'], abbrev: '西', en: ['Kingdom of Spain', 'Spain']},
  {code: 'se', names: ['瑞典王国', '瑞典王國', '瑞典'], abbrev: '瑞', en: ['Kingdom of Sweden', 'Sweden']},
  {code: 'ch', names: ['瑞士联邦', '瑞士聯邦', '瑞士'], abbrev: '瑞', en: ['Swiss Confederation', 'Switzerland']},
  {code: 'ua', names: ['乌克兰', '烏克蘭'], abbrev: '乌', en: ['Ukraine']},
  {code: 'gb', names: ['大不列颠及北爱尔兰联合王国', '大不列顛及北愛爾蘭聯合王國', '联合王国', '聯合王國', '英国', '英國'], abbrev: '英', en: ['United Kingdom of Great Britain and Northern Ireland', 'United Kingdom', 'UK', 'Britain']},
  // Holy See: not a UN member (observer), kept because it appears in archives.
  {code: 'va', names: ['梵蒂冈城国', '梵蒂岡城國', '教廷', '梵蒂冈', '梵蒂岡'], abbrev: null, en: ['Holy See', 'Vatican City State', 'Vatican']},
  // --- Africa ---
  {code: 'dz', names: ['阿尔及利亚民主人民共和国', '阿爾及利亞民主人民共和國', '阿尔及利亚', '阿爾及利亞'], abbrev: '阿', en: ['People\'s Democratic Republic of Algeria', 'Algeria']},
  {code: 'ao', names: ['安哥拉共和国', '安哥拉共和國', '安哥拉'], abbrev: '安', en: ['Republic of Angola', 'Angola']},
  {code: 'bj', names: ['贝宁共和国', '貝寧共和國', '达荷美共和国', '達荷美共和國', '贝宁', '貝寧', '达荷美', '達荷美'], abbrev: '贝', en: ['Republic of Benin', 'Benin', 'Dahomey']},
  {code: 'bw', names: ['博茨瓦纳共和国', '博茨瓦納共和國', '博茨瓦纳', '博茨瓦納'], abbrev: '博', en: ['Republic of Botswana', 'Botswana']},
  {code: 'bf', names: ['布基纳法索', '布基納法索', '上沃尔特共和国', '上沃爾特共和國', '上沃尔特', '上沃爾特'], abbrev: '布', en: ['Burkina Faso', 'Upper Volta']},
  {code: 'bi', names: ['布隆迪共和国', '布隆迪共和國', '布隆迪'], abbrev: '布', en: ['Republic of Burundi', 'Burundi']},
  {code: 'cv', names: ['佛得角共和国', '佛得角共和國', '佛得角'], abbrev: '佛', en: ['Republic of Cabo Verde', 'Cabo Verde', 'Cape Verde']},
  {code: 'cm', names: ['喀麦隆共和国', '喀麥隆共和國', '喀麦隆', '喀麥隆'], abbrev: '喀', en: ['Republic of Cameroon', 'Cameroon']},
  // 中非 alone is deliberately NOT a name: in running text it nearly always means "China–Africa" (中非合作论坛).
  {code: 'cf', names: ['中非共和国', '中非共和國'], abbrev: null, en: ['Central African Republic']},
  {code: 'td', names: ['乍得共和国', '乍得共和國', '乍得'], abbrev: '乍', en: ['Republic of Chad', 'Chad']},
  {code: 'km', names: ['科摩罗联盟', '科摩羅聯盟', '科摩罗', '科摩羅'], abbrev: '科', en: ['Union of the Comoros', 'Comoros']},
  {code: 'cg', names: ['刚果共和国', '剛果共和國', '刚果（布拉柴维尔）', '剛果（布拉柴維爾）', '刚果(布拉柴维尔)', '剛果(布拉柴維爾)', '刚果（布）', '剛果（布）', '刚果(布)', '剛果(布)', '刚果', '剛果'], abbrev: '刚', en: ['Republic of the Congo', 'Congo', 'Congo-Brazzaville']},
  {code: 'cd', names: ['刚果民主共和国', '剛果民主共和國', '扎伊尔共和国', '扎伊爾共和國', '刚果（利奥波德维尔）', '剛果（利奧波德維爾）', '刚果(利奥波德维尔)', '剛果(利奧波德維爾)', '刚果（金）', '剛果（金）', '刚果(金)', '剛果(金)', '扎伊尔', '扎伊爾'], abbrev: '刚', en: ['Democratic Republic of the Congo', 'DR Congo', 'Zaire', 'Congo-Kinshasa']},
  {code: 'ci', names: ['科特迪瓦共和国', '科特迪瓦共和國', '科特迪瓦'], abbrev: '科', en: ['Republic of Côte d\'Ivoire', 'Côte d\'Ivoire', 'Ivory Coast']},
  {code: 'dj', names: ['吉布提共和国', '吉布提共和國', '吉布提'], abbrev: '吉', en: ['Republic of Djibouti', 'Djibouti']},
  {code: 'eg', names: ['阿拉伯埃及共和国', '阿拉伯埃及共和國', '阿拉伯联合共和国', '阿拉伯聯合共和國', '埃及'], abbrev: '埃', en: ['Arab Republic of Egypt', 'Egypt', 'United Arab Republic']},
  {code: 'gq', names: ['赤道几内亚共和国', '赤道幾內亞共和國', '赤道几内亚', '赤道幾內亞'], abbrev: null, en: ['Republic of Equatorial Guinea', 'Equatorial Guinea']},
  {code: 'er', names: ['厄立特里亚国', '厄立特里亞國', '厄立特里亚', '厄立特里亞'], abbrev: '厄', en: ['State of Eritrea', 'Eritrea']},
  {code: 'sz', names: ['埃斯瓦蒂尼王国', '埃斯瓦蒂尼王國', '斯威士兰王国', '斯威士蘭王國', '埃斯瓦蒂尼', '斯威士兰', '斯威士蘭'], abbrev: null, en: ['Kingdom of Eswatini', 'Eswatini', 'Swaziland']},
  {code: 'et', names: ['埃塞俄比亚联邦民主共和国', '埃塞俄比亞聯邦民主共和國', '埃塞俄比亚', '埃塞俄比亞'], abbrev: '埃', en: ['Federal Democratic Republic of Ethiopia', 'Ethiopia']},
  {code: 'ga', names: ['加蓬共和国', '加蓬共和國', '加蓬'], abbrev: '加', en: ['Gabonese Republic', 'Gabon']},
  {code: 'gm', names: ['冈比亚共和国', '岡比亞共和國', '冈比亚', '岡比亞'], abbrev: '冈', en: ['Republic of The Gambia', 'The Gambia', 'Gambia']},
  {code: 'gh', names: ['加纳共和国', '加納共和國', '加纳', '加納'], abbrev: '加', en: ['Republic of Ghana', 'Ghana']},
  {code: 'gn', names: ['几内亚共和国', '幾內亞共和國', '几内亚', '幾內亞'], abbrev: '几', en: ['Republic of Guinea', 'Guinea']},
  {code: 'gw', names: ['几内亚比绍共和国', '幾內亞比紹共和國', '几内亚比绍', '幾內亞比紹'], abbrev: null, en: ['Republic of Guinea-Bissau', 'Guinea-Bissau']},
  {code: 'ke', names: ['肯尼亚共和国', '肯尼亞共和國', '肯尼亚', '肯尼亞'], abbrev: '肯', en: ['Republic of Kenya', 'Kenya']},
  {code: 'ls', names: ['莱索托王国', '萊索托王國', '莱索托', '萊索托'], abbrev: '莱', en: ['Kingdom of Lesotho', 'Lesotho']},
  {code: 'lr', names: ['利比里亚共和国', '利比里亞共和國', '利比里亚', '利比里亞'], abbrev: '利', en: ['Republic of Liberia', 'Liberia']},
  {code: 'ly', names: ['利比亚国', '利比亞國', '阿拉伯利比亚民众国', '阿拉伯利比亞民衆國', '阿拉伯利比亞民眾國', '利比亚', '利比亞'], abbrev: '利', en: ['State of Libya', 'Libya']},
  {code: 'mg', names: ['马达加斯加共和国', '馬達加斯加共和國', '马尔加什共和国', '馬爾加什共和國', '马达加斯加', '馬達加斯加'], abbrev: '马', en: ['Republic of Madagascar', 'Madagascar', 'Malagasy Republic']},
  {code: 'mw', names: ['马拉维共和国', '馬拉維共和國', '马拉维', '馬拉維'], abbrev: '马', en: ['Republic of Malawi', 'Malawi']},
  {code: 'ml', names: ['马里共和国', '馬里共和國', '马里', '馬里'], abbrev: '马', en: ['Republic of Mali', 'Mali']},
  {code: 'mr', names: ['毛里塔尼亚伊斯兰共和国', '毛里塔尼亞伊斯蘭共和國', '毛里塔尼亚', '毛里塔尼亞'], abbrev: '毛', en: ['Islamic Republic of Mauritania', 'Mauritania']},
  {code: 'mu', names: ['毛里求斯共和国', '毛里求斯共和國', '毛里求斯'], abbrev: '毛', en: ['Republic of Mauritius', 'Mauritius']},
  {code: 'ma', names: ['摩洛哥王国', '摩洛哥王國', '摩洛哥'], abbrev: '摩', en: ['Kingdom of Morocco', 'Morocco']},
  {code: 'mz', names: ['莫桑比克共和国', '莫桑比克共和國', '莫桑比克'], abbrev: '莫', en: ['Republic of Mozambique', 'Mozambique']},
  {code: 'na', names: ['纳米比亚共和国', '納米比亞共和國', '纳米比亚', '納米比亞'], abbrev: '纳', en: ['Republic of Namibia', 'Namibia']},
  {code: 'ne', names: ['尼日尔共和国', '尼日爾共和國', '尼日尔', '尼日爾'], abbrev: '尼', en: ['Republic of the Niger', 'Niger']},
  {code: 'ng', names: ['尼日利亚联邦共和国', '尼日利亞聯邦共和國', '尼日利亚', '尼日利亞'], abbrev: '尼', en: ['Federal Republic of Nigeria', 'Nigeria']},
  {code: 'rw', names: ['卢旺达共和国', '盧旺達共和國', '卢旺达', '盧旺達'], abbrev: '卢', en: ['Republic of Rwanda', 'Rwanda']},
  {code: 'st', names: ['圣多美和普林西比民主共和国', '聖多美和普林西比民主共和國', '圣多美和普林西比', '聖多美和普林西比'], abbrev: null, en: ['Democratic Republic of Sao Tome and Principe', 'Sao Tome and Principe']},
  {code: 'sn', names: ['塞内加尔共和国', '塞內加爾共和國', '塞内加尔', '塞內加爾'], abbrev: '塞', en: ['Republic of Senegal', 'Senegal']},
  {code: 'sc', names: ['塞舌尔共和国', '塞舌爾共和國', '塞舌尔', '塞舌爾'], abbrev: '塞', en: ['Republic of Seychelles', 'Seychelles']},
  {code: 'sl', names: ['塞拉利昂共和国', '塞拉利昂共和國', '塞拉利昂'], abbrev: '塞', en: ['Republic of Sierra Leone', 'Sierra Leone']},
  {code: 'so', names: ['索马里联邦共和国', '索馬里聯邦共和國', '索马里民主共和国', '索馬里民主共和國', '索马里', '索馬里'], abbrev: '索', en: ['Federal Republic of Somalia', 'Somalia']},
  {code: 'za', names: ['南非共和国', '南非共和國', '南非'], abbrev: '南', en: ['Republic of South Africa', 'South Africa']},
  {code: 'ss', names: ['南苏丹共和国', '南蘇丹共和國', '南苏丹', '南蘇丹'], abbrev: null, en: ['Republic of South Sudan', 'South Sudan']},
  {code: 'sd', names: ['苏丹共和国', '蘇丹共和國', '苏丹', '蘇丹'], abbrev: '苏', en: ['Republic of the Sudan', 'Sudan']},
  {code: 'tz', names: ['坦桑尼亚联合共和国', '坦桑尼亞聯合共和國', '坦噶尼喀共和国', '坦噶尼喀共和國', '坦桑尼亚', '坦桑尼亞', '坦噶尼喀', '桑给巴尔', '桑給巴爾'], abbrev: '坦', en: ['United Republic of Tanzania', 'Tanzania', 'Tanganyika', 'Zanzibar']},
  {code: 'tg', names: ['多哥共和国', '多哥共和國', '多哥'], abbrev: '多', en: ['Togolese Republic', 'Togo']},
  {code: 'tn', names: ['突尼斯共和国', '突尼斯共和國', '突尼斯'], abbrev: '突', en: ['Republic of Tunisia', 'Tunisia']},
  {code: 'ug', names: ['乌干达共和国', '烏干達共和國', '乌干达', '烏干達'], abbrev: '乌', en: ['Republic of Uganda', 'Uganda']},
  {code: 'zm', names: ['赞比亚共和国', '贊比亞共和國', '赞比亚', '贊比亞'], abbrev: '赞', en: ['Republic of Zambia', 'Zambia']},
  {code: 'zw', names: ['津巴布韦共和国', '津巴布韋共和國', '津巴布韦', '津巴布韋'], abbrev: '津', en: ['Republic of Zimbabwe', 'Zimbabwe']},
  // --- Americas ---
  {code: 'ag', names: ['安提瓜和巴布达', '安提瓜和巴布達'], abbrev: '安', en: ['Antigua and Barbuda']},
  {code: 'ar', names: ['阿根廷共和国', '阿根廷共和國', '阿根廷'], abbrev: '阿', en: ['Argentine Republic', 'Argentina']},
  {code: 'bs', names: ['巴哈马国', '巴哈馬國', '巴哈马', '巴哈馬'], abbrev: '巴', en: ['Commonwealth of The Bahamas', 'The Bahamas', 'Bahamas']},
  {code: 'bb', names: ['巴巴多斯'], abbrev: '巴', en: ['Barbados']},
  {code: 'bz', names: ['伯利兹', '伯利茲'], abbrev: '伯', en: ['Belize']},
  {code: 'bo', names: ['多民族玻利维亚国', '多民族玻利維亞國', '玻利维亚共和国', '玻利維亞共和國', '玻利维亚', '玻利維亞'], abbrev: '玻', en: ['Plurinational State of Bolivia', 'Bolivia']},
  {code: 'br', names: ['巴西联邦共和国', '巴西聯邦共和國', '巴西'], abbrev: '巴', en: ['Federative Republic of Brazil', 'Brazil']},
  {code: 'ca', names: ['加拿大'], abbrev: '加', en: ['Canada']},
  {code: 'cl', names: ['智利共和国', '智利共和國', '智利'], abbrev: '智', en: ['Republic of Chile', 'Chile']},
  {code: 'co', names: ['哥伦比亚共和国', '哥倫比亞共和國', '哥伦比亚', '哥倫比亞'], abbrev: '哥', en: ['Republic of Colombia', 'Colombia']},
  {code: 'cr', names: ['哥斯达黎加共和国', '哥斯達黎加共和國', '哥斯达黎加', '哥斯達黎加'], abbrev: '哥', en: ['Republic of Costa Rica', 'Costa Rica']},
  {code: 'cu', names: ['古巴共和国', '古巴共和國', '古巴'], abbrev: '古', en: ['Republic of Cuba', 'Cuba']},
  {code: 'dm', names: ['多米尼克国', '多米尼克國', '多米尼克'], abbrev: '多', en: ['Commonwealth of Dominica', 'Dominica']},
  {code: 'do', names: ['多米尼加共和国', '多米尼加共和國', '多米尼加'], abbrev: '多', en: ['Dominican Republic']},
  {code: 'ec', names: ['厄瓜多尔共和国', '厄瓜多爾共和國', '厄瓜多尔', '厄瓜多爾'], abbrev: '厄', en: ['Republic of Ecuador', 'Ecuador']},
  {code: 'sv', names: ['萨尔瓦多共和国', '薩爾瓦多共和國', '萨尔瓦多', '薩爾瓦多'], abbrev: '萨', en: ['Republic of El Salvador', 'El Salvador']},
  {code: 'gd', names: ['格林纳达', '格林納達'], abbrev: '格', en: ['Grenada']},
  {code: 'gt', names: ['危地马拉共和国', '危地馬拉共和國', '危地马拉', '危地馬拉'], abbrev: '危', en: ['Republic of Guatemala', 'Guatemala']},
  {code: 'gy', names: ['圭亚那合作共和国', '圭亞那合作共和國', '圭亚那', '圭亞那'], abbrev: '圭', en: ['Co-operative Republic of Guyana', 'Guyana']},
  {code: 'ht', names: ['海地共和国', '海地共和國', '海地'], abbrev: '海', en: ['Republic of Haiti', 'Haiti']},
  {code: 'hn', names: ['洪都拉斯共和国', '洪都拉斯共和國', '洪都拉斯'], abbrev: '洪', en: ['Republic of Honduras', 'Honduras']},
  {code: 'jm', names: ['牙买加', '牙買加'], abbrev: '牙', en: ['Jamaica']},
  {code: 'mx', names: ['墨西哥合众国', '墨西哥合衆國', '墨西哥合眾國', '墨西哥'], abbrev: '墨', en: ['United Mexican States', 'Mexico']},
  {code: 'ni', names: ['尼加拉瓜共和国', '尼加拉瓜共和國', '尼加拉瓜'], abbrev: '尼', en: ['Republic of Nicaragua', 'Nicaragua']},
  {code: 'pa', names: ['巴拿马共和国', '巴拿馬共和國', '巴拿马', '巴拿馬'], abbrev: '巴', en: ['Republic of Panama', 'Panama']},
  {code: 'py', names: ['巴拉圭共和国', '巴拉圭共和國', '巴拉圭'], abbrev: '巴', en: ['Republic of Paraguay', 'Paraguay']},
  {code: 'pe', names: ['秘鲁共和国', '祕魯共和國', '秘魯共和國', '秘鲁', '祕魯', '秘魯'], abbrev: '秘', en: ['Republic of Peru', 'Peru']},
  {code: 'kn', names: ['圣基茨和尼维斯联邦', '聖基茨和尼維斯聯邦', '圣基茨和尼维斯', '聖基茨和尼維斯'], abbrev: null, en: ['Federation of Saint Kitts and Nevis', 'Saint Kitts and Nevis']},
  {code: 'lc', names: ['圣卢西亚', '聖盧西亞'], abbrev: null, en: ['Saint Lucia']},
  {code: 'vc', names: ['圣文森特和格林纳丁斯', '聖文森特和格林納丁斯'], abbrev: null, en: ['Saint Vincent and the Grenadines']},
  {code: 'sr', names: ['苏里南共和国', '蘇里南共和國', '苏里南', '蘇里南'], abbrev: '苏', en: ['Republic of Suriname', 'Suriname']},
  {code: 'tt', names: ['特立尼达和多巴哥共和国', '特立尼達和多巴哥共和國', '特立尼达和多巴哥', '特立尼達和多巴哥'], abbrev: null, en: ['Republic of Trinidad and Tobago', 'Trinidad and Tobago']},
  {code: 'us', names: ['美利坚合众国', '美利堅合衆國', '美利堅合眾國', '美国', '美國'], abbrev: '美', en: ['United States of America', 'United States', 'USA']},
  {code: 'uy', names: ['乌拉圭东岸共和国', '烏拉圭東岸共和國', '乌拉圭', '烏拉圭'], abbrev: '乌', en: ['Oriental Republic of Uruguay', 'Uruguay']},
  {code: 've', names: ['委内瑞拉玻利瓦尔共和国', '委內瑞拉玻利瓦爾共和國', '委内瑞拉共和国', '委內瑞拉共和國', '委内瑞拉', '委內瑞拉'], abbrev: '委', en: ['Bolivarian Republic of Venezuela', 'Venezuela']},
  // --- Oceania ---
  {code: 'au', names: ['澳大利亚联邦', '澳大利亞聯邦', '澳大利亚', '澳大利亞'], abbrev: '澳', en: ['Commonwealth of Australia', 'Australia']},
  {code: 'fj', names: ['斐济共和国', '斐濟共和國', '斐济', '斐濟'], abbrev: '斐', en: ['Republic of Fiji', 'Fiji']},
  {code: 'ki', names: ['基里巴斯共和国', '基里巴斯共和國', '基里巴斯'], abbrev: '基', en: ['Republic of Kiribati', 'Kiribati']},
  {code: 'mh', names: ['马绍尔群岛共和国', '馬紹爾羣島共和國', '馬紹爾群島共和國', '马绍尔群岛', '馬紹爾羣島', '馬紹爾群島'], abbrev: null, en: ['Republic of the Marshall Islands', 'Marshall Islands']},
  {code: 'fm', names: ['密克罗尼西亚联邦', '密克羅尼西亞聯邦', '密克罗尼西亚', '密克羅尼西亞'], abbrev: '密', en: ['Federated States of Micronesia', 'Micronesia']},
  {code: 'nr', names: ['瑙鲁共和国', '瑙魯共和國', '瑙鲁', '瑙魯'], abbrev: '瑙', en: ['Republic of Nauru', 'Nauru']},
  {code: 'nz', names: ['新西兰', '新西蘭'], abbrev: '新', en: ['New Zealand']},
  {code: 'pw', names: ['帕劳共和国', '帕勞共和國', '帕劳', '帕勞'], abbrev: null, en: ['Republic of Palau', 'Palau']},
  {code: 'pg', names: ['巴布亚新几内亚独立国', '巴布亞新幾內亞獨立國', '巴布亚新几内亚', '巴布亞新幾內亞', '巴新'], abbrev: null, en: ['Independent State of Papua New Guinea', 'Papua New Guinea']},
  {code: 'ws', names: ['萨摩亚独立国', '薩摩亞獨立國', '西萨摩亚独立国', '西薩摩亞獨立國', '萨摩亚', '薩摩亞', '西萨摩亚', '西薩摩亞'], abbrev: '萨', en: ['Independent State of Samoa', 'Samoa', 'Western Samoa']},
  {code: 'sb', names: ['所罗门群岛', '所羅門羣島', '所羅門群島'], abbrev: '所', en: ['Solomon Islands']},
  {code: 'to', names: ['汤加王国', '湯加王國', '汤加', '湯加'], abbrev: '汤', en: ['Kingdom of Tonga', 'Tonga']},
  {code: 'tv', names: ['图瓦卢', '圖瓦盧'], abbrev: null, en: ['Tuvalu']},
  {code: 'vu', names: ['瓦努阿图共和国', '瓦努阿圖共和國', '瓦努阿图', '瓦努阿圖'], abbrev: '瓦', en: ['Republic of Vanuatu', 'Vanuatu']},
  // --- Historic states (archives) ---
  {code: 'su', names: ['苏维埃社会主义共和国联盟', '蘇維埃社會主義共和國聯盟', '苏联', '蘇聯'], abbrev: '苏', en: ['Union of Soviet Socialist Republics', 'USSR', 'Soviet Union']},
  // Yugoslavia in all its forms, including the State Union of Serbia and Montenegro (2003-2006), which continued it.
  {code: 'yu', names: ['南斯拉夫社会主义联邦共和国', '南斯拉夫社會主義聯邦共和國', '南斯拉夫联邦人民共和国', '南斯拉夫聯邦人民共和國', '南斯拉夫联盟共和国', '南斯拉夫聯盟共和國', '塞尔维亚和黑山', '塞爾維亞和黑山', '南斯拉夫'], abbrev: '南', en: ['Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia', 'Yugoslavia', 'Serbia and Montenegro']},
  {code: 'dd', names: ['德意志民主共和国', '德意志民主共和國', '民主德国', '民主德國', '东德', '東德'], abbrev: '德', en: ['German Democratic Republic', 'GDR', 'East Germany']},
  {code: 'cs', names: ['捷克斯洛伐克社会主义共和国', '捷克斯洛伐克社會主義共和國', '捷克和斯洛伐克联邦共和国', '捷克和斯洛伐克聯邦共和國', '捷克斯洛伐克共和国', '捷克斯洛伐克共和國', '捷克斯洛伐克'], abbrev: '捷', en: ['Czechoslovak Socialist Republic', 'Czech and Slovak Federative Republic', 'Czechoslovakia']},
]

/** Traditional forms of the abbreviations, mapped to the Simplified form stored in `abbrev`. */
const abbrevTraditionalToSimplified: ReadonlyMap<string, string> = new Map(Object.entries({
  '烏': '乌', '亞': '亚', '岡': '冈', '幾': '几', '剛': '刚', '盧': '卢', '敘': '叙', '奧': '奥', '湯': '汤', '愛': '爱', '祕': '秘', '約': '约', '納': '纳', '緬': '缅', '羅': '罗', '蘇': '苏', '萊': '莱', '薩': '萨', '貝': '贝', '贊': '赞', '韓': '韩', '馬': '马',
}))

const gazetteer = new Gazetteer(countries)

/** All (name, rule) pairs sorted longest name first, for greedy matching. */
export const countryNamesLongestFirst = gazetteer.longestFirst

const byCode = new Map<string, CountryRule>(countries.map((rule) => [rule.code, rule]))

const byAbbrev = new Map<string, CountryRule[]>()
for (const rule of countries) {
  if (rule.abbrev === null) continue
  const list = byAbbrev.get(rule.abbrev)
  if (list === undefined) byAbbrev.set(rule.abbrev, [rule])
  else list.push(rule)
}

/** Find the country whose name starts `text` at `index` (longest match), or null. */
export function matchCountryAt(text: string, index: number): NameMatch<CountryRule> | null {
  return gazetteer.matchAt(text, index)
}

/** The entry with this ISO code (lower case), or undefined. */
export function countryByCode(code: string): CountryRule | undefined {
  return byCode.get(code)
}

/** Every country whose customary abbreviation is `ch` (Simplified or Traditional: 阿, 蘇, 馬 …), in table order. */
export function countriesByAbbrev(ch: string): readonly CountryRule[] {
  return byAbbrev.get(abbrevTraditionalToSimplified.get(ch) ?? ch) ?? []
}

/** English names, longest first (`…Northern Ireland` before `Ireland`). */
export const englishNamesLongestFirst: readonly NameMatch<CountryRule>[] = Object.freeze(
  countries.flatMap((rule) => rule.en.map((name) => ({name, rule}))).sort((a, b) => b.name.length - a.name.length)
)

/**
 * English names compare folded: without case (titles and signature lines are
 * often set in capitals, `FOR THE GOVERNMENT OF THE REPUBLIC OF KENYA`) and
 * with a typographic apostrophe as a straight one (`People’s`).
 */
export function foldEnglish(text: string): string {
  return text.toUpperCase().replace(/[’‘`]/g, "'")
}

/** `englishNamesLongestFirst`, each with its folded form. */
export const foldedEnglishNames: readonly (NameMatch<CountryRule> & {folded: string})[] = Object.freeze(
  englishNamesLongestFirst.map((entry) => ({...entry, folded: foldEnglish(entry.name)}))
)

/** The country an English phrase names (`President of the Republic of Azerbaijan` → az), longest name first. */
export function englishCountryIn(text: string): {name: string; rule: CountryRule} | null {
  const folded = foldEnglish(text)
  for (const entry of foldedEnglishNames) if (folded.includes(entry.folded)) return {name: entry.name, rule: entry.rule}
  return null
}
