/**
 * International organisations and Chinese state and party bodies named in diplomatic documents
 * (联合国, 上海合作组织, 亚投行, 国务院, 全国人大 …), each in Simplified AND Traditional characters,
 * official long form first, then short forms. `international` is false for national bodies.
 * Ministries are deliberately left out: 外交部, 文化部 … are too generic (every state has them) and
 * are read together with the country name that precedes them.
 *
 * How to extend: add a name to an entry, or append an entry with a new ASCII camelCase `id`. A
 * name and an id may belong to one entry only (test/rules.test.ts checks both). The lookup index is
 * built from this table at load; no code needs to change.
 *
 * MATCHING: many names are prefixes of others (联合国 / 联合国安全理事会, 中国共产党 /
 * 中国共产党中央委员会, 亚信 / 亚信会议); use {@link matchOrganizationAt}, which tries the longest
 * names first.
 */

import {Gazetteer, indexById, type NameMatch} from './gazetteer.js'

export interface OrganizationRule {
  /** ASCII camelCase: 'un', 'unSecurityCouncil', 'wto', 'sco', 'aiib', 'cica', 'unescap', 'cnNpc', 'cnStateCouncil' … */
  id: string
  /** Simplified and Traditional forms, official long form first. */
  names: string[]
  /** True for international bodies, false for national (Chinese state and party) bodies. */
  international: boolean
  /** English name. */
  en: string
}

export const organizations: readonly OrganizationRule[] = [
  // --- United Nations system ---
  {id: 'un', names: ['联合国', '聯合國'], international: true, en: 'United Nations'},
  {id: 'unSecurityCouncil', names: ['联合国安全理事会', '聯合國安全理事會', '联合国安理会', '聯合國安理會', '安全理事会', '安全理事會', '安理会', '安理會'], international: true, en: 'United Nations Security Council'},
  {id: 'unGeneralAssembly', names: ['联合国大会', '聯合國大會', '联大', '聯大'], international: true, en: 'United Nations General Assembly'},
  {id: 'unEcosoc', names: ['联合国经济及社会理事会', '聯合國經濟及社會理事會', '经济及社会理事会', '經濟及社會理事會', '经社理事会', '經社理事會'], international: true, en: 'United Nations Economic and Social Council'},
  {id: 'unHumanRightsCouncil', names: ['联合国人权理事会', '聯合國人權理事會', '人权理事会', '人權理事會'], international: true, en: 'United Nations Human Rights Council'},
  {id: 'unSecretariat', names: ['联合国秘书处', '聯合國祕書處', '聯合國秘書處'], international: true, en: 'United Nations Secretariat'},
  {id: 'icj', names: ['国际法院', '國際法院'], international: true, en: 'International Court of Justice'},
  {id: 'unescap', names: ['联合国亚洲及太平洋经济社会委员会', '聯合國亞洲及太平洋經濟社會委員會', '联合国亚洲和太平洋经济社会委员会', '聯合國亞洲和太平洋經濟社會委員會', '联合国亚太经社会', '聯合國亞太經社會', '亚太经社会', '亞太經社會'], international: true, en: 'United Nations Economic and Social Commission for Asia and the Pacific'},
  {id: 'unesco', names: ['联合国教育、科学及文化组织', '聯合國教育、科學及文化組織', '联合国教育科学及文化组织', '聯合國教育科學及文化組織', '联合国教科文组织', '聯合國教科文組織', '教科文组织', '教科文組織'], international: true, en: 'United Nations Educational, Scientific and Cultural Organization'},
  {id: 'unicef', names: ['联合国儿童基金会', '聯合國兒童基金會'], international: true, en: 'United Nations Children\'s Fund'},
  {id: 'undp', names: ['联合国开发计划署', '聯合國開發計劃署'], international: true, en: 'United Nations Development Programme'},
  {id: 'unep', names: ['联合国环境规划署', '聯合國環境規劃署'], international: true, en: 'United Nations Environment Programme'},
  {id: 'unhcr', names: ['联合国难民事务高级专员办事处', '聯合國難民事務高級專員辦事處', '联合国难民署', '聯合國難民署'], international: true, en: 'Office of the United Nations High Commissioner for Refugees'},
  {id: 'unctad', names: ['联合国贸易和发展会议', '聯合國貿易和發展會議', '联合国贸发会议', '聯合國貿發會議', '贸发会议', '貿發會議'], international: true, en: 'United Nations Conference on Trade and Development'},
  {id: 'unido', names: ['联合国工业发展组织', '聯合國工業發展組織', '工发组织', '工發組織'], international: true, en: 'United Nations Industrial Development Organization'},
  {id: 'fao', names: ['联合国粮食及农业组织', '聯合國糧食及農業組織', '联合国粮农组织', '聯合國糧農組織', '粮农组织', '糧農組織'], international: true, en: 'Food and Agriculture Organization of the United Nations'},
  {id: 'wfp', names: ['世界粮食计划署', '世界糧食計劃署', '世界粮食规划署', '世界糧食規劃署'], international: true, en: 'World Food Programme'},
  {id: 'who', names: ['世界卫生组织', '世界衛生組織', '世卫组织', '世衛組織'], international: true, en: 'World Health Organization'},
  {id: 'ilo', names: ['国际劳工组织', '國際勞工組織'], international: true, en: 'International Labour Organization'},
  {id: 'icao', names: ['国际民用航空组织', '國際民用航空組織', '国际民航组织', '國際民航組織'], international: true, en: 'International Civil Aviation Organization'},
  {id: 'imo', names: ['国际海事组织', '國際海事組織'], international: true, en: 'International Maritime Organization'},
  {id: 'itu', names: ['国际电信联盟', '國際電信聯盟', '国际电联', '國際電聯'], international: true, en: 'International Telecommunication Union'},
  {id: 'upu', names: ['万国邮政联盟', '萬國郵政聯盟', '万国邮联', '萬國郵聯'], international: true, en: 'Universal Postal Union'},
  {id: 'wipo', names: ['世界知识产权组织', '世界知識產權組織'], international: true, en: 'World Intellectual Property Organization'},
  {id: 'wmo', names: ['世界气象组织', '世界氣象組織'], international: true, en: 'World Meteorological Organization'},
  {id: 'iaea', names: ['国际原子能机构', '國際原子能機構'], international: true, en: 'International Atomic Energy Agency'},
  {id: 'opcw', names: ['禁止化学武器组织', '禁止化學武器組織', '禁化武组织', '禁化武組織'], international: true, en: 'Organisation for the Prohibition of Chemical Weapons'},
  {id: 'imf', names: ['国际货币基金组织', '國際貨幣基金組織'], international: true, en: 'International Monetary Fund'},
  {id: 'worldBank', names: ['世界银行', '世界銀行', '世行'], international: true, en: 'World Bank'},
  {id: 'wto', names: ['世界贸易组织', '世界貿易組織', '世贸组织', '世貿組織'], international: true, en: 'World Trade Organization'},
  {id: 'gatt', names: ['关税及贸易总协定', '關稅及貿易總協定', '关贸总协定', '關貿總協定'], international: true, en: 'General Agreement on Tariffs and Trade'},
  // --- Regional and other international bodies ---
  {id: 'sco', names: ['上海合作组织', '上海合作組織', '上合组织', '上合組織'], international: true, en: 'Shanghai Cooperation Organisation'},
  {id: 'aiib', names: ['亚洲基础设施投资银行', '亞洲基礎設施投資銀行', '亚投行', '亞投行'], international: true, en: 'Asian Infrastructure Investment Bank'},
  {id: 'cica', names: ['亚洲相互协作与信任措施会议', '亞洲相互協作與信任措施會議', '亚信会议', '亞信會議', '亚信', '亞信'], international: true, en: 'Conference on Interaction and Confidence-Building Measures in Asia'},
  {id: 'adb', names: ['亚洲开发银行', '亞洲開發銀行', '亚开行', '亞開行'], international: true, en: 'Asian Development Bank'},
  {id: 'ndb', names: ['新开发银行', '新開發銀行', '金砖国家新开发银行', '金磚國家新開發銀行'], international: true, en: 'New Development Bank'},
  {id: 'afdb', names: ['非洲开发银行', '非洲開發銀行'], international: true, en: 'African Development Bank'},
  {id: 'asean', names: ['东南亚国家联盟', '東南亞國家聯盟', '东盟', '東盟'], international: true, en: 'Association of Southeast Asian Nations'},
  {id: 'au', names: ['非洲联盟', '非洲聯盟', '非盟'], international: true, en: 'African Union'},
  {id: 'oau', names: ['非洲统一组织', '非洲統一組織', '非统组织', '非統組織'], international: true, en: 'Organisation of African Unity'},
  {id: 'eu', names: ['欧洲联盟', '歐洲聯盟', '欧盟', '歐盟'], international: true, en: 'European Union'},
  {id: 'ec', names: ['欧洲共同体', '歐洲共同體', '欧洲经济共同体', '歐洲經濟共同體', '欧共体', '歐共體'], international: true, en: 'European Communities'},
  {id: 'arabLeague', names: ['阿拉伯国家联盟', '阿拉伯國家聯盟', '阿盟'], international: true, en: 'League of Arab States'},
  {id: 'gcc', names: ['海湾阿拉伯国家合作委员会', '海灣阿拉伯國家合作委員會', '海湾合作委员会', '海灣合作委員會', '海合会', '海合會'], international: true, en: 'Gulf Cooperation Council'},
  {id: 'oic', names: ['伊斯兰合作组织', '伊斯蘭合作組織', '伊斯兰会议组织', '伊斯蘭會議組織'], international: true, en: 'Organisation of Islamic Cooperation'},
  {id: 'opec', names: ['石油输出国组织', '石油輸出國組織', '欧佩克', '歐佩克'], international: true, en: 'Organization of the Petroleum Exporting Countries'},
  {id: 'g20', names: ['二十国集团', '二十國集團'], international: true, en: 'Group of Twenty'},
  {id: 'g7', names: ['七国集团', '七國集團'], international: true, en: 'Group of Seven'},
  {id: 'g77', names: ['七十七国集团', '七十七國集團', '77国集团', '77國集團'], international: true, en: 'Group of 77'},
  {id: 'brics', names: ['金砖国家', '金磚國家'], international: true, en: 'BRICS'},
  {id: 'apec', names: ['亚太经济合作组织', '亞太經濟合作組織', '亚太经合组织', '亞太經合組織'], international: true, en: 'Asia-Pacific Economic Cooperation'},
  {id: 'nato', names: ['北大西洋公约组织', '北大西洋公約組織', '北约', '北約'], international: true, en: 'North Atlantic Treaty Organization'},
  {id: 'warsawPact', names: ['华沙条约组织', '華沙條約組織', '华约', '華約'], international: true, en: 'Warsaw Treaty Organization'},
  {id: 'comecon', names: ['经济互助委员会', '經濟互助委員會', '经互会', '經互會'], international: true, en: 'Council for Mutual Economic Assistance'},
  {id: 'osce', names: ['欧洲安全与合作组织', '歐洲安全與合作組織', '欧安组织', '歐安組織'], international: true, en: 'Organization for Security and Co-operation in Europe'},
  {id: 'cis', names: ['独立国家联合体', '獨立國家聯合體', '独联体', '獨聯體'], international: true, en: 'Commonwealth of Independent States'},
  {id: 'eaeu', names: ['欧亚经济联盟', '歐亞經濟聯盟'], international: true, en: 'Eurasian Economic Union'},
  {id: 'csto', names: ['集体安全条约组织', '集體安全條約組織'], international: true, en: 'Collective Security Treaty Organization'},
  {id: 'nam', names: ['不结盟运动', '不結盟運動'], international: true, en: 'Non-Aligned Movement'},
  {id: 'saarc', names: ['南亚区域合作联盟', '南亞區域合作聯盟', '南盟'], international: true, en: 'South Asian Association for Regional Cooperation'},
  {id: 'ecowas', names: ['西非国家经济共同体', '西非國家經濟共同體', '西共体', '西共體'], international: true, en: 'Economic Community of West African States'},
  {id: 'sadc', names: ['南部非洲发展共同体', '南部非洲發展共同體'], international: true, en: 'Southern African Development Community'},
  {id: 'oas', names: ['美洲国家组织', '美洲國家組織'], international: true, en: 'Organization of American States'},
  {id: 'celac', names: ['拉丁美洲和加勒比国家共同体', '拉丁美洲和加勒比國家共同體', '拉共体', '拉共體'], international: true, en: 'Community of Latin American and Caribbean States'},
  {id: 'caricom', names: ['加勒比共同体', '加勒比共同體'], international: true, en: 'Caribbean Community'},
  {id: 'mercosur', names: ['南方共同市场', '南方共同市場'], international: true, en: 'Southern Common Market (Mercosur)'},
  {id: 'pif', names: ['太平洋岛国论坛', '太平洋島國論壇'], international: true, en: 'Pacific Islands Forum'},
  {id: 'focac', names: ['中非合作论坛', '中非合作論壇'], international: true, en: 'Forum on China-Africa Cooperation'},
  {id: 'casCF', names: ['中国—阿拉伯国家合作论坛', '中國—阿拉伯國家合作論壇', '中国-阿拉伯国家合作论坛', '中國-阿拉伯國家合作論壇', '中阿合作论坛', '中阿合作論壇'], international: true, en: 'China-Arab States Cooperation Forum'},
  {id: 'boaoForum', names: ['博鳌亚洲论坛', '博鰲亞洲論壇'], international: true, en: 'Boao Forum for Asia'},
  {id: 'ioc', names: ['国际奥林匹克委员会', '國際奧林匹克委員會', '国际奥委会', '國際奧委會'], international: true, en: 'International Olympic Committee'},
  {id: 'interpol', names: ['国际刑事警察组织', '國際刑事警察組織', '国际刑警组织', '國際刑警組織'], international: true, en: 'International Criminal Police Organization (INTERPOL)'},
  {id: 'icrc', names: ['红十字国际委员会', '紅十字國際委員會'], international: true, en: 'International Committee of the Red Cross'},
  // --- Chinese state and party bodies (international: false) ---
  {id: 'cpcCentralCommittee', names: ['中国共产党中央委员会', '中國共產黨中央委員會', '中共中央'], international: false, en: 'Central Committee of the Communist Party of China'},
  {id: 'cpc', names: ['中国共产党', '中國共產黨'], international: false, en: 'Communist Party of China'},
  {id: 'cpcInternationalDepartment', names: ['中共中央对外联络部', '中共中央對外聯絡部', '中联部', '中聯部'], international: false, en: 'International Department of the CPC Central Committee'},
  {id: 'cnStateCouncil', names: ['中华人民共和国国务院', '中華人民共和國國務院', '国务院', '國務院'], international: false, en: 'State Council of the People\'s Republic of China'},
  {id: 'cnGovernmentAdministrationCouncil', names: ['中央人民政府政务院', '中央人民政府政務院', '政务院', '政務院'], international: false, en: 'Government Administration Council (1949-1954)'},
  {id: 'cnCentralPeoplesGovernment', names: ['中华人民共和国中央人民政府', '中華人民共和國中央人民政府', '中央人民政府'], international: false, en: 'Central People\'s Government of the People\'s Republic of China'},
  {id: 'cnNpcStandingCommittee', names: ['全国人民代表大会常务委员会', '全國人民代表大會常務委員會', '全国人大常委会', '全國人大常委會'], international: false, en: 'Standing Committee of the National People\'s Congress'},
  {id: 'cnNpc', names: ['中华人民共和国全国人民代表大会', '中華人民共和國全國人民代表大會', '全国人民代表大会', '全國人民代表大會', '中国全国人大', '中國全國人大', '全国人大', '全國人大'], international: false, en: 'National People\'s Congress'},
  {id: 'cppcc', names: ['中国人民政治协商会议全国委员会', '中國人民政治協商會議全國委員會', '中国人民政治协商会议', '中國人民政治協商會議', '全国政协', '全國政協'], international: false, en: 'Chinese People\'s Political Consultative Conference'},
  {id: 'cnCentralMilitaryCommission', names: ['中华人民共和国中央军事委员会', '中華人民共和國中央軍事委員會', '中央军事委员会', '中央軍事委員會', '中央军委', '中央軍委'], international: false, en: 'Central Military Commission'},
  {id: 'cnPla', names: ['中国人民解放军', '中國人民解放軍', '解放军', '解放軍'], international: false, en: 'People\'s Liberation Army'},
  {id: 'cnSupremePeoplesCourt', names: ['最高人民法院'], international: false, en: 'Supreme People\'s Court'},
  {id: 'cnSupremePeoplesProcuratorate', names: ['最高人民检察院', '最高人民檢察院'], international: false, en: 'Supreme People\'s Procuratorate'},
  {id: 'cnOlympicCommittee', names: ['中国奥林匹克委员会', '中國奧林匹克委員會', '中国奥委会', '中國奧委會'], international: false, en: 'Chinese Olympic Committee'},
  {id: 'cctv', names: ['中国中央电视台', '中國中央電視臺', '中國中央電視台', '中央电视台', '中央電視臺', '中央電視台', '央视', '央視'], international: false, en: 'China Central Television'},
  {id: 'xinhua', names: ['新华通讯社', '新華通訊社', '新华社', '新華社'], international: false, en: 'Xinhua News Agency'},
  {id: 'peoplesDaily', names: ['人民日报', '人民日報'], international: false, en: 'People\'s Daily'},
  {id: 'cnAcademyOfSciences', names: ['中国科学院', '中國科學院', '中科院'], international: false, en: 'Chinese Academy of Sciences'},
  {id: 'cnAcademyOfSocialSciences', names: ['中国社会科学院', '中國社會科學院', '社科院'], international: false, en: 'Chinese Academy of Social Sciences'},
  {id: 'cnPeoplesBank', names: ['中国人民银行', '中國人民銀行'], international: false, en: 'People\'s Bank of China'},
  {id: 'cnCpaffc', names: ['中国人民对外友好协会', '中國人民對外友好協會', '全国对外友好协会', '全國對外友好協會', '对外友协', '對外友協'], international: false, en: 'Chinese People\'s Association for Friendship with Foreign Countries'},
]

const gazetteer = new Gazetteer(organizations)
const byId = indexById(organizations)

/** All (name, rule) pairs sorted longest name first, for greedy matching. */
export const organizationNamesLongestFirst = gazetteer.longestFirst

/** Find the organisation whose name starts `text` at `index` (longest match), or null. */
export function matchOrganizationAt(text: string, index: number): NameMatch<OrganizationRule> | null {
  return gazetteer.matchAt(text, index)
}

/** The entry with this id, or undefined. */
export function organizationById(id: string): OrganizationRule | undefined {
  return byId.get(id)
}

/**
 * Words that, right after an organisation's name, make the whole a document's
 * title (`联合国宪章` is the UN Charter, not the UN): no organisation is marked there.
 */
export const documentSuffixes: readonly string[] = ['宪章', '憲章', '公约', '公約', '章程', '决议', '決議']
