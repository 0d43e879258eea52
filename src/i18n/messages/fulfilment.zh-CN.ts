/** Fulfilment (pick lists, packing slips): Chinese, every key of ./fulfilment.ts (the compiler checks). */
import type { fulfilmentEn } from './fulfilment.js';

export const fulfilmentZh: Record<keyof typeof fulfilmentEn, string> = {
  'pick.summary': '打印订单拣货单，并将已付款订单标记为拣货中',
  'pick.opt.all': '所有已付款或拣货中的订单（指定 --shop 时仅限该店铺）',
  'pick.opt.noMark': '只打印，不改变订单状态',
  'pick.marked': '已将 {count} 个订单标记为拣货中',
  'pick.none': '没有已付款或拣货中的订单，无需拣货',
  'pack.summary': '为每个订单打印装箱单，并将订单标记为已打包',
  'pack.opt.all': '所有已付款或拣货中的订单（指定 --shop 时仅限该店铺）',
  'pack.opt.noMark': '只打印（补打），不改变订单状态',
  'pack.opt.reveal': '显示收件人完整电话号码，而不是 138****1234',
  'pack.marked': '已将 {count} 个订单标记为已打包',
  'pack.none': '没有已付款或拣货中的订单，无需打包',
  'fulfilment.arg.orders': '平台订单号，或用 id:N 表示 shopkeep 内部编号',
  'fulfilment.opt.shop': '订单号所属店铺；与 --all 同用时只取该店铺的订单',
  'fulfilment.opt.output': '写入文件 FILE（- 表示标准输出）；未指定 --format 时按 .html、.md 或 .json 扩展名选择格式',
  'fulfilment.written': '已写入 {file}',
  'fulfilment.nothingSelected': '未选择任何订单',
  'fulfilment.nothingSelected.hint': '请给出平台订单号或 id:N，或用 --all 选取所有已付款订单',
  'fulfilment.notPickable': '订单 {order} 当前为{status:orderStatus}；只有已付款、拣货中或已打包的订单可以拣货或打包',
  'fulfilment.notPickable.hint': '已挂起的订单需先解除挂起；已发货、已完成和已取消的订单没有可打包的商品',
};
