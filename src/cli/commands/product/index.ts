import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { productAddCommand } from './add.js';
import { productArchiveCommand, productUnarchiveCommand } from './archive.js';
import { productEditCommand } from './edit.js';
import { productExportCommand } from './export.js';
import { productImportCommand } from './import.js';
import { productLinkCommand } from './link.js';
import { productListCommand } from './list.js';
import { productShowCommand } from './show.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'product', 'product.summary', [
    productAddCommand(ctx),
    productListCommand(ctx),
    productShowCommand(ctx),
    productEditCommand(ctx),
    productArchiveCommand(ctx),
    productUnarchiveCommand(ctx),
    productLinkCommand(ctx),
    productImportCommand(ctx),
    productExportCommand(ctx),
  ]);
}
