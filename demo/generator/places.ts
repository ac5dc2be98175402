/**
 * Where generated organisations are registered: real provinces, cities and districts with
 * their administrative division codes (GB/T 2260), which are digits 3–8 of a unified social
 * credit code. Weights lean towards the biomedical clusters of the Yangtze delta, Beijing and
 * the Greater Bay Area.
 */
export interface Place {
  province: string;
  /** Short name used at the start of company names (泰州, 苏州, 上海). */
  prefix: string;
  prefixEn: string;
  city: string;
  districts: readonly (readonly [name: string, code: string])[];
  weight: number;
}

export const PLACES: readonly Place[] = [
  { province: '江苏省', prefix: '泰州', prefixEn: 'Taizhou', city: '泰州市', districts: [['海陵区', '321202'], ['高港区', '321203'], ['姜堰区', '321204']], weight: 10 },
  { province: '江苏省', prefix: '苏州', prefixEn: 'Suzhou', city: '苏州市', districts: [['苏州工业园区', '320571'], ['吴中区', '320506'], ['相城区', '320507'], ['姑苏区', '320508']], weight: 12 },
  { province: '江苏省', prefix: '南京', prefixEn: 'Nanjing', city: '南京市', districts: [['江宁区', '320115'], ['浦口区', '320111'], ['鼓楼区', '320106'], ['玄武区', '320102']], weight: 7 },
  { province: '江苏省', prefix: '无锡', prefixEn: 'Wuxi', city: '无锡市', districts: [['新吴区', '320214'], ['滨湖区', '320211']], weight: 4 },
  { province: '江苏省', prefix: '南通', prefixEn: 'Nantong', city: '南通市', districts: [['崇川区', '320613'], ['通州区', '320612']], weight: 2 },
  { province: '江苏省', prefix: '连云港', prefixEn: 'Lianyungang', city: '连云港市', districts: [['海州区', '320706'], ['连云区', '320703']], weight: 2 },
  { province: '上海市', prefix: '上海', prefixEn: 'Shanghai', city: '上海市', districts: [['浦东新区', '310115'], ['嘉定区', '310114'], ['闵行区', '310112'], ['徐汇区', '310104'], ['奉贤区', '310120'], ['松江区', '310117'], ['宝山区', '310113'], ['金山区', '310116']], weight: 16 },
  { province: '北京市', prefix: '北京', prefixEn: 'Beijing', city: '北京市', districts: [['大兴区', '110115'], ['海淀区', '110108'], ['昌平区', '110114'], ['朝阳区', '110105']], weight: 11 },
  { province: '浙江省', prefix: '杭州', prefixEn: 'Hangzhou', city: '杭州市', districts: [['滨江区', '330108'], ['余杭区', '330110'], ['西湖区', '330106'], ['钱塘区', '330114']], weight: 7 },
  { province: '广东省', prefix: '深圳', prefixEn: 'Shenzhen', city: '深圳市', districts: [['南山区', '440305'], ['坪山区', '440310'], ['龙岗区', '440307'], ['宝安区', '440306']], weight: 7 },
  { province: '广东省', prefix: '广州', prefixEn: 'Guangzhou', city: '广州市', districts: [['黄埔区', '440112'], ['天河区', '440106'], ['番禺区', '440113']], weight: 4 },
  { province: '湖北省', prefix: '武汉', prefixEn: 'Wuhan', city: '武汉市', districts: [['洪山区', '420111'], ['江夏区', '420115']], weight: 3 },
  { province: '四川省', prefix: '成都', prefixEn: 'Chengdu', city: '成都市', districts: [['武侯区', '510107'], ['双流区', '510116'], ['温江区', '510115']], weight: 3 },
  { province: '天津市', prefix: '天津', prefixEn: 'Tianjin', city: '天津市', districts: [['滨海新区', '120116'], ['西青区', '120111']], weight: 2 },
  { province: '安徽省', prefix: '合肥', prefixEn: 'Hefei', city: '合肥市', districts: [['蜀山区', '340104'], ['包河区', '340111']], weight: 2 },
  { province: '湖南省', prefix: '长沙', prefixEn: 'Changsha', city: '长沙市', districts: [['岳麓区', '430104'], ['长沙县', '430121']], weight: 2 },
  { province: '福建省', prefix: '厦门', prefixEn: 'Xiamen', city: '厦门市', districts: [['海沧区', '350205'], ['集美区', '350211'], ['思明区', '350203']], weight: 2 },
  { province: '陕西省', prefix: '西安', prefixEn: "Xi'an", city: '西安市', districts: [['雁塔区', '610113'], ['长安区', '610116']], weight: 2 },
  { province: '山东省', prefix: '济南', prefixEn: 'Jinan', city: '济南市', districts: [['历下区', '370102'], ['槐荫区', '370104']], weight: 2 },
  { province: '广东省', prefix: '珠海', prefixEn: 'Zhuhai', city: '珠海市', districts: [['香洲区', '440402']], weight: 1 },
];

/** Provinces investors name in their thesis. */
export const THESIS_REGIONS = ['长三角', '京津冀', '粤港澳大湾区', '江苏省', '上海市', '北京市', '浙江省', '广东省', '全国'] as const;

/** Street names for addresses, with the kind of place they lead to. */
export const STREETS = ['药城大道', '科技路', '创新大道', '医药路', '祥云路', '张衡路', '蔡伦路', '生命园路', '永旺路', '科学城路', '星湖街', '金科路', '新源路', '高新大道', '康桥路'] as const;
