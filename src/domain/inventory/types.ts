export const MOVEMENT_KINDS = ['receive', 'adjust', 'count', 'sale', 'return', 'scrap'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface Movement {
  id: number;
  skuCode: string;
  kind: MovementKind;
  quantity: number;
  onHandAfter: number;
  unitCost: number | null;
  currency: string;
  reason: string | null;
  reference: string | null;
  occurredAt: number;
}

export interface StockLine {
  skuCode: string;
  productId: number;
  title: string;
  variant: Record<string, string>;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  reorderPoint: number | null;
  low: boolean;
}

export interface MovementInput {
  kind: MovementKind;
  quantity: number;
  reason?: string | null;
  reference?: string | null;
  unitCost?: number | null;
  occurredAt: number;
  allowNegative?: boolean;
  orderId?: number | null;
}
