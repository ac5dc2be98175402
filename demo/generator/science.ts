/**
 * The science a project is about: for each segment its development track, modalities,
 * targets and indications, in Chinese and English, and the stages of each track with the
 * regulatory status and funding round that go with them. Codes are those of taxonomy_terms.
 */
export type Pair = readonly [zh: string, en: string];

export const INDICATIONS = {
  oncology: [['非小细胞肺癌', 'non-small-cell lung cancer'], ['乳腺癌', 'breast cancer'], ['胃癌', 'gastric cancer'], ['肝细胞癌', 'hepatocellular carcinoma'], ['结直肠癌', 'colorectal cancer'], ['胰腺癌', 'pancreatic cancer'], ['卵巢癌', 'ovarian cancer'], ['前列腺癌', 'prostate cancer'], ['食管癌', 'oesophageal cancer'], ['鼻咽癌', 'nasopharyngeal carcinoma'], ['多发性骨髓瘤', 'multiple myeloma'], ['B细胞淋巴瘤', 'B-cell lymphoma'], ['急性髓系白血病', 'acute myeloid leukaemia'], ['胶质母细胞瘤', 'glioblastoma']],
  neuro: [['阿尔茨海默病', "Alzheimer's disease"], ['帕金森病', "Parkinson's disease"], ['肌萎缩侧索硬化', 'amyotrophic lateral sclerosis'], ['抑郁症', 'depression'], ['癫痫', 'epilepsy']],
  metabolic: [['2型糖尿病', 'type 2 diabetes'], ['肥胖症', 'obesity'], ['非酒精性脂肪性肝炎', 'NASH'], ['高脂血症', 'hyperlipidaemia'], ['痛风', 'gout']],
  immunology: [['类风湿关节炎', 'rheumatoid arthritis'], ['银屑病', 'psoriasis'], ['系统性红斑狼疮', 'systemic lupus erythematosus'], ['特应性皮炎', 'atopic dermatitis'], ['溃疡性结肠炎', 'ulcerative colitis']],
  infection: [['慢性乙型肝炎', 'chronic hepatitis B'], ['带状疱疹', 'herpes zoster'], ['流感', 'influenza'], ['呼吸道合胞病毒感染', 'RSV infection'], ['耐药菌感染', 'drug-resistant bacterial infection'], ['HPV感染', 'HPV infection']],
  rare: [['血友病B', 'haemophilia B'], ['脊髓性肌萎缩症', 'spinal muscular atrophy'], ['杜氏肌营养不良', 'Duchenne muscular dystrophy'], ['遗传性视网膜病变', 'inherited retinal dystrophy'], ['法布雷病', 'Fabry disease']],
  cardio: [['心力衰竭', 'heart failure'], ['心房颤动', 'atrial fibrillation'], ['冠心病', 'coronary artery disease'], ['高血压', 'hypertension']],
  eye: [['湿性年龄相关性黄斑变性', 'wet age-related macular degeneration'], ['糖尿病视网膜病变', 'diabetic retinopathy'], ['角膜损伤', 'corneal injury']],
  regenerative: [['膝骨关节炎', 'knee osteoarthritis'], ['深度烧伤创面', 'deep burn wounds'], ['脊髓损伤', 'spinal cord injury'], ['卵巢早衰', 'premature ovarian failure'], ['失代偿期肝硬化', 'decompensated cirrhosis'], ['骨缺损', 'bone defects'], ['糖尿病足溃疡', 'diabetic foot ulcers']],
  antibacterial: [['耐碳青霉烯肺炎克雷伯菌感染', 'carbapenem-resistant Klebsiella infection'], ['铜绿假单胞菌感染', 'Pseudomonas aeruginosa infection'], ['慢性伤口感染', 'chronic wound infection']],
} as const satisfies Record<string, readonly Pair[]>;
export type IndicationArea = keyof typeof INDICATIONS;

/** A product a project can be about: its name, modality and the diseases it is for. */
export interface Product {
  zh: string;
  en: string;
  modality: Pair;
  indications: readonly Pair[];
}

export interface SegmentScience {
  track: 'drug' | 'device' | 'ivd';
  products: readonly Product[];
}

const I = INDICATIONS;
const pick = (...zh: string[]): Pair[] => zh.map((z) => Object.values(I).flat().find((p) => p[0] === z) ?? ([z, z] as Pair));
const p = (zh: string, en: string, modality: Pair, indications: readonly Pair[]): Product => ({ zh, en, modality, indications });

const SMALL: Pair = ['小分子', 'small molecule'];
const MAB: Pair = ['单抗', 'monoclonal antibody'];
const BSAB: Pair = ['双抗', 'bispecific antibody'];
const ADC: Pair = ['ADC', 'ADC'];
const CART: Pair = ['CAR-T', 'CAR-T'];
const AAV: Pair = ['AAV', 'AAV'];
const MRNA: Pair = ['mRNA', 'mRNA'];
const MSC: Pair = ['间充质干细胞', 'mesenchymal stem cells'];
const MOLECULAR: Pair = ['分子诊断', 'molecular diagnostics'];
const CLIA: Pair = ['化学发光', 'chemiluminescence'];
const INTERVENTIONAL: Pair = ['介入器械', 'interventional device'];
const AI: Pair = ['人工智能软件', 'AI software'];
const DEGRADABLE: Pair = ['可降解材料', 'biodegradable material'];

export const SCIENCE: Record<string, SegmentScience> = {
  innovative_drug: {
    track: 'drug',
    products: [
      p('注射用HER2 ADC', 'HER2 ADC for injection', ADC, pick('乳腺癌', '胃癌')),
      p('注射用TROP2 ADC', 'TROP2 ADC for injection', ADC, pick('乳腺癌', '非小细胞肺癌')),
      p('注射用B7-H3 ADC', 'B7-H3 ADC for injection', ADC, pick('非小细胞肺癌', '前列腺癌')),
      p('注射用Nectin-4 ADC', 'Nectin-4 ADC for injection', ADC, [['尿路上皮癌', 'urothelial carcinoma']]),
      p('Claudin18.2单抗注射液', 'Claudin18.2 antibody injection', MAB, pick('胃癌', '胰腺癌')),
      p('PD-1/VEGF双抗注射液', 'PD-1/VEGF bispecific antibody injection', BSAB, pick('非小细胞肺癌', '肝细胞癌')),
      p('CD3/CD20双抗注射液', 'CD3/CD20 bispecific antibody injection', BSAB, pick('B细胞淋巴瘤')),
      p('KRAS G12C抑制剂片', 'KRAS G12C inhibitor tablets', SMALL, pick('非小细胞肺癌', '结直肠癌')),
      p('c-Met抑制剂胶囊', 'c-Met inhibitor capsules', SMALL, pick('非小细胞肺癌')),
      p('口服GLP-1受体激动剂片', 'oral GLP-1 receptor agonist tablets', SMALL, pick('2型糖尿病', '肥胖症')),
      p('GLP-1/GIP双受体激动剂注射液', 'GLP-1/GIP dual agonist injection', ['多肽', 'peptide'], pick('肥胖症', '2型糖尿病')),
      p('JAK1抑制剂片', 'JAK1 inhibitor tablets', SMALL, pick('类风湿关节炎', '特应性皮炎')),
      p('TSLP单抗注射液', 'TSLP antibody injection', MAB, [['重度哮喘', 'severe asthma']]),
      p('IL-17A单抗注射液', 'IL-17A antibody injection', MAB, pick('银屑病')),
      p('FXIa抑制剂片', 'FXIa inhibitor tablets', SMALL, pick('心房颤动')),
      p('PCSK9 siRNA注射液', 'PCSK9 siRNA injection', ['siRNA', 'siRNA'], pick('高脂血症')),
      p('抗Aβ单抗注射液', 'anti-amyloid-β antibody injection', MAB, pick('阿尔茨海默病')),
      p('URAT1抑制剂片', 'URAT1 inhibitor tablets', SMALL, pick('痛风')),
      p('THR-β激动剂片', 'THR-β agonist tablets', SMALL, pick('非酒精性脂肪性肝炎')),
    ],
  },
  cell_therapy: {
    track: 'drug',
    products: [
      p('BCMA CAR-T细胞注射液', 'BCMA CAR-T cell injection', CART, pick('多发性骨髓瘤')),
      p('CD19 CAR-T细胞注射液', 'CD19 CAR-T cell injection', CART, pick('B细胞淋巴瘤', '系统性红斑狼疮')),
      p('GPRC5D CAR-T细胞注射液', 'GPRC5D CAR-T cell injection', CART, pick('多发性骨髓瘤')),
      p('CD7 CAR-T细胞注射液', 'CD7 CAR-T cell injection', CART, [['T细胞急性淋巴细胞白血病', 'T-cell acute lymphoblastic leukaemia']]),
      p('GPC3 CAR-T细胞注射液', 'GPC3 CAR-T cell injection', CART, pick('肝细胞癌')),
      p('Claudin18.2 CAR-T细胞注射液', 'Claudin18.2 CAR-T cell injection', CART, pick('胃癌', '胰腺癌')),
      p('通用型CD19 CAR-NK细胞注射液', 'allogeneic CD19 CAR-NK cell injection', ['CAR-NK', 'CAR-NK'], pick('B细胞淋巴瘤')),
      p('自体肿瘤浸润淋巴细胞注射液', 'autologous TIL injection', ['TIL', 'TIL'], [['宫颈癌', 'cervical cancer'], ...pick('非小细胞肺癌')]),
      p('HPV E7 TCR-T细胞注射液', 'HPV E7 TCR-T cell injection', ['TCR-T', 'TCR-T'], [['宫颈癌', 'cervical cancer']]),
    ],
  },
  gene_therapy: {
    track: 'drug',
    products: [
      p('FIX基因治疗注射液', 'factor IX AAV gene therapy', AAV, pick('血友病B')),
      p('SMN1基因治疗注射液', 'SMN1 AAV gene therapy', AAV, pick('脊髓性肌萎缩症')),
      p('RPE65基因视网膜下注射液', 'subretinal RPE65 gene therapy', AAV, pick('遗传性视网膜病变')),
      p('抗VEGF基因治疗玻璃体内注射液', 'intravitreal anti-VEGF gene therapy', AAV, pick('湿性年龄相关性黄斑变性')),
      p('PCSK9碱基编辑注射液', 'PCSK9 base-editing therapy', ['基因编辑', 'gene editing'], pick('高脂血症')),
      p('溶瘤单纯疱疹病毒注射液', 'oncolytic HSV injection', ['溶瘤病毒', 'oncolytic virus'], pick('肝细胞癌', '胶质母细胞瘤')),
      p('自体基因修饰造血干细胞注射液', 'autologous gene-modified HSC injection', ['慢病毒', 'lentivirus'], [['β地中海贫血', 'β-thalassaemia']]),
      p('微型肌营养不良蛋白基因治疗注射液', 'micro-dystrophin gene therapy', AAV, pick('杜氏肌营养不良')),
    ],
  },
  mrna: {
    track: 'drug',
    products: [
      p('个体化肿瘤新抗原mRNA疫苗', 'personalised neoantigen mRNA vaccine', MRNA, pick('非小细胞肺癌', '胰腺癌')),
      p('呼吸道合胞病毒mRNA疫苗', 'RSV mRNA vaccine', MRNA, pick('呼吸道合胞病毒感染')),
      p('带状疱疹mRNA疫苗', 'zoster mRNA vaccine', MRNA, pick('带状疱疹')),
      p('环状RNA肿瘤疫苗', 'circular RNA cancer vaccine', ['环状RNA', 'circular RNA'], pick('结直肠癌', '肝细胞癌')),
      p('蛋白替代mRNA注射液', 'protein-replacement mRNA therapy', MRNA, pick('法布雷病')),
    ],
  },
  vaccines: {
    track: 'drug',
    products: [
      p('重组带状疱疹疫苗(CHO细胞)', 'recombinant zoster vaccine (CHO cell)', ['重组蛋白疫苗', 'recombinant protein vaccine'], pick('带状疱疹')),
      p('九价人乳头瘤病毒疫苗(大肠杆菌)', '9-valent HPV vaccine (E. coli)', ['重组蛋白疫苗', 'recombinant protein vaccine'], pick('HPV感染')),
      p('四价流感病毒裂解疫苗', 'quadrivalent split influenza vaccine', ['灭活疫苗', 'inactivated vaccine'], pick('流感')),
      p('13价肺炎球菌多糖结合疫苗', '13-valent pneumococcal conjugate vaccine', ['多糖结合疫苗', 'conjugate vaccine'], [['肺炎球菌感染', 'pneumococcal disease']]),
      p('呼吸道合胞病毒预融合F蛋白疫苗', 'RSV prefusion F vaccine', ['重组蛋白疫苗', 'recombinant protein vaccine'], pick('呼吸道合胞病毒感染')),
      p('鼻喷腺病毒载体流感疫苗', 'intranasal adenovirus-vector influenza vaccine', ['病毒载体疫苗', 'viral vector vaccine'], pick('流感')),
    ],
  },
  phage_therapy: {
    track: 'drug',
    products: [
      p('耐碳青霉烯肺炎克雷伯菌噬菌体鸡尾酒', 'phage cocktail against carbapenem-resistant Klebsiella', ['噬菌体鸡尾酒', 'phage cocktail'], pick('耐碳青霉烯肺炎克雷伯菌感染')),
      p('铜绿假单胞菌噬菌体吸入制剂', 'inhaled anti-Pseudomonas phage', ['噬菌体鸡尾酒', 'phage cocktail'], pick('铜绿假单胞菌感染')),
      p('噬菌体裂解酶凝胶', 'phage lysin gel', ['噬菌体裂解酶', 'phage lysin'], pick('慢性伤口感染')),
    ],
  },
  regenerative_medicine: {
    track: 'drug',
    products: [
      p('人脐带间充质干细胞注射液', 'human umbilical-cord MSC injection', MSC, pick('膝骨关节炎', '失代偿期肝硬化', '卵巢早衰')),
      p('人胎盘间充质干细胞注射液', 'human placental MSC injection', MSC, pick('脊髓损伤', '膝骨关节炎')),
      p('间充质干细胞外泌体凝胶', 'MSC exosome gel', ['外泌体', 'exosomes'], pick('糖尿病足溃疡', '深度烧伤创面')),
      p('iPSC来源多巴胺能神经前体细胞', 'iPSC-derived dopaminergic progenitors', ['iPSC衍生细胞', 'iPSC-derived cells'], pick('帕金森病')),
      p('自体角膜缘干细胞片', 'autologous limbal stem-cell sheet', ['组织工程', 'tissue engineering'], pick('角膜损伤')),
      p('肝类器官移植疗法', 'liver organoid transplant', ['类器官', 'organoids'], pick('失代偿期肝硬化')),
    ],
  },
  biomaterials: {
    track: 'device',
    products: [
      p('可吸收骨修复支架', 'absorbable bone-repair scaffold', DEGRADABLE, pick('骨缺损')),
      p('可吸收止血纱', 'absorbable haemostatic gauze', DEGRADABLE, [['外科手术出血', 'surgical bleeding']]),
      p('胶原蛋白软骨修复膜', 'collagen cartilage-repair membrane', ['胶原蛋白', 'collagen'], pick('膝骨关节炎')),
      p('可吸收人工硬脑膜', 'absorbable artificial dura mater', DEGRADABLE, [['硬脑膜缺损', 'dural defects']]),
      p('3D打印多孔钛椎间融合器', '3D-printed porous titanium interbody cage', ['3D打印', '3D printing'], [['腰椎退行性疾病', 'degenerative lumbar disease']]),
      p('透明质酸水凝胶敷料', 'hyaluronic-acid hydrogel dressing', ['水凝胶', 'hydrogel'], pick('糖尿病足溃疡')),
    ],
  },
  medical_device: {
    track: 'device',
    products: [
      p('经导管主动脉瓣膜系统', 'transcatheter aortic valve system', INTERVENTIONAL, [['主动脉瓣狭窄', 'aortic stenosis']]),
      p('颅内取栓支架', 'intracranial thrombectomy stent', INTERVENTIONAL, [['急性缺血性卒中', 'acute ischaemic stroke']]),
      p('脉冲电场消融导管', 'pulsed-field ablation catheter', INTERVENTIONAL, pick('心房颤动')),
      p('药物涂层球囊导管', 'drug-coated balloon catheter', INTERVENTIONAL, pick('冠心病')),
      p('骨科手术导航机器人', 'orthopaedic navigation robot', ['手术机器人', 'surgical robot'], pick('膝骨关节炎')),
      p('腔镜手术机器人', 'laparoscopic surgical robot', ['手术机器人', 'surgical robot'], pick('前列腺癌', '结直肠癌')),
      p('掌上超声诊断仪', 'handheld ultrasound scanner', ['影像设备', 'imaging system'], pick('心力衰竭')),
      p('血管内光学相干断层成像系统', 'intravascular OCT imaging system', ['影像设备', 'imaging system'], pick('冠心病')),
      p('连续血糖监测系统', 'continuous glucose monitoring system', ['可穿戴设备', 'wearable device'], pick('2型糖尿病')),
      p('可穿戴心电贴', 'wearable ECG patch', ['可穿戴设备', 'wearable device'], pick('心房颤动')),
      p('植入式脑深部电刺激器', 'implantable deep-brain stimulator', ['有源植入器械', 'active implant'], pick('帕金森病')),
    ],
  },
  digital_health: {
    track: 'device',
    products: [
      p('肺结节CT影像辅助诊断软件', 'AI lung-nodule CT software', AI, pick('非小细胞肺癌')),
      p('糖尿病视网膜病变眼底筛查软件', 'AI diabetic-retinopathy screening software', AI, pick('糖尿病视网膜病变')),
      p('心电图人工智能分析软件', 'AI ECG analysis software', AI, pick('心房颤动')),
      p('胃癌病理切片辅助诊断软件', 'AI gastric-cancer pathology software', AI, pick('胃癌')),
      p('慢病远程监测管理平台', 'remote chronic-disease monitoring platform', ['远程监测平台', 'remote monitoring platform'], pick('高血压', '2型糖尿病')),
    ],
  },
  ivd: {
    track: 'ivd',
    products: [
      p('肺癌EGFR/ALK/ROS1基因突变检测试剂盒(荧光PCR法)', 'EGFR/ALK/ROS1 lung-cancer mutation kit (real-time PCR)', MOLECULAR, pick('非小细胞肺癌')),
      p('结直肠癌粪便DNA甲基化检测试剂盒', 'colorectal-cancer stool DNA methylation kit', MOLECULAR, pick('结直肠癌')),
      p('肝癌早筛多组学血液检测', 'multi-omics liver-cancer early-detection blood test', ['高通量测序', 'NGS'], pick('肝细胞癌')),
      p('心肌肌钙蛋白I检测试剂盒(化学发光法)', 'cardiac troponin I kit (chemiluminescence)', CLIA, pick('冠心病', '心力衰竭')),
      p('呼吸道病原体多重核酸检测试剂盒', 'multiplex respiratory pathogen nucleic-acid kit', MOLECULAR, pick('流感', '呼吸道合胞病毒感染')),
      p('血液p-tau217检测试剂盒(化学发光法)', 'blood p-tau217 kit (chemiluminescence)', CLIA, pick('阿尔茨海默病')),
      p('降钙素原快速检测卡', 'procalcitonin rapid test card', ['POCT', 'POCT'], [['脓毒症', 'sepsis']]),
      p('新生儿遗传代谢病串联质谱检测试剂盒', 'newborn metabolic screening kit (tandem MS)', ['质谱', 'mass spectrometry'], [['遗传代谢病', 'inherited metabolic disorders']]),
      p('循环肿瘤DNA数字PCR检测试剂盒', 'ctDNA digital PCR kit', ['数字PCR', 'digital PCR'], pick('结直肠癌', '非小细胞肺癌')),
    ],
  },
};

export const SEGMENT_NAMES: Record<string, Pair> = {
  innovative_drug: ['创新药', 'innovative drugs'],
  medical_device: ['医疗器械', 'medical devices'],
  ivd: ['体外诊断', 'in vitro diagnostics'],
  cell_therapy: ['细胞治疗', 'cell therapy'],
  gene_therapy: ['基因治疗', 'gene therapy'],
  mrna: ['mRNA', 'mRNA'],
  phage_therapy: ['噬菌体治疗', 'phage therapy'],
  regenerative_medicine: ['再生医学', 'regenerative medicine'],
  biomaterials: ['生物材料', 'biomaterials'],
  vaccines: ['疫苗', 'vaccines'],
  digital_health: ['数字健康', 'digital health'],
};

/** Stages of each track in order, with how often projects sit in each. */
export const STAGES: Record<'drug' | 'device' | 'ivd', readonly (readonly [code: string, weight: number])[]> = {
  drug: [['research', 14], ['preclinical', 24], ['phase_1', 20], ['phase_2', 14], ['phase_3', 8], ['review', 5], ['production', 6], ['commercial', 6], ['listed', 3]],
  device: [['device_design', 20], ['device_testing', 16], ['device_clinical', 18], ['device_registration', 14], ['device_production', 12], ['device_commercial', 15], ['device_listed', 5]],
  ivd: [['ivd_development', 20], ['ivd_validation', 18], ['ivd_clinical', 16], ['ivd_registration', 14], ['ivd_production', 12], ['ivd_commercial', 15], ['ivd_listed', 5]],
};

/** Regulatory status text (zh, en) by stage. */
export const REGULATORY_STATUS: Record<string, Pair | null> = {
  research: null,
  preclinical: ['IND申报准备中', 'preparing IND'],
  phase_1: ['已获NMPA临床试验默示许可', 'NMPA IND cleared'],
  phase_2: ['II期临床入组中', 'phase II enrolling'],
  phase_3: ['III期关键性临床进行中', 'pivotal phase III ongoing'],
  review: ['上市申请已获受理', 'marketing application accepted'],
  production: ['已获批上市,扩产中', 'approved, scaling up'],
  commercial: ['已获批上市', 'approved and marketed'],
  listed: ['已获批上市', 'approved and marketed'],
  device_design: null,
  device_testing: ['注册检验进行中', 'type testing under way'],
  device_clinical: ['临床试验入组中', 'clinical investigation enrolling'],
  device_registration: ['注册申报已受理', 'registration filed'],
  device_production: ['已取得医疗器械注册证', 'registration certificate granted'],
  device_commercial: ['已取得医疗器械注册证', 'registration certificate granted'],
  device_listed: ['已取得医疗器械注册证', 'registration certificate granted'],
  ivd_development: null,
  ivd_validation: ['分析性能验证中', 'analytical validation'],
  ivd_clinical: ['临床试验进行中', 'clinical trial ongoing'],
  ivd_registration: ['注册申报已受理', 'registration filed'],
  ivd_production: ['已取得注册证', 'registration certificate granted'],
  ivd_commercial: ['已取得注册证', 'registration certificate granted'],
  ivd_listed: ['已取得注册证', 'registration certificate granted'],
};

/** Funding round and amount range (万元) that fit each stage position (0 = earliest). */
export function roundFor(stagePosition: number, stageCount: number): readonly (readonly [round: string, minWan: number, maxWan: number])[] {
  const p = stagePosition / Math.max(1, stageCount - 1);
  if (p < 0.15) return [['seed', 300, 1000], ['angel', 500, 3000], ['grant', 100, 500]];
  if (p < 0.3) return [['angel', 1000, 3000], ['pre_a', 2000, 6000], ['grant', 200, 1000]];
  if (p < 0.5) return [['a', 5000, 15000], ['b', 10000, 30000]];
  if (p < 0.7) return [['b', 10000, 30000], ['c', 20000, 50000]];
  if (p < 0.9) return [['c', 20000, 50000], ['d_plus', 30000, 80000], ['pre_ipo', 50000, 100000]];
  return [['strategic', 10000, 50000]];
}

export const FUNDING_ROUND_NAMES: Record<string, string> = {
  seed: '种子轮', angel: '天使轮', pre_a: 'Pre-A轮', a: 'A轮', b: 'B轮', c: 'C轮', d_plus: 'D轮及以后', pre_ipo: 'Pre-IPO轮', strategic: '战略融资', grant: '拨投结合资助',
};
