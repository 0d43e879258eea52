/** Tickets: English and Chinese side by side. */
export const ticketsEn = {
  'ticketNoun.summary': 'the service queue: open, list, show, reply, note, pending, resolve, reopen, close, templates',
  'reply.templateNotFound': 'no reply template "{name}"',
  'reply.templateNotFound.hint': 'see "shopkeep ticket templates"',
  'reply.unknownVariable': 'template {template} uses {{{variable}}}, which shopkeep does not know (known: {known})',
  'reply.noValue': 'template {template} needs {{{variable}}}, which has no value for this ticket',
} as const;

export const ticketsZh: Record<keyof typeof ticketsEn, string> = {
  'ticketNoun.summary': '客服工单：新建、队列、详情、回复、内部备注、待买家、解决、重开、关闭、话术模板',
  'reply.templateNotFound': '没有名为“{name}”的回复模板',
  'reply.templateNotFound.hint': '参见 "shopkeep ticket templates"',
  'reply.unknownVariable': '模板 {template} 使用了 shopkeep 不认识的变量 {{{variable}}}（可用：{known}）',
  'reply.noValue': '模板 {template} 需要 {{{variable}}}，但此工单没有该值',
};
