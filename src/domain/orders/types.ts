export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'picking',
  'packed',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'on_hold',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses whose goods are still to go out (the shipping queue). */
export const TO_SHIP: readonly OrderStatus[] = ['paid', 'picking', 'packed', 'partially_shipped'];
/** Statuses in which an order still holds a stock reservation. */
export const RESERVING: readonly OrderStatus[] = ['paid', 'picking', 'packed', 'partially_shipped', 'on_hold'];

export interface Address {
  name: string | null;
  phone: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  postcode: string | null;
  country: string | null;
}

export interface Customer {
  id: number;
  shopId: number;
  platformBuyerId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface OrderLine {
  id: number;
  orderId: number;
  lineKey: string;
  skuId: number | null;
  skuCode: string | null;
  platformSku: string | null;
  listingId: string | null;
  title: string;
  variant: string | null;
  quantity: number;
  /** Minor units of the order's currency. */
  unitPrice: number;
  discount: number;
  reserved: number;
  shipped: number;
  location: string | null;
  /** Shipped from the platform's warehouse (Amazon FBA): never reserves or moves the shop's stock. Set only then. */
  platformStock?: boolean;
  /** The platform cancelled this item in an order that goes on: it holds and ships nothing. Set only then. */
  cancelled?: boolean;
}

export interface Order {
  id: number;
  shopId: number;
  shopName: string;
  platform: string;
  timezone: string;
  platformOrderId: string;
  customerId: number | null;
  status: OrderStatus;
  heldFrom: OrderStatus | null;
  currency: string;
  itemSubtotal: number;
  shipping: number;
  discount: number;
  tax: number;
  total: number;
  paid: number;
  refunded: number;
  address: Address;
  buyerNote: string | null;
  sellerMemo: string | null;
  holdReason: string | null;
  cancelReason: string | null;
  source: 'manual' | 'import' | 'split';
  placedAt: number;
  paidAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
}

export interface Shipment {
  id: number;
  orderId: number;
  carrier: string;
  trackingNumber: string;
  shippedAt: number;
  deliveredAt: number | null;
  lines: { orderLineId: number; skuCode: string | null; title: string; quantity: number }[];
}

export const EVENT_KINDS = ['created', 'status', 'payment', 'address', 'lines', 'tracking', 'memo', 'hold', 'merge', 'split', 'import', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface OrderEvent {
  id: number;
  at: number;
  kind: EventKind;
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface OrderDetail extends Order {
  customer: Customer | null;
  lines: OrderLine[];
  shipments: Shipment[];
  events: OrderEvent[];
}

/** One SKU:QTY item as typed on the command line (`LJ-250:2@368.00`). */
export interface ItemSpec {
  sku: string;
  quantity: number;
  unitPrice?: string;
}
