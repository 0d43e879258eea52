import type { Migration } from './index.js';

/** Customers are matched by email without case: the index must use the same collation to be used at all. */
export const customerEmailIndex: Migration = {
  version: 6,
  name: 'customer_email_index',
  sql: `
DROP INDEX customer_email;
CREATE INDEX customer_email ON customer (shop_id, email COLLATE NOCASE) WHERE email IS NOT NULL;
`,
};
