/**
 * The stage histories and milestones of the demo's flagship projects (demo/directory/
 * flagship-projects.ts), matched by their Chinese name. Every history ends at the stage the
 * directory gives the project; dates are absolute (they are the projects' past). Evidence links
 * point at the public registries' home pages only: no document number here is real.
 */

export type Change = [stage: string, on: string, reason?: string];
export type Milestone = [kind: string, on: string, url: string, note?: string];

export interface FlagshipHistory {
  /** The project's nameZh in flagship-projects.ts. */
  project: string;
  /** NMPA device class, for device projects. */
  deviceClass?: 'I' | 'II' | 'III';
  /** The first entry is the stage the project entered the platform with. */
  changes: Change[];
  milestones?: Milestone[];
}

const CDE = 'https://www.cde.org.cn/';
const TRIALS = 'https://www.chinadrugtrials.org.cn/';
const NMPA = 'https://www.nmpa.gov.cn/';
const FDA = 'https://www.fda.gov/';
/** Every milestone note says the record is demo data. */
export const SAMPLE_NOTE = '示例数据:链接为公开平台首页,非真实公示记录。';

export const FLAGSHIP_HISTORIES: FlagshipHistory[] = [
  // ---------------------------------------------------------------- China Medical City
  {
    project: 'YM-101 注射用Claudin18.2 ADC',
    changes: [['research', '2021-03-01'], ['preclinical', '2022-05-10'], ['phase_1', '2024-08-20']],
    milestones: [['ind_accepted', '2024-05-06', CDE], ['ind_cleared', '2024-07-26', CDE], ['phase1_first_patient', '2024-11-12', TRIALS]],
  },
  { project: 'YM-203 TROP2/EGFR双抗ADC', changes: [['research', '2023-02-01'], ['preclinical', '2024-10-15']] },
  {
    project: 'HY-CAR01 BCMA CAR-T细胞注射液',
    changes: [
      ['preclinical', '2020-09-01'],
      ['phase_1', '2022-03-18'],
      ['phase_2', '2024-06-05'],
      ['phase_1', '2024-12-10', '临床暂停:II期入组中出现3级细胞因子释放综合征,按方案暂停II期入组,回到I期补充剂量递增安全性数据。'],
      ['phase_2', '2025-05-20'],
    ],
    milestones: [['ind_cleared', '2022-01-20', CDE], ['phase1_first_patient', '2022-05-09', TRIALS], ['phase2_first_patient', '2024-07-02', TRIALS]],
  },
  {
    project: '重组带状疱疹疫苗(CHO细胞)',
    changes: [['preclinical', '2019-10-01'], ['phase_1', '2021-08-16'], ['phase_2', '2022-11-03'], ['phase_3', '2024-09-10']],
    milestones: [['ind_cleared', '2021-06-22', CDE], ['phase1_first_patient', '2021-09-02', TRIALS], ['phase3_first_patient', '2024-10-15', TRIALS]],
  },
  {
    project: '13价肺炎球菌多糖结合疫苗',
    changes: [['phase_3', '2022-03-01'], ['review', '2025-08-28']],
    milestones: [['nda_accepted', '2025-08-28', CDE]],
  },
  {
    project: 'JH-S3 颅内取栓支架系统',
    deviceClass: 'III',
    changes: [['device_design', '2020-04-01'], ['device_testing', '2021-09-15'], ['device_clinical', '2022-10-20'], ['device_registration', '2025-06-30']],
    milestones: [['type_test_passed', '2022-07-28', NMPA], ['clinical_evaluation_done', '2025-03-31', NMPA]],
  },
  {
    project: '心肌肌钙蛋白I高敏检测试剂盒(化学发光法)',
    changes: [
      ['ivd_development', '2020-02-01'],
      ['ivd_validation', '2021-05-10'],
      ['ivd_registration', '2022-01-12', '与已上市同品种比对完成临床评价,未单独开展临床试验。'],
      ['ivd_production', '2023-02-20'],
      ['ivd_commercial', '2023-06-15'],
    ],
    milestones: [
      ['type_test_passed', '2021-11-02', NMPA],
      ['nmpa_device_certificate', '2023-01-16', NMPA],
      ['production_licence', '2023-02-20', NMPA],
      ['first_sale', '2023-06-15', NMPA],
    ],
  },
  {
    project: 'RQ-G1 口服GLP-1受体激动剂片',
    changes: [['research', '2020-01-06'], ['preclinical', '2021-07-01'], ['phase_1', '2025-01-22']],
    milestones: [['ind_cleared', '2024-12-30', CDE], ['phase1_first_patient', '2025-04-08', TRIALS]],
  },
  // ---------------------------------------------------------------- Taizhou (Shanghai) centre
  { project: 'LQ-NEO 个体化肿瘤新抗原mRNA疫苗', changes: [['research', '2021-12-15'], ['preclinical', '2023-09-01']] },
  { project: 'LQ-R2 呼吸道合胞病毒mRNA疫苗', changes: [['research', '2024-05-20']] },
  {
    project: 'XY-F9 血友病B AAV基因治疗',
    changes: [['preclinical', '2022-03-01'], ['phase_1', '2025-09-15']],
    milestones: [['ind_cleared', '2025-08-20', CDE]],
  },
  {
    project: 'ZX-Path 胃癌病理切片AI辅助诊断软件',
    deviceClass: 'III',
    changes: [['device_design', '2022-06-01'], ['device_testing', '2023-11-20'], ['device_clinical', '2025-04-10']],
    milestones: [['type_test_passed', '2025-01-15', NMPA]],
  },
  {
    project: 'HM-2201 PD-1/VEGF双抗注射液',
    changes: [['preclinical', '2021-01-10'], ['phase_1', '2022-08-01'], ['phase_2', '2024-11-18']],
    milestones: [['ind_cleared', '2022-06-15', CDE], ['fda_ind_cleared', '2023-03-20', FDA], ['phase2_first_patient', '2025-01-06', TRIALS]],
  },
  { project: 'LMZ-01 长效PCSK9 siRNA', changes: [['research', '2023-04-01'], ['preclinical', '2025-02-10']] },
  // ---------------------------------------------------------------- Jiading alliance
  {
    project: 'JM-Ortho 全膝关节置换手术机器人',
    deviceClass: 'III',
    changes: [['device_design', '2019-05-01'], ['device_testing', '2020-08-01'], ['device_clinical', '2021-06-15'], ['device_registration', '2023-03-01'], ['device_production', '2024-07-18']],
    milestones: [['nmpa_device_certificate', '2024-06-25', NMPA], ['production_licence', '2024-07-18', NMPA]],
  },
  { project: 'YY-PA 光声-超声双模态成像系统', deviceClass: 'II', changes: [['device_design', '2022-09-01'], ['device_testing', '2025-05-12']] },
  {
    project: '结直肠癌粪便DNA甲基化检测试剂盒(荧光PCR法)',
    changes: [['ivd_development', '2020-10-01'], ['ivd_validation', '2022-02-01'], ['ivd_clinical', '2023-04-10'], ['ivd_registration', '2025-07-22']],
    milestones: [['clinical_evaluation_done', '2025-05-30', NMPA]],
  },
  {
    project: 'HYB-H1 可吸收止血纱',
    deviceClass: 'III',
    changes: [
      ['device_design', '2018-03-01'],
      ['device_testing', '2019-04-01'],
      ['device_clinical', '2020-05-01'],
      ['device_registration', '2021-09-01'],
      ['device_production', '2023-01-10'],
      ['device_commercial', '2023-05-20'],
    ],
    milestones: [['nmpa_device_certificate', '2022-12-15', NMPA], ['first_sale', '2023-05-20', NMPA]],
  },
  { project: 'CX-PFA 脉冲电场消融系统', deviceClass: 'III', changes: [['device_design', '2021-04-01'], ['device_testing', '2022-08-15'], ['device_clinical', '2024-05-06']] },
  // ---------------------------------------------------------------- Regenerative medicine park
  {
    project: 'HY-MSC02 脐带间充质干细胞注射液',
    changes: [['preclinical', '2021-06-01'], ['phase_1', '2025-03-12']],
    milestones: [['ind_cleared', '2025-02-18', CDE]],
  },
  {
    project: 'CY-M01 人脐带间充质干细胞注射液',
    changes: [['preclinical', '2019-08-01'], ['phase_1', '2021-04-20'], ['phase_2', '2023-10-09']],
    milestones: [['ind_cleared', '2021-02-25', CDE], ['phase2_first_patient', '2023-12-14', TRIALS]],
  },
  { project: 'HH-Skin 组织工程双层皮肤', changes: [['research', '2021-03-01'], ['preclinical', '2023-06-01']] },
  { project: 'ZY-DA01 iPSC来源多巴胺能神经前体细胞', changes: [['research', '2022-01-01'], ['preclinical', '2024-09-01']] },
  { project: 'JHM-C 胶原蛋白软骨修复膜', deviceClass: 'III', changes: [['device_design', '2020-07-01'], ['device_testing', '2022-01-10'], ['device_clinical', '2024-03-18']] },
  { project: 'QK-Liver 类器官肝再生疗法', changes: [['research', '2025-01-15']] },
];
