/**
 * The starting thesaurus: concepts of the biomedical field with the words people use for them in
 * simplified Chinese, traditional Chinese (Taiwan and Hong Kong usage) and English, the taxonomy
 * segment a concept belongs to (codes of taxonomy 'segment') and the concepts related to it.
 *
 * This list is written into the database by the migration `*_thesaurus_seed.sql` (generated from
 * this file by scripts/thesaurus-seed-sql.ts; a unit test checks they agree). After that the
 * thesaurus is data that platform admins edit; editing this file does not change a database that
 * already exists.
 *
 * Choosing terms: Chinese terms match as substrings of a text, so a term must not be a common
 * piece of unrelated words (no bare 中药: "研究过程中药物"; no 化药: "优化药物"). Latin terms match
 * whole words (CRO does not match "microbe"), hyphens, spaces and dots being ignored ("CAR-T",
 * "CAR T" and "cart" are one term).
 */
import type { ThesaurusConceptData } from './thesaurus';

function concept(code: string, segment: string | null, relatedCodes: string[], zhHans: string[], zhHant: string[], en: string[]): ThesaurusConceptData {
  return {
    code,
    segment,
    relatedCodes,
    terms: [...zhHans.map((term) => ({ lang: 'zh_hans' as const, term })), ...zhHant.map((term) => ({ lang: 'zh_hant' as const, term })), ...en.map((term) => ({ lang: 'en' as const, term }))],
  };
}

export const THESAURUS_SEED: readonly ThesaurusConceptData[] = [
  // Cell, gene and nucleic-acid therapies
  concept('cell_therapy', 'cell_therapy', ['stem_cell', 'immunotherapy', 'viral_vector'],
    ['细胞治疗', '细胞疗法', '免疫细胞治疗', '免疫细胞疗法', 'CAR-T', 'CAR-NK', 'TCR-T'],
    ['細胞治療', '細胞療法', '免疫細胞治療', '免疫細胞療法'],
    ['cell therapy', 'cell therapies', 'cellular therapy', 'immune cell therapy', 'CAR-T', 'CAR-NK', 'TCR-T', 'TIL therapy']),
  concept('stem_cell', 'cell_therapy', ['regenerative_medicine', 'cell_therapy', 'organoid'],
    ['干细胞', '间充质干细胞', '诱导多能干细胞', '造血干细胞', '干细胞治疗'],
    ['幹細胞', '間充質幹細胞', '誘導性多功能幹細胞', '造血幹細胞'],
    ['stem cell', 'stem cells', 'MSC', 'iPSC', 'mesenchymal stem cell', 'induced pluripotent stem cell']),
  concept('regenerative_medicine', 'regenerative_medicine', ['stem_cell', 'biomaterials', 'organoid', 'exosome'],
    ['再生医学', '组织工程', '组织修复', '组织再生'],
    ['再生醫學', '組織工程', '組織修復', '組織再生'],
    ['regenerative medicine', 'tissue engineering', 'tissue repair', 'tissue regeneration']),
  concept('organoid', 'regenerative_medicine', ['stem_cell'], ['类器官'], ['類器官'], ['organoid', 'organoids']),
  concept('exosome', 'regenerative_medicine', ['drug_delivery'], ['外泌体', '细胞外囊泡'], ['外泌體', '細胞外囊泡'], ['exosome', 'exosomes', 'extracellular vesicles']),
  concept('gene_therapy', 'gene_therapy', ['aav', 'gene_editing', 'viral_vector', 'rare_disease'],
    ['基因治疗', '基因疗法'], ['基因治療', '基因療法'], ['gene therapy', 'gene therapies']),
  concept('gene_editing', 'gene_therapy', ['gene_therapy'],
    ['基因编辑', '基因组编辑', '碱基编辑', 'CRISPR'], ['基因編輯', '基因組編輯', '鹼基編輯'],
    ['gene editing', 'genome editing', 'base editing', 'CRISPR', 'CRISPR-Cas9']),
  concept('aav', 'gene_therapy', ['viral_vector'], ['腺相关病毒', 'AAV载体'], ['腺相關病毒', 'AAV載體'], ['AAV', 'adeno-associated virus']),
  concept('viral_vector', 'gene_therapy', ['cdmo'], ['病毒载体', '慢病毒', '慢病毒载体'], ['病毒載體', '慢病毒載體'], ['viral vector', 'viral vectors', 'lentiviral vector', 'lentivirus']),
  concept('mrna', 'mrna', ['lnp', 'vaccines', 'nucleic_acid_drug'], ['mRNA', '信使RNA', '信使核糖核酸'], ['信使核糖核酸'], ['mRNA', 'messenger RNA']),
  concept('lnp', 'mrna', ['drug_delivery'], ['脂质纳米颗粒', '脂质纳米粒'], ['脂質奈米顆粒', '脂質奈米粒'], ['LNP', 'lipid nanoparticle', 'lipid nanoparticles']),
  concept('nucleic_acid_drug', 'innovative_drug', ['gene_therapy'],
    ['核酸药物', '小核酸药物', 'siRNA', '反义寡核苷酸'], ['核酸藥物', '小核酸藥物', '反義寡核苷酸'],
    ['nucleic acid drug', 'nucleic acid therapeutics', 'siRNA', 'ASO', 'antisense oligonucleotide']),
  concept('phage_therapy', 'phage_therapy', ['antimicrobial', 'microbiome'],
    ['噬菌体治疗', '噬菌体疗法', '噬菌体'], ['噬菌體治療', '噬菌體療法', '噬菌體'], ['phage therapy', 'bacteriophage', 'bacteriophages', 'phages']),

  // Drugs
  concept('innovative_drug', 'innovative_drug', ['small_molecule', 'biologics'],
    ['创新药', '创新药物', '新药', '首创新药'], ['創新藥', '創新藥物', '新藥'],
    ['innovative drug', 'innovative drugs', 'new drug', 'novel drug', 'first-in-class']),
  concept('small_molecule', 'innovative_drug', ['protac'], ['小分子', '小分子药物', '化学药', '化学创新药'], ['小分子藥物', '化學藥'], ['small molecule', 'small molecules', 'small-molecule drug']),
  concept('protac', 'innovative_drug', ['small_molecule'], ['蛋白降解靶向嵌合体', '靶向蛋白降解', '分子胶'], ['標靶蛋白降解', '分子膠'], ['PROTAC', 'targeted protein degradation', 'molecular glue']),
  concept('biologics', 'innovative_drug', ['antibody', 'recombinant_protein', 'cdmo'], ['生物药', '生物制品', '生物制剂'], ['生物藥', '生物製劑', '生物製品'], ['biologics', 'biologic drug', 'biopharmaceutical', 'biopharmaceuticals']),
  concept('antibody', 'innovative_drug', ['adc', 'biologics', 'immunotherapy'],
    ['抗体', '抗体药物', '单克隆抗体', '单抗', '双特异性抗体', '纳米抗体'], ['抗體', '抗體藥物', '單株抗體', '雙特異性抗體', '奈米抗體'],
    ['antibody', 'antibodies', 'monoclonal antibody', 'mAb', 'bispecific antibody', 'nanobody']),
  concept('adc', 'innovative_drug', ['antibody', 'oncology'],
    ['抗体偶联药物', '抗体药物偶联物', 'ADC'], ['抗體藥物複合體', '抗體偶聯藥物'], ['ADC', 'antibody-drug conjugate', 'antibody-drug conjugates']),
  concept('recombinant_protein', 'innovative_drug', ['biologics'], ['重组蛋白', '融合蛋白'], ['重組蛋白', '融合蛋白'], ['recombinant protein', 'fusion protein']),
  concept('peptide', 'innovative_drug', ['small_molecule'], ['多肽药物', '多肽', '肽类药物'], ['多肽藥物', '胜肽'], ['peptide', 'peptides', 'peptide drug']),
  concept('biosimilar', 'innovative_drug', ['biologics'], ['生物类似药'], ['生物相似性藥品', '生物相似藥'], ['biosimilar', 'biosimilars']),
  concept('generic_drug', null, ['small_molecule'], ['仿制药', '一致性评价'], ['學名藥'], ['generic drug', 'generic drugs', 'generics']),
  concept('radiopharmaceutical', 'innovative_drug', ['oncology', 'radiotherapy'], ['放射性药物', '放射性核素偶联药物', '核素药物'], ['放射性藥物', '核醫藥物'], ['radiopharmaceutical', 'radiopharmaceuticals', 'RDC', 'radioligand therapy']),
  concept('tcm', 'innovative_drug', [], ['中医药', '中药材', '中成药', '中药新药'], ['中醫藥', '中藥材', '中成藥', '中藥新藥'], ['traditional Chinese medicine', 'TCM']),
  concept('drug_delivery', null, ['lnp'], ['药物递送', '递送系统', '缓释制剂', '控释制剂', '纳米药物'], ['藥物遞送', '藥物傳輸', '緩釋製劑'], ['drug delivery', 'controlled release', 'sustained release', 'nanomedicine']),
  concept('vaccines', 'vaccines', ['mrna', 'infectious_disease'], ['疫苗', '预防性疫苗', '治疗性疫苗'], ['疫苗', '預防性疫苗', '治療性疫苗'], ['vaccine', 'vaccines', 'vaccination']),
  concept('synthetic_biology', null, ['biomanufacturing'], ['合成生物学', '合成生物'], ['合成生物學'], ['synthetic biology', 'synbio']),
  concept('biomanufacturing', null, ['cdmo'], ['生物制造'], ['生物製造'], ['biomanufacturing']),
  concept('microbiome', null, ['phage_therapy'], ['微生态', '肠道菌群', '微生物组', '菌群移植'], ['微生態', '腸道菌群', '微生物體'], ['microbiome', 'microbiota', 'gut microbiome', 'FMT']),

  // Diseases and therapeutic areas
  concept('oncology', null, ['immunotherapy', 'adc', 'liquid_biopsy'], ['肿瘤', '癌症', '恶性肿瘤', '抗肿瘤'], ['腫瘤', '癌症', '惡性腫瘤', '抗腫瘤'],
    ['cancer', 'cancers', 'oncology', 'tumor', 'tumors', 'tumour', 'tumours', 'carcinoma']),
  concept('immunotherapy', null, ['oncology', 'cell_therapy', 'antibody'], ['免疫治疗', '免疫疗法', '免疫检查点', 'PD-1', 'PD-L1'], ['免疫治療', '免疫療法', '免疫檢查點'],
    ['immunotherapy', 'immuno-oncology', 'immune checkpoint', 'PD-1', 'PD-L1']),
  concept('infectious_disease', null, ['vaccines', 'antimicrobial'], ['传染病', '感染性疾病', '抗病毒', '抗感染'], ['傳染病', '感染性疾病', '抗病毒', '抗感染'], ['infectious disease', 'infectious diseases', 'antiviral']),
  concept('antimicrobial', 'innovative_drug', ['phage_therapy'], ['抗菌药物', '耐药菌', '抗生素'], ['抗菌藥物', '抗藥性細菌', '抗生素'], ['antibiotic', 'antibiotics', 'antimicrobial', 'antimicrobial resistance', 'AMR']),
  concept('neurology', null, ['brain_computer_interface'], ['神经系统疾病', '神经退行性疾病', '阿尔茨海默', '帕金森', '中枢神经'], ['神經系統疾病', '神經退化性疾病', '阿茲海默', '帕金森', '中樞神經'],
    ['neurology', 'neurodegenerative', 'Alzheimer', 'Parkinson', 'CNS']),
  concept('cardiovascular', null, ['implant'], ['心血管', '心脑血管', '心力衰竭'], ['心血管', '心腦血管', '心臟衰竭'], ['cardiovascular', 'cardiology', 'heart failure']),
  concept('metabolic', null, [], ['代谢性疾病', '糖尿病', '肥胖症', '减重', 'GLP-1'], ['代謝性疾病', '糖尿病', '肥胖症'], ['metabolic disease', 'diabetes', 'obesity', 'GLP-1']),
  concept('autoimmune', null, ['antibody'], ['自身免疫病', '自身免疫性疾病'], ['自體免疫疾病', '自身免疫疾病'], ['autoimmune', 'autoimmune disease']),
  concept('rare_disease', null, ['gene_therapy'], ['罕见病', '孤儿药'], ['罕見病', '罕見疾病', '孤兒藥'], ['rare disease', 'rare diseases', 'orphan drug']),
  concept('ophthalmology', null, [], ['眼科', '眼病'], ['眼科', '眼疾'], ['ophthalmology', 'ophthalmic']),

  // Devices
  concept('medical_device', 'medical_device', ['innovative_device'], ['医疗器械', '医疗设备', '高端医疗器械', '医疗装备'], ['醫療器械', '醫療器材', '醫療設備'],
    ['medical device', 'medical devices', 'medtech', 'medical equipment']),
  concept('innovative_device', 'medical_device', ['regulatory_affairs'], ['创新医疗器械', '创新器械'], ['創新醫療器材', '創新醫療器械'], ['innovative medical device', 'breakthrough device']),
  concept('medical_imaging', 'medical_device', ['medical_ai'], ['医学影像', '医学成像', '影像设备', '磁共振', '超声诊断'], ['醫學影像', '醫學成像', '磁振造影', '超音波'],
    ['medical imaging', 'MRI', 'CT', 'ultrasound', 'PET-CT']),
  concept('surgical_robot', 'medical_device', ['minimally_invasive'], ['手术机器人', '医疗机器人'], ['手術機器人', '醫療機器人'], ['surgical robot', 'surgical robotics', 'medical robot']),
  concept('minimally_invasive', 'medical_device', ['implant'], ['微创', '微创手术', '介入器械', '介入治疗'], ['微創', '微創手術', '介入治療'], ['minimally invasive', 'interventional']),
  concept('implant', 'medical_device', ['biomaterials', 'orthopedics'], ['植入器械', '植入物', '血管支架', '心脏支架'], ['植入器材', '植入物', '血管支架', '心臟支架'], ['implant', 'implants', 'stent', 'stents']),
  concept('orthopedics', 'medical_device', ['implant'], ['骨科', '人工关节', '骨科植入物'], ['骨科', '人工關節'], ['orthopedics', 'orthopaedics', 'orthopedic', 'joint replacement']),
  concept('dental', 'medical_device', [], ['口腔医疗', '种植牙', '口腔修复'], ['口腔醫療', '植牙'], ['dental', 'dentistry', 'dental implant']),
  concept('rehabilitation', 'medical_device', [], ['康复医疗', '康复器械', '康复机器人'], ['復健', '康復醫療'], ['rehabilitation']),
  concept('wearable', 'digital_health', ['digital_health'], ['可穿戴设备', '可穿戴', '穿戴式设备'], ['穿戴式裝置', '可穿戴設備'], ['wearable', 'wearables', 'wearable device']),
  concept('brain_computer_interface', 'medical_device', ['neurology'], ['脑机接口'], ['腦機介面', '腦機接口'], ['brain-computer interface', 'BCI']),
  concept('radiotherapy', 'medical_device', ['oncology'], ['放射治疗', '放疗', '质子治疗', '重离子治疗'], ['放射治療', '放療', '質子治療'], ['radiotherapy', 'radiation therapy', 'proton therapy']),
  concept('medical_aesthetics', null, ['biomaterials'], ['医美', '医疗美容'], ['醫美', '醫學美容'], ['medical aesthetics', 'aesthetic medicine']),

  // Diagnostics
  concept('ivd', 'ivd', ['molecular_diagnostics', 'poct', 'immunoassay'], ['体外诊断', '诊断试剂', '体外诊断试剂'], ['體外診斷', '診斷試劑'], ['IVD', 'in vitro diagnostics', 'in vitro diagnostic']),
  concept('molecular_diagnostics', 'ivd', ['ngs', 'ivd'], ['分子诊断', '基因检测', '核酸检测', 'PCR'], ['分子診斷', '基因檢測', '核酸檢測'], ['molecular diagnostics', 'PCR', 'genetic testing']),
  concept('ngs', 'ivd', ['molecular_diagnostics', 'precision_medicine'], ['高通量测序', '二代测序', '基因测序'], ['次世代定序', '高通量定序', '基因定序'], ['NGS', 'next-generation sequencing', 'sequencing']),
  concept('poct', 'ivd', ['ivd'], ['即时检验', '即时检测', 'POCT'], ['即時檢驗', '床邊檢驗'], ['POCT', 'point-of-care testing', 'point of care']),
  concept('liquid_biopsy', 'ivd', ['oncology', 'ngs'], ['液体活检'], ['液體活檢', '液態活檢'], ['liquid biopsy']),
  concept('immunoassay', 'ivd', ['ivd'], ['免疫诊断', '化学发光', '免疫分析'], ['免疫診斷', '化學發光'], ['immunoassay', 'chemiluminescence']),
  concept('companion_diagnostics', 'ivd', ['precision_medicine', 'oncology'], ['伴随诊断'], ['伴隨診斷'], ['companion diagnostics', 'companion diagnostic', 'CDx']),
  concept('precision_medicine', null, ['ngs', 'companion_diagnostics'], ['精准医疗', '精准医学'], ['精準醫療', '精準醫學'], ['precision medicine', 'personalized medicine', 'personalised medicine']),

  // Materials
  concept('biomaterials', 'biomaterials', ['regenerative_medicine', 'implant', 'bioprinting'], ['生物材料', '医用材料', '生物医用材料', '可降解材料'], ['生物材料', '醫用材料', '生醫材料'],
    ['biomaterials', 'biomaterial', 'biodegradable material']),
  concept('hydrogel', 'biomaterials', ['biomaterials'], ['水凝胶'], ['水凝膠'], ['hydrogel', 'hydrogels']),
  concept('bioprinting', 'biomaterials', ['regenerative_medicine'], ['生物3D打印', '3D打印'], ['生物3D列印', '3D列印'], ['3D printing', 'bioprinting', '3D bioprinting']),

  // Digital health
  concept('digital_health', 'digital_health', ['medical_ai', 'telemedicine'], ['数字健康', '数字医疗', '互联网医疗', '智慧医疗', '医疗信息化'], ['數位健康', '數位醫療', '智慧醫療'], ['digital health', 'eHealth']),
  concept('medical_ai', 'digital_health', ['medical_imaging'], ['人工智能', '医疗人工智能', 'AI医疗', 'AI辅助诊断'], ['人工智慧', '醫療人工智慧'], ['artificial intelligence', 'AI', 'machine learning', 'deep learning']),
  concept('telemedicine', 'digital_health', ['digital_health'], ['远程医疗', '互联网医院'], ['遠距醫療', '遠端醫療'], ['telemedicine', 'telehealth']),
  concept('digital_therapeutics', 'digital_health', ['digital_health'], ['数字疗法'], ['數位療法'], ['digital therapeutics', 'DTx']),

  // Development, regulation and services
  concept('clinical_trial', null, ['ind', 'cro', 'real_world_evidence'], ['临床试验', '临床研究', 'I期临床', 'II期临床', 'III期临床'], ['臨床試驗', '臨床研究'],
    ['clinical trial', 'clinical trials', 'clinical study', 'phase I', 'phase II', 'phase III', 'phase 1', 'phase 2', 'phase 3']),
  concept('preclinical', null, ['cro', 'animal_model', 'glp'], ['临床前研究', '临床前', '药理毒理', '药效学'], ['臨床前研究', '臨床前', '藥理毒理'], ['preclinical', 'IND-enabling', 'toxicology']),
  concept('animal_model', null, ['preclinical'], ['动物实验', '实验动物', '动物模型'], ['動物實驗', '實驗動物', '動物模型'], ['animal model', 'animal models', 'animal testing', 'laboratory animals']),
  concept('ind', null, ['clinical_trial', 'nda', 'preclinical'], ['IND', '临床试验申请', '新药临床试验申请', '临床试验批件', '临床默示许可'], ['臨床試驗申請', '新藥臨床試驗申請'],
    ['IND', 'investigational new drug', 'IND application']),
  concept('nda', null, ['ind', 'regulatory_affairs'], ['NDA', 'BLA', '新药上市申请', '药品上市许可'], ['新藥上市申請', '藥品上市許可'], ['NDA', 'BLA', 'new drug application', 'marketing authorization', 'marketing authorisation']),
  concept('regulatory_affairs', null, ['nda', 'ind'], ['注册申报', '药品注册', '医疗器械注册', '注册证'], ['藥品註冊', '醫療器材查驗登記', '註冊申報'], ['regulatory affairs', 'regulatory submission', 'NMPA']),
  concept('real_world_evidence', null, ['clinical_trial'], ['真实世界研究', '真实世界数据'], ['真實世界研究', '真實世界數據'], ['real-world evidence', 'real-world data', 'RWE', 'RWD']),
  concept('cro', null, ['cdmo', 'clinical_trial', 'preclinical'], ['CRO', '合同研究组织', '医药研发外包'], ['委託研究機構', '受託研究機構'], ['CRO', 'contract research organization', 'contract research organisation']),
  concept('cdmo', null, ['cmo', 'gmp', 'cro'], ['CDMO', '合同研发生产', '合同研发生产组织'], ['委託開發製造', '委託開發暨製造'], ['CDMO', 'contract development and manufacturing']),
  concept('cmo', null, ['cdmo', 'gmp'], ['CMO', '合同生产', '委托生产'], ['委託製造', '委託生產'], ['CMO', 'contract manufacturing']),
  concept('gmp', null, ['cdmo', 'pilot_production'], ['GMP', '药品生产质量管理规范', 'GMP车间', '洁净车间'], ['藥品優良製造規範', '潔淨室'], ['GMP', 'good manufacturing practice', 'cleanroom']),
  concept('glp', null, ['preclinical'], ['GLP', '药物非临床研究质量管理规范'], ['優良實驗室規範'], ['GLP', 'good laboratory practice']),
  concept('pilot_production', null, ['gmp', 'cdmo'], ['中试生产', '中试平台', '中试基地', '中试放大'], ['中試生產', '中試平台', '中試基地'], ['pilot production', 'pilot plant', 'pilot-scale', 'scale-up']),
  concept('tech_transfer', null, ['patent'], ['科技成果转化', '技术转移', '成果转化', '技术许可', '专利许可'], ['科技成果轉化', '技術移轉', '技術轉移', '技術授權', '專利授權'],
    ['technology transfer', 'tech transfer', 'licensing', 'out-licensing']),
  concept('patent', null, ['tech_transfer'], ['专利', '知识产权', '发明专利'], ['專利', '智慧財產權', '知識產權'], ['patent', 'patents', 'intellectual property']),
  concept('shared_lab', null, ['incubator'], ['共享实验室', '公共服务平台', '公共技术平台', '开放实验室'], ['共享實驗室', '公共服務平台', '公共技術平台'], ['shared laboratory', 'shared lab', 'core facility', 'core facilities']),
  concept('incubator', null, ['shared_lab'], ['孵化器', '众创空间', '孵化平台'], ['育成中心', '孵化器', '孵化平台'], ['incubator', 'incubators', 'business incubator']),
];
