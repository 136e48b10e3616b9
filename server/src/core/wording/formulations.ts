// Standard formulations (规范表述) of official texts, as the documents that
// fixed them state them: enumerations with their members in order, fixed
// names of meetings, bodies and doctrines, and the labels or names they
// replaced. The list and its date are described in docs/rules/formulation.md;
// users add their own in config (`formulations`, same shape).
//
// Members are the atoms of the list as they stand between 、 and ，.

export interface Formulation {
  /** The label (四个意识), the name (全国人民代表大会常务委员会), or for a list without a label how a message names it. */
  name: string;
  /** Members in order; a fixed name has none. */
  members?: readonly string[];
  /** The label is written in quotation marks (“四个意识”). */
  quoted?: boolean;
  /** Other labels of the same list (五大发展理念). */
  aliases?: readonly string[];
  /** Labels or names out of date from `since` on (三个自信), each with what may follow it without it being one (部门). */
  replaces?: ReadonlyArray<{ name: string; notBefore?: string }>;
  /** The document that fixed it. */
  source: string;
  /** `YYYY-MM-DD`: from when it holds. */
  since: string;
}

/** The date of the list below: entries fixed after it are not in it. */
export const FORMULATIONS_DATE = '2025-09-30';

const CONGRESS_18 = '党的十八大报告';
const CONGRESS_19 = '党的十九大报告';
const CONGRESS_20 = '党的二十大报告';
const REFORM_2018 = '《深化党和国家机构改革方案》、十三届全国人大一次会议批准的国务院机构改革方案';
const REFORM_2023 = '《党和国家机构改革方案》、十四届全国人大一次会议批准的国务院机构改革方案';
const REFORM_2008 = '十一届全国人大一次会议批准的国务院机构改革方案';
const REFORM_2003 = '十届全国人大一次会议批准的国务院机构改革方案';
const CONSTITUTION = '《中华人民共和国宪法》';
/** For bodies older than the reforms: the setting-up of the State Council and the Party's central bodies after the 2023 reform, when they surely held. */
const STATE_COUNCIL_2023 = '2023年党和国家机构改革后的国务院机构设置';
const PARTY_BODIES_2023 = '2023年党和国家机构改革后的中共中央工作机关';
const PARTY_CONSTITUTION = '《中国共产党章程》';

export const ENUMERATIONS: readonly Formulation[] = [
  { name: '四个意识', quoted: true, members: ['政治意识', '大局意识', '核心意识', '看齐意识'], source: '中共中央政治局会议；党的十九大报告', since: '2016-01-29' },
  {
    name: '四个自信',
    quoted: true,
    members: ['道路自信', '理论自信', '制度自信', '文化自信'],
    replaces: [{ name: '三个自信' }],
    source: '习近平在庆祝中国共产党成立95周年大会上的讲话',
    since: '2016-07-01',
  },
  {
    name: '两个维护',
    quoted: true,
    members: ['坚决维护习近平总书记党中央的核心', '全党的核心地位', '坚决维护党中央权威和集中统一领导'],
    source: '《中共中央关于加强党的政治建设的意见》',
    since: '2019-01-31',
  },
  {
    name: '两个确立',
    quoted: true,
    members: ['确立习近平同志党中央的核心', '全党的核心地位', '确立习近平新时代中国特色社会主义思想的指导地位'],
    source: '《中共中央关于党的百年奋斗重大成就和历史经验的决议》',
    since: '2021-11-11',
  },
  { name: '五位一体', members: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'], source: CONGRESS_18, since: '2012-11-08' },
  {
    name: '四个全面',
    quoted: true,
    members: ['全面建成小康社会', '全面深化改革', '全面依法治国', '全面从严治党'],
    source: '习近平在省部级主要领导干部学习贯彻十八届四中全会精神全面推进依法治国专题研讨班开班式上的讲话',
    since: '2015-02-02',
  },
  {
    name: '四个全面',
    quoted: true,
    members: ['全面建设社会主义现代化国家', '全面深化改革', '全面依法治国', '全面从严治党'],
    source: '党的十九届五中全会公报',
    since: '2020-10-29',
  },
  { name: '新发展理念', aliases: ['五大发展理念'], members: ['创新', '协调', '绿色', '开放', '共享'], source: '党的十八届五中全会公报', since: '2015-10-29' },
  {
    name: '三严三实',
    quoted: true,
    members: ['严以修身', '严以用权', '严以律己', '谋事要实', '创业要实', '做人要实'],
    source: '习近平参加十二届全国人大二次会议安徽代表团审议时的讲话',
    since: '2014-03-09',
  },
  { name: '四个伟大', quoted: true, members: ['伟大斗争', '伟大工程', '伟大事业', '伟大梦想'], source: CONGRESS_19, since: '2017-10-18' },
  {
    name: '两学一做',
    quoted: true,
    members: ['学党章党规', '学系列讲话', '做合格党员'],
    source: '中共中央办公厅《关于在全体党员中开展“学党章党规、学系列讲话，做合格党员”学习教育方案》',
    since: '2016-02-28',
  },
  { name: '三大攻坚战', members: ['防范化解重大风险', '精准脱贫', '污染防治'], source: CONGRESS_19, since: '2017-10-18' },
  { name: '六稳', quoted: true, members: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'], source: '中共中央政治局会议', since: '2018-07-31' },
  {
    name: '六保',
    quoted: true,
    members: ['保居民就业', '保基本民生', '保市场主体', '保粮食能源安全', '保产业链供应链稳定', '保基层运转'],
    source: '中共中央政治局会议',
    since: '2020-04-17',
  },
  { name: '“两不愁三保障”中的“三保障”', members: ['义务教育', '基本医疗', '住房安全'], source: '《中共中央 国务院关于打赢脱贫攻坚战的决定》', since: '2015-11-29' },
  {
    name: '社会主义核心价值观',
    members: ['富强', '民主', '文明', '和谐', '自由', '平等', '公正', '法治', '爱国', '敬业', '诚信', '友善'],
    source: CONGRESS_18,
    since: '2012-11-08',
  },
  {
    name: '四项基本原则',
    members: ['坚持社会主义道路', '坚持人民民主专政', '坚持中国共产党的领导', '坚持马克思列宁主义毛泽东思想'],
    source: '邓小平《坚持四项基本原则》',
    since: '1979-03-30',
  },
  {
    name: '党的百年奋斗的历史经验（十个坚持）',
    members: ['坚持党的领导', '坚持人民至上', '坚持理论创新', '坚持独立自主', '坚持中国道路', '坚持胸怀天下', '坚持开拓创新', '坚持敢于斗争', '坚持统一战线', '坚持自我革命'],
    source: '《中共中央关于党的百年奋斗重大成就和历史经验的决议》',
    since: '2021-11-11',
  },
  {
    name: '前进道路上必须牢牢把握的重大原则',
    members: ['坚持和加强党的全面领导', '坚持中国特色社会主义道路', '坚持以人民为中心的发展思想', '坚持深化改革开放', '坚持发扬斗争精神'],
    source: CONGRESS_20,
    since: '2022-10-16',
  },
  {
    name: '中国式现代化的中国特色',
    members: ['人口规模巨大的现代化', '全体人民共同富裕的现代化', '物质文明和精神文明相协调的现代化', '人与自然和谐共生的现代化', '走和平发展道路的现代化'],
    source: CONGRESS_20,
    since: '2022-10-16',
  },
  {
    name: '中国式现代化的本质要求',
    members: [
      '坚持中国共产党领导',
      '坚持中国特色社会主义',
      '实现高质量发展',
      '发展全过程人民民主',
      '丰富人民精神世界',
      '实现全体人民共同富裕',
      '促进人与自然和谐共生',
      '推动构建人类命运共同体',
      '创造人类文明新形态',
    ],
    source: CONGRESS_20,
    since: '2022-10-16',
  },
  { name: '全人类共同价值', members: ['和平', '发展', '公平', '正义', '民主', '自由'], source: '习近平在第七十届联合国大会一般性辩论时的讲话', since: '2015-09-28' },
  { name: '党的建设（政治建设、思想建设、组织建设、作风建设、纪律建设）', members: ['政治建设', '思想建设', '组织建设', '作风建设', '纪律建设'], source: CONGRESS_19, since: '2017-10-18' },
  { name: '四大考验', members: ['执政考验', '改革开放考验', '市场经济考验', '外部环境考验'], source: '胡锦涛在庆祝中国共产党成立90周年大会上的讲话', since: '2011-07-01' },
  {
    name: '四种危险',
    members: ['精神懈怠的危险', '能力不足的危险', '脱离群众的危险', '消极腐败的危险'],
    source: '胡锦涛在庆祝中国共产党成立90周年大会上的讲话',
    since: '2011-07-01',
  },
  { name: '自我净化、自我完善、自我革新、自我提高', members: ['自我净化', '自我完善', '自我革新', '自我提高'], source: CONGRESS_18, since: '2012-11-08' },
  { name: '四风', quoted: true, members: ['形式主义', '官僚主义', '享乐主义', '奢靡之风'], source: '习近平在党的群众路线教育实践活动工作会议上的讲话', since: '2013-06-18' },
  { name: '不敢腐、不能腐、不想腐', members: ['不敢腐', '不能腐', '不想腐'], source: CONGRESS_19, since: '2017-10-18' },
  {
    name: '三个务必',
    quoted: true,
    members: ['务必不忘初心', '牢记使命', '务必谦虚谨慎', '艰苦奋斗', '务必敢于斗争', '善于斗争'],
    source: CONGRESS_20,
    since: '2022-10-16',
  },
  {
    name: '两个结合',
    quoted: true,
    members: ['把马克思主义基本原理同中国具体实际相结合', '同中华优秀传统文化相结合'],
    source: '习近平在庆祝中国共产党成立100周年大会上的讲话',
    since: '2021-07-01',
  },
  {
    name: '六个必须坚持',
    members: ['必须坚持人民至上', '必须坚持自信自立', '必须坚持守正创新', '必须坚持问题导向', '必须坚持系统观念', '必须坚持胸怀天下'],
    source: CONGRESS_20,
    since: '2022-10-16',
  },
  { name: '物质文明、政治文明、精神文明、社会文明、生态文明', members: ['物质文明', '政治文明', '精神文明', '社会文明', '生态文明'], source: CONGRESS_19, since: '2017-10-18' },
  {
    name: '四个面向',
    quoted: true,
    members: ['面向世界科技前沿', '面向经济主战场', '面向国家重大需求', '面向人民生命健康'],
    replaces: [{ name: '三个面向' }],
    source: '习近平在科学家座谈会上的讲话',
    since: '2020-09-11',
  },
  {
    name: '两个毫不动摇',
    quoted: true,
    members: ['毫不动摇巩固和发展公有制经济', '毫不动摇鼓励', '支持', '引导非公有制经济发展'],
    source: '党的十六大报告',
    since: '2002-11-08',
  },
  {
    name: '伟大建党精神',
    members: ['坚持真理', '坚守理想', '践行初心', '担当使命', '不怕牺牲', '英勇斗争', '对党忠诚', '不负人民'],
    source: '习近平在庆祝中国共产党成立100周年大会上的讲话',
    since: '2021-07-01',
  },
  { name: '四史', quoted: true, members: ['党史', '新中国史', '改革开放史', '社会主义发展史'], source: '习近平在“不忘初心、牢记使命”主题教育总结大会上的讲话', since: '2020-01-08' },
  { name: '好干部标准', members: ['信念坚定', '为民服务', '勤政务实', '敢于担当', '清正廉洁'], source: '习近平在全国组织工作会议上的讲话', since: '2013-06-28' },
  { name: '“四有”好老师', members: ['有理想信念', '有道德情操', '有扎实学识', '有仁爱之心'], source: '习近平同北京师范大学师生代表座谈时的讲话', since: '2014-09-09' },
  {
    name: '四个不摘',
    quoted: true,
    members: ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管'],
    source: '习近平在解决“两不愁三保障”突出问题座谈会上的讲话',
    since: '2019-04-16',
  },
  {
    name: '五个一批',
    quoted: true,
    members: ['发展生产脱贫一批', '易地搬迁脱贫一批', '生态补偿脱贫一批', '发展教育脱贫一批', '社会保障兜底一批'],
    source: '习近平在减贫与发展高层论坛上的主旨演讲',
    since: '2015-10-16',
  },
  {
    name: '六个精准',
    quoted: true,
    members: ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准'],
    source: '习近平在部分省区市扶贫攻坚与“十三五”时期经济社会发展座谈会上的讲话',
    since: '2015-06-18',
  },
  { name: '三大法宝', members: ['统一战线', '武装斗争', '党的建设'], source: '毛泽东《〈共产党人〉发刊词》', since: '1939-10-04' },
  {
    name: '三个有利于',
    quoted: true,
    members: ['是否有利于发展社会主义社会的生产力', '是否有利于增强社会主义国家的综合国力', '是否有利于提高人民的生活水平'],
    source: '邓小平南方谈话',
    since: '1992-01-18',
  },
  { name: '三农', quoted: true, members: ['农业', '农村', '农民'], source: '中央农村工作会议', since: '2003-01-07' },
  { name: '四个最严', quoted: true, members: ['最严谨的标准', '最严格的监管', '最严厉的处罚', '最严肃的问责'], source: '习近平在中央农村工作会议上的讲话', since: '2013-12-23' },
  { name: '中国共产党人的初心和使命', members: ['为中国人民谋幸福', '为中华民族谋复兴'], source: CONGRESS_19, since: '2017-10-18' },
  { name: '三去一降一补', quoted: true, members: ['去产能', '去库存', '去杠杆', '降成本', '补短板'], source: '中央经济工作会议', since: '2015-12-21' },
  { name: '新十六字方针', members: ['科学立法', '严格执法', '公正司法', '全民守法'], source: CONGRESS_18, since: '2012-11-08' },
  { name: '法治国家、法治政府、法治社会一体建设', members: ['法治国家', '法治政府', '法治社会'], source: CONGRESS_18, since: '2012-11-08' },
  { name: '质量变革、效率变革、动力变革', members: ['质量变革', '效率变革', '动力变革'], source: CONGRESS_19, since: '2017-10-18' },
  {
    name: '党的指导思想',
    members: ['马克思列宁主义', '毛泽东思想', '邓小平理论', '“三个代表”重要思想', '科学发展观', '习近平新时代中国特色社会主义思想'],
    source: `${PARTY_CONSTITUTION}（党的十九大修改）`,
    since: '2017-10-24',
  },
];

/**
 * Full names of bodies and meetings: misspelt (one character off inside a
 * name of seven or more), or out of date (`replaces`). Doctrines are not here:
 * their wording varies in prose (社会主义现代化国家, 中华民族的伟大复兴).
 */
export const NAMES: readonly Formulation[] = [
  // Organs of the state.
  { name: '全国人民代表大会', source: CONSTITUTION, since: '1982-12-04' },
  { name: '全国人民代表大会常务委员会', source: CONSTITUTION, since: '1982-12-04' },
  { name: '中华人民共和国主席', source: CONSTITUTION, since: '1982-12-04' },
  { name: '中华人民共和国国务院', source: CONSTITUTION, since: '1982-12-04' },
  { name: '中华人民共和国中央军事委员会', source: CONSTITUTION, since: '1982-12-04' },
  { name: '最高人民法院', source: CONSTITUTION, since: '1982-12-04' },
  { name: '最高人民检察院', source: CONSTITUTION, since: '1982-12-04' },
  { name: '国家监察委员会', source: `${CONSTITUTION}（2018年修正）`, since: '2018-03-11' },
  { name: '地方各级人民代表大会', source: CONSTITUTION, since: '1982-12-04' },
  { name: '地方各级人民政府', source: CONSTITUTION, since: '1982-12-04' },
  { name: '中国人民政治协商会议', source: '《中国人民政治协商会议章程》', since: '1982-12-11' },
  { name: '中国人民政治协商会议全国委员会', source: '《中国人民政治协商会议章程》', since: '1982-12-11' },
  // Organs of the Party.
  { name: '中国共产党全国代表大会', source: PARTY_CONSTITUTION, since: '1982-09-06' },
  { name: '中国共产党中央委员会', source: PARTY_CONSTITUTION, since: '1982-09-06' },
  { name: '中央政治局常务委员会', source: PARTY_CONSTITUTION, since: '1982-09-06' },
  { name: '中国共产党中央纪律检查委员会', source: PARTY_CONSTITUTION, since: '1982-09-06' },
  { name: '中央纪律检查委员会', source: PARTY_CONSTITUTION, since: '1982-09-06' },
  { name: '中共中央办公厅', source: PARTY_BODIES_2023, since: '2023-03-16' },
  { name: '中共中央组织部', source: PARTY_BODIES_2023, since: '2023-03-16' },
  { name: '中共中央宣传部', source: PARTY_BODIES_2023, since: '2023-03-16' },
  { name: '中共中央统一战线工作部', source: PARTY_BODIES_2023, since: '2023-03-16' },
  { name: '中共中央对外联络部', source: PARTY_BODIES_2023, since: '2023-03-16' },
  { name: '中共中央政法委员会', source: '《中国共产党政法工作条例》', since: '2019-01-13' },
  { name: '中共中央党史和文献研究院', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央和国家机关工作委员会', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央全面深化改革委员会', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央网络安全和信息化委员会', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央财经委员会', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央外事工作委员会', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央全面依法治国委员会', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央审计委员会', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央教育工作领导小组', source: REFORM_2018, since: '2018-03-21' },
  { name: '中央金融委员会', source: REFORM_2023, since: '2023-03-16' },
  { name: '中央金融工作委员会', source: REFORM_2023, since: '2023-03-16' },
  { name: '中央科技委员会', source: REFORM_2023, since: '2023-03-16' },
  { name: '中央社会工作部', source: REFORM_2023, since: '2023-03-16' },
  { name: '中共中央港澳工作办公室', replaces: [{ name: '国务院港澳事务办公室' }], source: REFORM_2023, since: '2023-03-16' },
  // The State Council's departments.
  { name: '国家发展和改革委员会', source: REFORM_2003, since: '2003-03-10' },
  { name: '科学技术部', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '工业和信息化部', source: REFORM_2008, since: '2008-03-15' },
  { name: '国家民族事务委员会', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '人力资源和社会保障部', source: REFORM_2008, since: '2008-03-15' },
  { name: '住房和城乡建设部', source: REFORM_2008, since: '2008-03-15' },
  { name: '交通运输部', source: REFORM_2008, since: '2008-03-15' },
  { name: '自然资源部', replaces: [{ name: '国土资源部', notBefore: '门长' }], source: REFORM_2018, since: '2018-03-17' },
  { name: '生态环境部', replaces: [{ name: '环境保护部', notBefore: '门长' }], source: REFORM_2018, since: '2018-03-17' },
  { name: '农业农村部', replaces: [{ name: '国家乡村振兴局' }], source: REFORM_2023, since: '2023-03-16' },
  { name: '文化和旅游部', source: REFORM_2018, since: '2018-03-17' },
  { name: '国家卫生健康委员会', replaces: [{ name: '国家卫生和计划生育委员会' }], source: REFORM_2018, since: '2018-03-17' },
  { name: '退役军人事务部', source: REFORM_2018, since: '2018-03-17' },
  { name: '应急管理部', replaces: [{ name: '国家安全生产监督管理总局' }], source: REFORM_2018, since: '2018-03-17' },
  { name: '中国人民银行', source: CONSTITUTION, since: '1982-12-04' },
  { name: '国务院国有资产监督管理委员会', source: REFORM_2003, since: '2003-03-10' },
  { name: '国家税务总局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  {
    name: '国家市场监督管理总局',
    replaces: [{ name: '国家工商行政管理总局' }, { name: '国家质量监督检验检疫总局' }, { name: '国家食品药品监督管理总局' }],
    source: REFORM_2018,
    since: '2018-03-17',
  },
  {
    name: '国家金融监督管理总局',
    replaces: [{ name: '中国银行保险监督管理委员会' }, { name: '中国银行业监督管理委员会' }, { name: '中国保险监督管理委员会' }],
    source: REFORM_2023,
    since: '2023-03-10',
  },
  { name: '中国证券监督管理委员会', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家广播电视总局', replaces: [{ name: '国家新闻出版广电总局' }], source: REFORM_2018, since: '2018-03-17' },
  { name: '国家体育总局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家统计局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家知识产权局', source: REFORM_2018, since: '2018-03-17' },
  { name: '国家国际发展合作署', source: REFORM_2018, since: '2018-03-17' },
  { name: '国家医疗保障局', source: REFORM_2018, since: '2018-03-17' },
  { name: '国家机关事务管理局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家粮食和物资储备局', source: REFORM_2018, since: '2018-03-17' },
  { name: '国家能源局', source: REFORM_2008, since: '2008-03-15' },
  { name: '国家数据局', source: REFORM_2023, since: '2023-03-16' },
  { name: '国家国防科技工业局', source: REFORM_2008, since: '2008-03-15' },
  { name: '国家烟草专卖局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家林业和草原局', source: REFORM_2018, since: '2018-03-17' },
  { name: '国家移民管理局', source: REFORM_2018, since: '2018-03-17' },
  { name: '国家铁路局', source: '十二届全国人大一次会议批准的国务院机构改革方案', since: '2013-03-14' },
  { name: '中国民用航空局', source: REFORM_2008, since: '2008-03-15' },
  { name: '国家邮政局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家文物局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家中医药管理局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家疾病预防控制局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家矿山安全监察局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家外汇管理局', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '国家药品监督管理局', source: REFORM_2018, since: '2018-03-17' },
  { name: '国务院发展研究中心', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  { name: '中央广播电视总台', source: REFORM_2018, since: '2018-03-21' },
  { name: '中国社会科学院', source: STATE_COUNCIL_2023, since: '2023-03-16' },
  // Meetings.
  { name: '中国共产党第二十次全国代表大会', source: '党的二十大', since: '2022-10-16' },
  { name: '中国共产党第十九次全国代表大会', source: '党的十九大', since: '2017-10-18' },
  { name: '中国共产党第二十届中央委员会第三次全体会议', source: '党的二十届三中全会公报', since: '2024-07-18' },
  { name: '中国共产党第二十届中央委员会第二次全体会议', source: '党的二十届二中全会公报', since: '2023-02-28' },
  { name: '中国共产党第二十届中央委员会第一次全体会议', source: '党的二十届一中全会公报', since: '2022-10-23' },
  { name: '中国共产党第十九届中央委员会第六次全体会议', source: '党的十九届六中全会公报', since: '2021-11-11' },
  { name: '党的二十届三中全会', source: '党的二十届三中全会公报', since: '2024-07-18' },
  { name: '党的二十届二中全会', source: '党的二十届二中全会公报', since: '2023-02-28' },
  { name: '党的十九届六中全会', source: '党的十九届六中全会公报', since: '2021-11-11' },
  { name: '第十四届全国人民代表大会第一次会议', source: '十四届全国人大一次会议', since: '2023-03-05' },
  { name: '第十四届全国人民代表大会第二次会议', source: '十四届全国人大二次会议', since: '2024-03-05' },
  { name: '第十四届全国人民代表大会第三次会议', source: '十四届全国人大三次会议', since: '2025-03-05' },
  { name: '中央全面依法治国工作会议', source: '中央全面依法治国工作会议', since: '2020-11-16' },
  { name: '中央金融工作会议', source: '中央金融工作会议', since: '2023-10-30' },
  { name: '全国宣传思想文化工作会议', replaces: [{ name: '全国宣传思想工作会议' }], source: '全国宣传思想文化工作会议', since: '2023-10-07' },
  { name: '全国生态环境保护大会', source: '全国生态环境保护大会', since: '2018-05-18' },
  { name: '全国卫生与健康大会', source: '全国卫生与健康大会', since: '2016-08-19' },
  { name: '中央城市工作会议', source: '中央城市工作会议', since: '2015-12-20' },
  { name: '全国组织工作会议', source: '全国组织工作会议', since: '2018-07-03' },
  { name: '全国教育大会', source: '全国教育大会', since: '2018-09-10' },
];
