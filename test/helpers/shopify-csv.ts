/** Builds Shopify orders_export.csv bytes (the real 79-column header) from a few named cells per row. */
const HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References';
export const SHOPIFY_COLUMNS = HEADER.split(',');

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function shopifyCsv(rows: Record<string, string>[]): Buffer {
  const lines = [HEADER, ...rows.map((r) => SHOPIFY_COLUMNS.map((c) => quote(r[c] ?? '')).join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** One order's first row (order fields and its first line) and further line rows. */
export function shopifyOrder(name: string, o: { financial: string; fulfillment?: string; total: string; created?: string; email?: string; lines: [sku: string, qty: number, price: string][]; tracking?: string; refunded?: string }) {
  const [first, ...rest] = o.lines;
  const created = o.created ?? '2026-11-20 10:00:00 +0800';
  const line = ([sku, qty, price]: [string, number, string]) => ({ 'Lineitem quantity': String(qty), 'Lineitem name': `Item ${sku}`, 'Lineitem price': price, 'Lineitem sku': sku });
  return [
    {
      Name: name, Email: o.email ?? 'ann@example.com', 'Financial Status': o.financial, 'Fulfillment Status': o.fulfillment ?? 'unfulfilled', Currency: 'CNY',
      Subtotal: o.total, Shipping: '0.00', Taxes: '0.00', Total: o.total, 'Created at': created, 'Shipping Name': 'Ann Lee', 'Shipping Address1': '1 Main St',
      'Shipping City': 'Hangzhou', 'Shipping Country': 'CN', 'Refunded Amount': o.refunded ?? '0.00', ...line(first!),
    },
    ...rest.map((l) => ({ Name: name, 'Created at': created, ...line(l) })),
  ];
}
