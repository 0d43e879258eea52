// Taobao export pair generator for the import benchmark: 订单报表 (ExportOrderList, one row per order, the
// 54-column 2018–19 header with its trailing spaces) and 宝贝报表 (ExportOrderDetailList, one row per item,
// about 1.5 per order), written as GB18030 bytes with iconv-lite like the real downloads, plus UTF-8 twins
// of both (same text) for the sqlite3 shell, whose .import cannot decode GB18030. Deterministic.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { amount, chinaTime, chunkedWriter, csvCell, DAY, NOW, prng } from './common.js';

export const ORDERS_HEADER =
  '订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,"收货地址 ",运送方式,"联系电话 ",联系手机,订单创建时间,"订单付款时间 ","宝贝标题 ","宝贝种类 ","物流单号 ",物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,含应开票给个人的个人红包';
export const ITEMS_HEADER = '订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红鹏辉飞鑫波宇浩凯健俊帆帅旭宁文琳晨欣怡涵梓轩雨'.split('');
const NICK = ['tea_lover', '茶友', 'puer_fan', '小茶童', 'oolong', '喝茶的猫', 'leaf', '清风徐来', 'kungfu_tea', '茶人'];
const PLACES = [
  ['浙江省', '杭州市', ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区'], '310000'], ['江苏省', '苏州市', ['姑苏区', '吴中区', '工业园区'], '215000'],
  ['上海', '上海市', ['浦东新区', '徐汇区', '静安区', '长宁区', '闵行区'], '200000'], ['北京', '北京市', ['朝阳区', '海淀区', '东城区', '西城区'], '100000'],
  ['广东省', '广州市', ['天河区', '越秀区', '海珠区', '番禺区'], '510000'], ['广东省', '深圳市', ['南山区', '福田区', '罗湖区', '宝安区'], '518000'],
  ['广东省', '东莞市', ['长安镇', '虎门镇'], '523000'], ['四川省', '成都市', ['锦江区', '武侯区', '青羊区'], '610000'],
  ['湖北省', '武汉市', ['江汉区', '武昌区', '洪山区'], '430000'], ['福建省', '厦门市', ['思明区', '湖里区'], '361000'],
  ['云南省', '昆明市', ['五华区', '盘龙区'], '650000'], ['陕西省', '西安市', ['雁塔区', '碑林区'], '710000'],
];
const ROADS = ['文一西路', '延安路', '人民路', '中山路', '解放路', '建设路', '学院路', '长江路', '和平路', '东风路', '𠮷祥路']; // 𠮷: a four-byte GB18030 character
const CARRIERS = [['中通快递', 'ZT', 12], ['圆通速递', 'YT', 13], ['韵达快递', 'YD', 13], ['顺丰速运', 'SF', 12], ['申通快递', 'ST', 12]];
const MESSAGES = ['请用顺丰，谢谢', '送人的，不要放发票', '尽快发货\n周末家里没人，请放快递柜', '老客户了，多送点小样吧', '包装结实一点，上次盖碗碎了'];
const STATUSES = [
  [60, '交易成功'], [12, '卖家已发货，等待买家确认'], [13, '买家已付款，等待卖家发货'], [10, '交易关闭'], [5, '等待买家付款'],
];
/** shopkeep's status per 订单状态 (docs/import-taobao-jd-pdd.md). */
export const TAOBAO_STATUS = { 交易成功: 'completed', '卖家已发货，等待买家确认': 'shipped', '买家已付款，等待卖家发货': 'paid', 交易关闭: 'cancelled', 等待买家付款: 'pending_payment' };

/**
 * Writes `ExportOrderList…csv` and `ExportOrderDetailList…csv` (GB18030) into `dir`, with `….utf8.csv` twins.
 * `orders` rows in the 订单报表. Returns the paths and what they hold.
 */
export function generateTaobao({ orders: TOTAL, dir, skus, root, seed = 2 }) {
  const iconv = createRequire(join(root, 'package.json'))('iconv-lite');
  const gb = (s) => iconv.encode(s, 'gb18030');
  const stamp = '202611121000';
  const paths = {
    orders: join(dir, `ExportOrderList${stamp}-${TOTAL}.csv`),
    items: join(dir, `ExportOrderDetailList${stamp}-${TOTAL}.csv`),
    ordersUtf8: join(dir, `ExportOrderList${stamp}-${TOTAL}.utf8.csv`),
    itemsUtf8: join(dir, `ExportOrderDetailList${stamp}-${TOTAL}.utf8.csv`),
  };
  const o = chunkedWriter(paths.orders, gb);
  const it = chunkedWriter(paths.items, gb);
  const o8 = chunkedWriter(paths.ordersUtf8);
  const it8 = chunkedWriter(paths.itemsUtf8);
  const both = (a, b, text) => {
    a.write(text);
    b.write(text);
  };
  both(o, o8, `${ORDERS_HEADER}\r\n`);
  both(it, it8, `${ITEMS_HEADER}\r\n`);
  const rng = prng(seed);
  const stats = { orders: 0, itemRows: 0, status: {}, catalogueLines: 0 };
  const start = NOW - 365 * DAY;
  const buyers = Math.max(1, Math.floor(TOTAL / 2));
  const indexes = skus.map((_, i) => i);
  for (let i = 0; i < TOTAL; i++) {
    const id = String(1_930_679_858_170_647n + BigInt(i) * 7919n);
    const status = STATUSES[rng.weighted(STATUSES.map((s) => s[0]))][1];
    const b = rng.int(0, buyers - 1);
    const br = prng(0x51ed27 ^ (b * 2654435761));
    const nick = `${br.pick(NICK)}${b}`;
    const name = br.pick(SURNAMES) + br.pick(GIVEN) + (br.next() < 0.6 ? br.pick(GIVEN) : '');
    const [province, city, districts, postcode] = br.pick(PLACES);
    const address = `${province} ${city} ${br.pick(districts)} ${br.pick(ROADS)}${br.int(1, 999)}号${br.int(1, 30)}幢${br.int(101, 2806)}室(${postcode})`;
    const mobile = br.next() < 0.7 ? `'1${br.pick(['3', '5', '8'])}${br.digits(1)}****${br.digits(4)}` : `'1${br.pick(['3', '5', '7', '8', '9'])}${br.digits(9)}`;
    const alipay = `${nick.replace(/[^a-z]/g, '').slice(0, 2) || 'zh'}***@${br.pick(['163.com', 'qq.com', 'sina.com'])}`;
    const k = [1, 2, 3, 4][rng.weighted([65, 25, 8, 2])];
    const items = rng.distinct(indexes, k).map((s) => {
      const sku = skus[s];
      const catalogue = rng.next() < 0.95;
      if (catalogue) stats.catalogueLines++;
      return { title: `${sku.titleZh} ${sku.valueZh}`, price: sku.cny, qty: [1, 2, 3][rng.weighted([80, 15, 5])], attr: `${sku.axisZh}：${sku.valueZh}`, code: catalogue ? sku.code : '' };
    });
    const goods = items.reduce((sum, l) => sum + l.price * l.qty, 0);
    const postage = goods >= 9900 ? 0 : 800;
    const total = goods + postage;
    const placed = start + Math.floor(((i + rng.next()) / TOTAL) * 365 * DAY * 0.999);
    const unpaid = status === '等待买家付款';
    const closedUnpaid = status === '交易关闭' && rng.next() < 0.7;
    const paid = unpaid || closedUnpaid ? 0 : total;
    const refund = status === '交易关闭' && !closedUnpaid ? total : 0;
    const shipped = status === '交易成功' || status === '卖家已发货，等待买家确认';
    const [carrier, prefix, len] = rng.pick(CARRIERS);
    const tracking = shipped ? `No:${prefix}${rng.digits(len)}` : '';
    const message = rng.next() < 0.06 ? rng.pick(MESSAGES) : '';
    const memo = rng.next() < 0.03 ? '老客户，送茶巾' : '';
    const confirmed = status === '交易成功' ? chinaTime(placed + rng.int(3, 12) * DAY) : '';
    const units = items.reduce((sum, l) => sum + l.qty, 0);
    const orderRow = [
      `="${id}"`, nick, alipay, amount(goods), postage ? `${amount(postage)}元` : '0.00', '0', amount(total), '0', amount(paid), '0', status, message, name, address, '快递', '', mobile,
      chinaTime(placed), unpaid || closedUnpaid ? '' : chinaTime(placed + rng.int(10, 900) * 1000), items.map((l) => l.title).join('，'), String(k), tracking, shipped ? carrier : '', memo,
      String(units), '57301234', '山间茶舍', status === '交易关闭' ? (closedUnpaid ? '买家未付款' : '退款') : '', '0', '0元', '', rng.next() < 0.85 ? '手机订单' : '', '', '', '', '', '否', '', '', '', '', '', '',
      '否', '', '', '', '', '', amount(refund), '', confirmed, status === '交易成功' ? `${amount(total)}元` : '0.00元', '',
    ];
    if (orderRow.length !== 54) throw new Error(`订单报表 row has ${orderRow.length} cells`);
    both(o, o8, `${orderRow.map(csvCell).join(',')}\r\n`);
    for (const l of items) {
      const itemRow = [`="${id}"`, l.title, amount(l.price), String(l.qty), '', l.attr, '', '', status, l.code];
      both(it, it8, `${itemRow.map(csvCell).join(',')}\r\n`);
      stats.itemRows++;
    }
    stats.orders++;
    stats.status[TAOBAO_STATUS[status]] = (stats.status[TAOBAO_STATUS[status]] ?? 0) + 1;
  }
  stats.bytes = { orders: o.close(), items: it.close(), ordersUtf8: o8.close(), itemsUtf8: it8.close() };
  return { paths, stats };
}
