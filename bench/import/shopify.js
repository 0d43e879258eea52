// Shopify orders_export.csv generator for the import benchmark: the real 79-column header, one row per line
// item (2.5 lines per order on average), order fields on an order's first row only, and in the same pass the
// "overlapping export" a seller downloads a few days later: the same orders in the same rows, 90% byte-identical,
// 10% with a new status (fulfilled, paid, refunded). Deterministic (seeded PRNG); streamed to disk in chunks.
import { amount, chunkedWriter, csvCell, DAY, NOW, prng, shopifyTime } from './common.js';

export const SHOPIFY_HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References';
const COLUMNS = SHOPIFY_HEADER.split(',');
if (COLUMNS.length !== 79) throw new Error(`Shopify header has ${COLUMNS.length} columns, not 79`);
const C = Object.fromEntries(COLUMNS.map((c, i) => [c, i]));

const FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Emily', 'Daniel', 'Sarah', 'Chris', 'Olivia', 'Wei', 'Mei', 'Aiko', 'Lucas', 'Sofia', 'Noah', 'Grace', 'Ethan', 'Chloe', 'Priya'];
const LAST = ['Smith', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Lee', 'Chen', 'Wong', 'Martin', "O'Brien", 'Lewis', 'Walker', 'Nguyen', 'Patel', 'Kim', 'Rossi'];
// state, province name, city, zip prefix, sales tax rate (per mille)
const STATES = [
  ['NY', 'New York', 'Brooklyn', '112', 40], ['NY', 'New York', 'New York', '100', 40], ['CA', 'California', 'San Francisco', '941', 73], ['CA', 'California', 'Los Angeles', '900', 73],
  ['WA', 'Washington', 'Seattle', '981', 65], ['TX', 'Texas', 'Austin', '787', 63], ['MA', 'Massachusetts', 'Boston', '021', 63], ['IL', 'Illinois', 'Chicago', '606', 63],
  ['OR', 'Oregon', 'Portland', '972', 0], ['NJ', 'New Jersey', 'Jersey City', '073', 66], ['CO', 'Colorado', 'Denver', '802', 29], ['FL', 'Florida', 'Miami', '331', 60],
];
const STREETS = ['Oak St', 'Maple Ave', 'Pine St', 'Cedar Rd', 'Elm St', 'Market St', 'Broadway', 'Lake Dr', 'Washington Ave', 'Park Pl', '5th Ave', 'Sunset Blvd'];
const NOTES = [
  'Please leave the parcel with the doorman.\nThank you!',
  'Gift for my mother - please do not include the invoice.',
  'Can you ship before Friday?\nWe are travelling next week.\nThanks, J.',
  'Ring the bell twice, the buzzer is broken.',
  'Second order this month - the jasmine pearls were wonderful!\n\nCould you add a sample of the Dancong?',
];
const NOTE_ATTRIBUTES = ['gift-message: Happy birthday, Mom!\ngift-wrap: yes', 'delivery-date: 2026-12-20\ngift-wrap: no', 'how-did-you-hear: Instagram'];
const TAGS = ['repeat', 'vip, repeat', 'wholesale', 'newsletter, first-order', 'gift'];
const CUSTOM_ITEMS = [['Gift wrapping', 400], ['Handwritten card', 200], ['Tasting notes booklet', 300]];

// Shopify (financial, fulfilment) for orders that stay as they are; weights in percent.
const STEADY = [
  [66, 'paid', 'fulfilled'], [12, 'paid', 'unfulfilled'], [3, 'paid', 'partial'], [4, 'partially_refunded', 'fulfilled'], [2, 'refunded', 'fulfilled'],
  [5, 'refunded', 'unfulfilled'], [5, 'pending', 'unfulfilled'], [1, 'authorized', 'unfulfilled'], [2, 'voided', 'unfulfilled'],
];
// Orders that change between the two exports: [weight, before, after].
const MOVES = [
  [70, ['paid', 'unfulfilled'], ['paid', 'fulfilled']],
  [15, ['pending', 'unfulfilled'], ['paid', 'unfulfilled']],
  [10, ['paid', 'unfulfilled'], ['refunded', 'unfulfilled']],
  [5, ['paid', 'partial'], ['paid', 'fulfilled']],
];

/** shopkeep's status for a Shopify pair, as docs/imports.md maps it (for the expected counts). */
export function shopkeepStatus(financial, fulfilment, cancelled) {
  if (cancelled || financial === 'voided') return 'cancelled';
  if (fulfilment === 'fulfilled') return 'shipped';
  if (fulfilment === 'partial') return 'partially_shipped';
  if (financial === 'refunded') return 'cancelled';
  return financial === 'pending' || financial === 'authorized' ? 'pending_payment' : 'paid';
}

/** A customer from a pool of repeat buyers, the same every time its index comes up. */
function customer(index) {
  const r = prng(0x9e3779b9 ^ (index * 2654435761));
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const [state, provinceName, city, zip, taxRate] = r.pick(STATES);
  const phone = r.next() < 0.55 ? `+1 ${r.digits(3)}-555-0${r.digits(3)}` : '';
  return {
    name: `${first} ${last}`,
    email: `${first}.${last.replace(/'/g, '')}${index}@example.com`.toLowerCase(),
    marketing: r.next() < 0.35 ? 'yes' : 'no',
    street: `${r.int(1, 9999)} ${r.pick(STREETS)}`,
    street2: r.next() < 0.25 ? `Apt ${r.int(1, 30)}${r.pick(['A', 'B', 'C', 'D'])}` : '',
    company: r.next() < 0.05 ? `${last} & Co.` : '',
    city, state, provinceName, taxRate,
    zip: zip.startsWith('0') ? `'${zip}${r.digits(2)}` : `${zip}${r.digits(2)}`, // Shopify guards zips with a leading zero
    phone,
  };
}

/** One order's state in both exports; `moves` tells whether it changes. */
function orderPlan(rng, lineCount) {
  const changes = rng.next() < 0.1;
  let before;
  let after;
  if (changes) {
    const m = MOVES[rng.weighted(MOVES.map((x) => x[0]))];
    [before, after] = [m[1], m[2]];
    if (before[1] === 'partial' && lineCount < 2) before = ['paid', 'unfulfilled'];
  } else {
    const s = STEADY[rng.weighted(STEADY.map((x) => x[0]))];
    before = [s[1], s[2]];
    if (before[1] === 'partial' && lineCount < 2) before = ['paid', 'fulfilled'];
    after = before;
  }
  return { changes, before, after };
}

/**
 * Writes `file` (and `overlapFile` when given) with exactly `lines` line-item rows after the header.
 * Returns what the files hold and what an import should report.
 */
export function generateShopify({ lines: TOTAL, file, overlapFile, skus, seed = 1 }) {
  const rng = prng(seed);
  const out = chunkedWriter(file);
  const overlap = overlapFile ? chunkedWriter(overlapFile) : null;
  const header = `${SHOPIFY_HEADER}\r\n`;
  out.write(header);
  overlap?.write(header);
  const estimatedOrders = Math.ceil(TOTAL / 2.5);
  const customers = Math.max(1, Math.floor(estimatedOrders / 2.2));
  const catalogueCodes = skus.map((s, i) => i);
  const stats = { orders: 0, rows: 0, physicalLines: 1, changed: 0, multiLineNotes: 0, catalogueLines: 0, unknownSkuLines: 0, customLines: 0, status: {}, statusAfter: {} };
  const start = NOW - 365 * DAY;
  let produced = 0;
  while (produced < TOTAL) {
    const i = stats.orders++;
    // Lines per order: 1–5, 2.5 on average; the last order takes what is left.
    let k = [1, 2, 3, 4, 5][rng.weighted([30, 25, 20, 15, 10])];
    k = Math.min(k, TOTAL - produced);
    produced += k;
    const plan = orderPlan(rng, k);
    const cust = customer(rng.int(0, customers - 1));
    const placed = start + Math.floor(((i + rng.next()) / estimatedOrders) * 365 * DAY * 0.999);
    const paidAt = placed + rng.int(5, 600) * 1000;
    const fulfilledAt = placed + rng.int(4, 72) * 3_600_000;
    const laterFulfilledAt = placed + rng.int(73, 140) * 3_600_000; // the second export's fulfilment
    const laterPaidAt = placed + rng.int(1, 48) * 3_600_000;
    const cancelledAt = placed + rng.int(1, 96) * 3_600_000;
    const id = String(5_400_000_000_000 + i * 37 + rng.int(0, 36));
    // Lines: mostly catalogue SKUs, a few retired codes the catalogue does not have, a few custom items.
    const picks = rng.distinct(catalogueCodes, k);
    const items = picks.map((s, li) => {
      const kind = rng.weighted([94, 3, 3]);
      const qty = [1, 2, 3, rng.int(4, 6)][rng.weighted([75, 18, 5, 2])];
      if (kind === 0) {
        const sku = skus[s];
        stats.catalogueLines++;
        return { qty, name: `${sku.title} - ${sku.value}`, price: sku.usd, compare: rng.next() < 0.1 ? Math.round(sku.usd * 1.25) : null, sku: sku.code };
      }
      if (kind === 1) {
        stats.unknownSkuLines++;
        return { qty, name: `Seasonal sampler ${2023 + (s % 3)} #${s}`, price: 1999, compare: null, sku: `RETIRED-${String(s).padStart(4, '0')}` };
      }
      stats.customLines++;
      const [name, price] = CUSTOM_ITEMS[li % CUSTOM_ITEMS.length];
      return { qty: 1, name: li < CUSTOM_ITEMS.length ? name : `${name} ${li}`, price, compare: null, sku: '' };
    });
    const subtotal = items.reduce((sum, l) => sum + l.qty * l.price, 0);
    const discountCode = rng.next() < 0.15 ? rng.pick(['WELCOME10', 'SPRING10', 'TEA10']) : '';
    const discount = discountCode ? Math.round(subtotal * 0.1) : 0;
    const shipping = subtotal - discount >= 5000 ? 0 : 695;
    const taxes = Math.round(((subtotal - discount) * cust.taxRate) / 1000);
    const total = subtotal - discount + shipping + taxes;
    const note = rng.next() < 0.05 ? rng.pick(NOTES) : '';
    const noteAttributes = rng.next() < 0.03 ? rng.pick(NOTE_ATTRIBUTES) : '';
    const tags = rng.next() < 0.2 ? rng.pick(TAGS) : '';
    const partialRefund = Math.max(100, Math.round(total * 0.3));
    const payRef = `c${rng.digits(11)}.1`;
    const paymentId = `#${rng.digits(4)}.${rng.digits(1)}`;
    if (note.includes('\n')) stats.multiLineNotes++;

    const rowsFor = ([financial, fulfilment], later) => {
      const unpaid = financial === 'pending' || financial === 'authorized';
      const cancelled = financial === 'voided' || (financial === 'refunded' && fulfilment === 'unfulfilled');
      const fulfilledTime = fulfilment === 'unfulfilled' ? '' : shopifyTime(later && plan.changes && plan.before[1] !== 'fulfilled' ? laterFulfilledAt : fulfilledAt);
      const paidTime = unpaid || financial === 'voided' ? '' : shopifyTime(later && plan.changes && plan.before[0] === 'pending' ? laterPaidAt : paidAt);
      const refunded = financial === 'refunded' ? total : financial === 'partially_refunded' ? partialRefund : 0;
      const created = shopifyTime(placed);
      const rows = [];
      items.forEach((l, li) => {
        const r = new Array(79).fill('');
        r[C.Name] = `#${100001 + i}`;
        r[C.Email] = cust.email;
        r[C['Created at']] = created;
        r[C['Lineitem quantity']] = String(l.qty);
        r[C['Lineitem name']] = l.name;
        r[C['Lineitem price']] = amount(l.price);
        r[C['Lineitem compare at price']] = l.compare === null ? '' : amount(l.compare);
        r[C['Lineitem sku']] = l.sku;
        r[C['Lineitem requires shipping']] = 'true';
        r[C['Lineitem taxable']] = 'true';
        r[C['Lineitem fulfillment status']] = fulfilment === 'fulfilled' || (fulfilment === 'partial' && li === 0) ? 'fulfilled' : 'pending';
        r[C.Vendor] = 'Mountain Leaf';
        r[C['Lineitem discount']] = '0.00';
        if (li === 0) {
          r[C['Financial Status']] = financial;
          r[C['Paid at']] = paidTime;
          r[C['Fulfillment Status']] = fulfilment;
          r[C['Fulfilled at']] = fulfilledTime;
          r[C['Accepts Marketing']] = cust.marketing;
          r[C.Currency] = 'USD';
          r[C.Subtotal] = amount(subtotal);
          r[C.Shipping] = amount(shipping);
          r[C.Taxes] = amount(taxes);
          r[C.Total] = amount(total);
          r[C['Discount Code']] = discountCode;
          r[C['Discount Amount']] = amount(discount);
          r[C['Shipping Method']] = shipping === 0 ? 'Free Shipping' : 'Standard Shipping';
          for (const side of ['Billing', 'Shipping']) {
            r[C[`${side} Name`]] = cust.name;
            r[C[`${side} Street`]] = cust.street2 ? `${cust.street}, ${cust.street2}` : cust.street;
            r[C[`${side} Address1`]] = cust.street;
            r[C[`${side} Address2`]] = cust.street2;
            r[C[`${side} Company`]] = cust.company;
            r[C[`${side} City`]] = cust.city;
            r[C[`${side} Zip`]] = cust.zip;
            r[C[`${side} Province`]] = cust.state;
            r[C[`${side} Country`]] = 'US';
            r[C[`${side} Phone`]] = cust.phone;
            r[C[`${side} Province Name`]] = cust.provinceName;
          }
          r[C.Notes] = note;
          r[C['Note Attributes']] = noteAttributes;
          r[C['Cancelled at']] = cancelled ? shopifyTime(cancelledAt) : '';
          r[C['Payment Method']] = 'Shopify Payments';
          r[C['Payment Reference']] = payRef;
          r[C['Refunded Amount']] = amount(refunded);
          r[C['Outstanding Balance']] = amount(unpaid ? total : 0);
          r[C.Id] = id;
          r[C.Tags] = tags;
          r[C['Risk Level']] = 'Low';
          r[C.Source] = 'web';
          if (taxes > 0) {
            r[C['Tax 1 Name']] = `${cust.state} State Tax ${(cust.taxRate / 10).toFixed(cust.taxRate % 10 ? 1 : 0)}%`;
            r[C['Tax 1 Value']] = amount(taxes);
          }
          r[C.Phone] = cust.phone;
          r[C['Payment ID']] = paymentId;
          r[C['Payment References']] = payRef;
        }
        rows.push(r.map(csvCell).join(','));
      });
      return `${rows.join('\r\n')}\r\n`;
    };

    const first = rowsFor(plan.before, false);
    out.write(first);
    if (overlap) overlap.write(plan.changes ? rowsFor(plan.after, true) : first);
    const b = shopkeepStatus(plan.before[0], plan.before[1], false);
    const a = shopkeepStatus(plan.after[0], plan.after[1], false);
    stats.status[b] = (stats.status[b] ?? 0) + 1;
    stats.statusAfter[a] = (stats.statusAfter[a] ?? 0) + 1;
    if (plan.changes) stats.changed++;
    stats.rows += k;
    stats.physicalLines += k + (note.match(/\n/g)?.length ?? 0) + (noteAttributes.match(/\n/g)?.length ?? 0);
  }
  stats.bytes = out.close();
  if (overlap) stats.overlapBytes = overlap.close();
  return stats;
}
