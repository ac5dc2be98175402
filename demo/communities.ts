/**
 * Demo communities modelled on real ones. Names are the real public names; every
 * description states only public facts (from the public reports summarised in
 * shared/DOMAIN.md), in our own words.
 */
export const DEMO_COMMUNITIES = [
  {
    slug: 'china-medical-city',
    kind: 'park',
    nameZhHans: '中国医药城(泰州医药高新区)',
    nameZhHant: '中國醫藥城(泰州醫藥高新區)',
    nameEn: 'China Medical City (Taizhou Medical Hi-tech Zone)',
    province: '江苏省',
    city: '泰州市',
    website: null,
    descriptionZhHans:
      '全国首个国家级医药类高新区,聚集医药企业 1300 余家。生物制品公共服务平台覆盖基础研发、临床试验、审评审批、中试及生产、销售流通直至企业上市的全生命周期,已孵化企业 50 余家,其中 4 家上市;在上海设有泰州(上海)离岸创新中心,推进"离岸创新+本地转化"。',
    descriptionZhHant:
      '全國首個國家級醫藥類高新區,聚集醫藥企業 1300 餘家。生物製品公共服務平台覆蓋基礎研發、臨床試驗、審評審批、中試及生產、銷售流通直至企業上市的全生命週期,已孵化企業 50 餘家,其中 4 家上市;在上海設有泰州(上海)離岸創新中心,推進「離岸創新+本地轉化」。',
    descriptionEn:
      "China's first national-level high-tech zone dedicated to medicine, home to more than 1,300 pharmaceutical companies. Its biologics public service platform covers the whole lifecycle from basic research, clinical trials and regulatory review to pilot production, sales and listing; it has incubated 50+ companies, 4 of them listed, and runs an offshore innovation centre in Shanghai.",
  },
  {
    slug: 'taizhou-shanghai-centre',
    kind: 'innovation_centre',
    nameZhHans: '泰州(上海)离岸创新中心',
    nameZhHant: '泰州(上海)離岸創新中心',
    nameEn: 'Taizhou (Shanghai) Offshore Innovation Centre',
    province: '上海市',
    city: '浦东新区',
    website: null,
    descriptionZhHans:
      '中国医药城在上海设立的离岸创新中心:在上海发现和培育科创项目,推动项目回到泰州转化落地。曾在上海张江与园区科技创新中心、投资促进中心共同举办科创主题沙龙。',
    descriptionZhHant:
      '中國醫藥城在上海設立的離岸創新中心:在上海發現和培育科創項目,推動項目回到泰州轉化落地。曾在上海張江與園區科技創新中心、投資促進中心共同舉辦科創主題沙龍。',
    descriptionEn:
      "China Medical City's offshore innovation centre in Shanghai: it finds and nurtures projects in Shanghai and brings them to Taizhou to be industrialised. It has co-hosted themed salons in Zhangjiang with the park's technology-innovation and investment-promotion centres.",
  },
  {
    slug: 'jiading-biomed-alliance',
    kind: 'alliance',
    nameZhHans: '上海嘉定区生物医药产业创新联盟',
    nameZhHant: '上海嘉定區生物醫藥產業創新聯盟',
    nameEn: 'Shanghai Jiading Biomedical Industry Innovation Alliance',
    province: '上海市',
    city: '嘉定区',
    website: null,
    descriptionZhHans:
      '2024 年 10 月在第三届中国高端医疗产业集群创新合作论坛暨嘉定区生物医药产业发展大会上启动建立,整合生物医药全产业链资源。大会同期发布嘉定区生物医药共享实验室平台,24 个产业项目签订合作协议,总投资额超 20 亿元。',
    descriptionZhHant:
      '2024 年 10 月在第三屆中國高端醫療產業集群創新合作論壇暨嘉定區生物醫藥產業發展大會上啟動建立,整合生物醫藥全產業鏈資源。大會同期發布嘉定區生物醫藥共享實驗室平台,24 個產業項目簽訂合作協議,總投資額超 20 億元。',
    descriptionEn:
      'Launched in October 2024 at the 3rd China High-end Medical Industry Cluster Innovation Forum in Jiading to integrate resources along the whole biomedical value chain. At the same conference the district opened its shared-laboratory platform and 24 industry projects signed cooperation agreements with total investment above 2 billion CNY.',
  },
  {
    slug: 'daxing-regen-park',
    kind: 'park',
    nameZhHans: '国际再生医学产业园',
    nameZhHant: '國際再生醫學產業園',
    nameEn: 'International Regenerative Medicine Industrial Park',
    province: '北京市',
    city: '大兴区',
    website: null,
    descriptionZhHans:
      '位于北京大兴国际机场临空经济区,聚焦免疫细胞、干细胞、组织工程、基因工程、生物材料等再生医学前沿领域,为再生医学创新产品生产企业、产业链服务企业和原研原创企业提供集中承载区域。曾作为中关村国际前沿科技创新大赛配套活动举办签约仪式暨投融资闭门会。',
    descriptionZhHant:
      '位於北京大興國際機場臨空經濟區,聚焦免疫細胞、幹細胞、組織工程、基因工程、生物材料等再生醫學前沿領域,為再生醫學創新產品生產企業、產業鏈服務企業和原研原創企業提供集中承載區域。曾作為中關村國際前沿科技創新大賽配套活動舉辦簽約儀式暨投融資閉門會。',
    descriptionEn:
      "Located in the Beijing Daxing International Airport economic zone, focused on immune cells, stem cells, tissue engineering, gene engineering and biomaterials. It gives regenerative-medicine manufacturers, supply-chain service firms and original innovators a dedicated site, and hosted a signing ceremony and closed-door investment meeting alongside the Zhongguancun International Frontier Technology Innovation Competition.",
  },
] as const;
