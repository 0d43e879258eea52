/** Tickets: English and Chinese side by side. */
export const ticketsEn = {
  'ticketNoun.summary': 'the service queue: open, list, show, reply, note, pending, resolve, reopen, close, templates',
} as const;

export const ticketsZh: Record<keyof typeof ticketsEn, string> = {
  'ticketNoun.summary': '客服工单：新建、队列、详情、回复、内部备注、待买家、解决、重开、关闭、话术模板',
};
