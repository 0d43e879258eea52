import type { Random } from './random.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['芳', '伟', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '华', '婷', '雪', '晨', '思远', '雨桐'];
const CN_PLACES = [
  ['浙江省', '杭州市', '西湖区', '文三路'],
  ['浙江省', '宁波市', '鄞州区', '天童南路'],
  ['上海市', '上海市', '浦东新区', '张杨路'],
  ['北京市', '北京市', '朝阳区', '建国路'],
  ['广东省', '广州市', '天河区', '体育西路'],
  ['广东省', '深圳市', '南山区', '科技园路'],
  ['江苏省', '南京市', '鼓楼区', '中山北路'],
  ['江苏省', '苏州市', '姑苏区', '人民路'],
  ['四川省', '成都市', '武侯区', '人民南路'],
  ['湖北省', '武汉市', '洪山区', '珞喻路'],
  ['福建省', '厦门市', '思明区', '湖滨南路'],
  ['山东省', '青岛市', '市南区', '香港中路'],
] as const;
const FIRST = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Grace', 'Daniel', 'Chloe', 'Henry', 'Zoe', 'Jack'];
const LAST = ['Smith', 'Johnson', 'Lee', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Chen', 'Taylor', 'Clark', 'Lewis', 'Walker', 'Young'];
const US_PLACES = [
  ['CA', 'San Francisco', '94110'],
  ['CA', 'Los Angeles', '90012'],
  ['NY', 'New York', '10003'],
  ['WA', 'Seattle', '98101'],
  ['TX', 'Austin', '78701'],
  ['IL', 'Chicago', '60607'],
  ['MA', 'Boston', '02116'],
  ['OR', 'Portland', '97205'],
] as const;

export interface DemoBuyer {
  buyerId: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: { name: string; phone: string | null; province: string; city: string; district: string | null; street: string; postcode: string; country: string };
}

/** A buyer of a Chinese shop: a 11-digit mobile, a province-city-district address. */
export function chineseBuyer(random: Random, n: number): DemoBuyer {
  const name = random.pick(SURNAMES) + random.pick(GIVEN);
  const phone = `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  const [province, city, district, road] = random.pick(CN_PLACES);
  const street = `${road} ${random.int(1, 999)} 号 ${random.int(1, 30)} 幢 ${random.int(101, 2806)} 室`;
  return {
    buyerId: `tb_${(n * 7919 + 1000003).toString(36)}`,
    name,
    phone,
    email: null,
    address: { name, phone, province, city, district, street, postcode: String(random.int(100000, 850000)), country: 'CN' },
  };
}

/** A buyer of the US shop: email first, a US address. */
export function usBuyer(random: Random, n: number): DemoBuyer {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const name = `${first} ${last}`;
  const [state, city, zip] = random.pick(US_PLACES);
  return {
    buyerId: `shopify-${4100 + n}`,
    name,
    phone: random.chance(0.5) ? `+1 ${random.int(200, 989)}-555-${String(random.int(0, 9999)).padStart(4, '0')}` : null,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${n}@example.com`,
    address: { name, phone: null, province: state, city, district: null, street: `${random.int(10, 9999)} ${random.pick(['Oak', 'Pine', 'Maple', 'Cedar', 'Elm'])} St`, postcode: zip, country: 'US' },
  };
}
