import type { Migration } from './index.js';

/** A buyer's earlier paid orders (new vs returning buyers) are found through the customer, not the shop's whole history. */
export const orderCustomerPaidIndex: Migration = {
  version: 7,
  name: 'order_customer_paid_index',
  sql: `
CREATE INDEX sales_order_customer_paid ON sales_order (customer_id, paid_at) WHERE customer_id IS NOT NULL;
`,
};
