/** Common carriers: their code, names, tracking-link pattern and, where known, the shape of their numbers. */
export interface Carrier {
  code: string;
  name: string;
  nameZh: string;
  aliases: string[];
  url: string;
  pattern?: RegExp;
}

export const CARRIERS: readonly Carrier[] = [
  { code: 'SF', name: 'SF Express', nameZh: '顺丰速运', aliases: ['sf', 'sfexpress', '顺丰'], url: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/{n}', pattern: /^SF\d{12,15}$/i },
  { code: 'ZTO', name: 'ZTO Express', nameZh: '中通快递', aliases: ['zto', '中通'], url: 'https://www.zto.com/?num={n}', pattern: /^\d{12,15}$/ },
  { code: 'YTO', name: 'YTO Express', nameZh: '圆通速递', aliases: ['yto', '圆通'], url: 'https://www.yto.net.cn/?num={n}', pattern: /^(YT)?\d{12,15}$/i },
  { code: 'STO', name: 'STO Express', nameZh: '申通快递', aliases: ['sto', '申通'], url: 'https://www.sto.cn/?num={n}', pattern: /^\d{12,15}$/ },
  { code: 'YUNDA', name: 'Yunda Express', nameZh: '韵达快递', aliases: ['yunda', 'yd', '韵达'], url: 'https://www.yundaex.com/?num={n}', pattern: /^\d{13,15}$/ },
  { code: 'JD', name: 'JD Logistics', nameZh: '京东物流', aliases: ['jd', 'jdl', '京东', '京东快递'], url: 'https://www.jdl.com/orderSearch/?waybillCodes={n}', pattern: /^JD[A-Z0-9]{10,16}$/i },
  { code: 'EMS', name: 'EMS', nameZh: '中国邮政 EMS', aliases: ['ems'], url: 'https://www.ems.com.cn/queryList?mailNum={n}', pattern: /^([A-Z]{2}\d{9}[A-Z]{2}|\d{13})$/i },
  { code: 'CHINAPOST', name: 'China Post', nameZh: '中国邮政', aliases: ['chinapost', 'china post', '邮政', '中国邮政'], url: 'https://yjcx.ems.com.cn/qps/yjcx?mailNum={n}', pattern: /^([A-Z]{2}\d{9}[A-Z]{2}|\d{13})$/i },
  { code: 'JT', name: 'J&T Express', nameZh: '极兔速递', aliases: ['jt', 'j&t', 'jtexpress', '极兔'], url: 'https://www.jtexpress.com.cn/?num={n}', pattern: /^JT\d{13}$/i },
  { code: 'UPS', name: 'UPS', nameZh: 'UPS', aliases: ['ups'], url: 'https://www.ups.com/track?tracknum={n}', pattern: /^1Z[A-Z0-9]{16}$/i },
  { code: 'FEDEX', name: 'FedEx', nameZh: '联邦快递', aliases: ['fedex', 'fed ex'], url: 'https://www.fedex.com/fedextrack/?trknbr={n}', pattern: /^(\d{12}|\d{15}|\d{20}|\d{22})$/ },
  { code: 'DHL', name: 'DHL Express', nameZh: 'DHL', aliases: ['dhl', 'dhl express'], url: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id={n}', pattern: /^\d{10,11}$/ },
  { code: 'USPS', name: 'USPS', nameZh: '美国邮政', aliases: ['usps'], url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={n}', pattern: /^(9\d{19,21}|[A-Z]{2}\d{9}US)$/i },
  { code: 'ROYALMAIL', name: 'Royal Mail', nameZh: '英国皇家邮政', aliases: ['royalmail', 'royal mail', 'rm'], url: 'https://www.royalmail.com/track-your-item#/tracking-results/{n}', pattern: /^[A-Z]{2}\d{9}GB$/i },
  { code: 'CANADAPOST', name: 'Canada Post', nameZh: '加拿大邮政', aliases: ['canadapost', 'canada post'], url: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={n}', pattern: /^(\d{16}|[A-Z]{2}\d{9}CA)$/i },
  { code: 'AUSPOST', name: 'Australia Post', nameZh: '澳大利亚邮政', aliases: ['auspost', 'australia post'], url: 'https://auspost.com.au/mypost/track/#/details/{n}' },
];

const key = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** The known carrier for a code, name or alias ("sf", "顺丰", "Royal Mail"), if any. */
export function findCarrier(text: string): Carrier | undefined {
  const k = key(text);
  return CARRIERS.find((c) => key(c.code) === k || key(c.name) === k || key(c.nameZh) === k || c.aliases.some((a) => key(a) === k));
}

export function trackingUrl(carrierCode: string, trackingNumber: string): string | null {
  const carrier = findCarrier(carrierCode);
  return carrier ? carrier.url.replace('{n}', encodeURIComponent(trackingNumber)) : null;
}

/** False when the carrier has a known number shape and this number does not fit it (a warning, never a refusal). */
export function trackingLooksRight(carrierCode: string, trackingNumber: string): boolean {
  const carrier = findCarrier(carrierCode);
  return !carrier?.pattern || carrier.pattern.test(trackingNumber.replace(/\s+/g, ''));
}
